import Dispatch
import LuaKit
import Synchronization

/// One run of `hubspot.parallel` or `hubspot.map`: Lua functions in coroutines, each
/// suspended while its request is in flight, resumed when the request completes.
///
/// All Lua runs on the thread that called `parallel`/`map`; only the HTTP calls run in
/// Tasks. The client's rate limiter still spaces them, so this overlaps waiting, it does
/// not outrun HubSpot's limits.
final class SchedulerRun {
    private let bridge: Bridge
    private let mailbox = Mailbox()
    private var continuations: [OpaquePointer: (LuaStack) throws -> Int32] = [:]
    private var tasks: [OpaquePointer: Task<Void, Never>] = [:]

    init(bridge: Bridge) { self.bridge = bridge }

    /// Called by ``Bridge/perform`` inside one of this run's coroutines: starts the request
    /// and remembers how to resume the coroutine with its outcome.
    func start<T: Sendable>(thread: OpaquePointer, box: CallBox<T>, operation: @escaping @Sendable () async throws -> T,
                            resume: @escaping (LuaStack) throws -> Int32) {
        continuations[thread] = resume
        let mailbox = self.mailbox
        let id = Int(bitPattern: thread)
        tasks[thread] = Task {
            do { box.result = .success(try await operation()) } catch { box.result = .failure(error) }
            mailbox.post(id)
        }
    }

    /// Runs jobs `0..<count`, at most `width` at a time. `begin(i)` makes job i's coroutine
    /// with its arguments already pushed, and says how many. Returns each failed job's
    /// error; nil when the run was interrupted (the requests in flight are cancelled).
    func run(count: Int, width: Int, begin: (Int) throws -> (LuaCoroutine, Int32)) throws -> [Int: LuaError]? {
        var active: [OpaquePointer: (index: Int, co: LuaCoroutine)] = [:]
        var errors: [Int: LuaError] = [:]
        var next = 0
        defer {
            for (thread, _) in active { bridge.runs[thread] = nil }
            for task in tasks.values { task.cancel() }
        }

        /// Follows a coroutine after a resume until it waits on a request, returns or fails.
        func settle(_ index: Int, _ co: LuaCoroutine, _ first: LuaCoroutine.Outcome) {
            var outcome = first
            var spins = 0
            while case .yielded = outcome, continuations[co.stack.L] == nil, spins < 10_000 {
                // A plain coroutine.yield in the function: nothing to wait for, go on.
                spins += 1
                outcome = co.resume(with: [])
            }
            switch outcome {
            case .yielded:
                active[co.stack.L] = (index, co)
            case .returned:
                active[co.stack.L] = nil
                bridge.runs[co.stack.L] = nil
            case .failed(let error):
                errors[index] = error
                active[co.stack.L] = nil
                bridge.runs[co.stack.L] = nil
            }
        }

        while next < count || !active.isEmpty {
            while active.count < max(1, width), next < count {
                let (co, arguments) = try begin(next)
                bridge.runs[co.stack.L] = self
                settle(next, co, co.resume(pushed: arguments))
                next += 1
            }
            if active.isEmpty { continue }
            guard let id = mailbox.take(interrupt: bridge.interrupt), let thread = OpaquePointer(bitPattern: id) else { return nil }
            tasks[thread] = nil
            guard let entry = active[thread], let resume = continuations.removeValue(forKey: thread) else { continue }
            let outcome: LuaCoroutine.Outcome
            do {
                let pushed = try resume(entry.co.stack)
                outcome = entry.co.resume(pushed: pushed)
            } catch {
                entry.co.stack.pushResumeErrorMarker()
                LuaErrors.push(error, onto: entry.co.stack)
                outcome = entry.co.resume(pushed: 2)
            }
            settle(entry.index, entry.co, outcome)
        }
        return errors
    }
}

/// Completed requests, by coroutine, in the order they completed.
final class Mailbox: Sendable {
    private let queue = Mutex<[Int]>([])
    private let signal = DispatchSemaphore(value: 0)

    func post(_ id: Int) {
        queue.withLock { $0.append(id) }
        signal.signal()
    }

    /// Waits for the next completion; nil when interrupted meanwhile.
    func take(interrupt: LuaInterruptHandle) -> Int? {
        while signal.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if interrupt.isInterrupted { return nil }
        }
        return queue.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }
}
