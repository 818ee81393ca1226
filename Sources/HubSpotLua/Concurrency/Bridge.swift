import Dispatch
import LuaKit

/// Where the result of one asynchronous client call lands, for the thread that waits
/// for it (blocking) or the scheduler that resumes a coroutine with it (yielding).
///
/// Unchecked-Sendable: the Task writes `result` once, before it signals; the reader
/// reads only after the signal.
final class CallBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, Error>?
}

/// Runs the client's async calls for bindings, which are synchronous Lua functions.
///
/// Outside a scheduler coroutine a binding blocks its own thread until the Task is done
/// (the Lua state never runs on Swift's cooperative pool, so that holds no pool thread
/// hostage), polling the interrupt flag so Ctrl-C cancels the request at once. Inside a
/// coroutine of `hubspot.parallel`/`hubspot.map` it starts the Task and yields; the
/// scheduler resumes the coroutine with the results.
final class Bridge {
    let interrupt: LuaInterruptHandle
    /// Scheduler runs by the coroutine threads they own (a user's own coroutines are not here).
    var runs: [OpaquePointer: SchedulerRun] = [:]

    init(interrupt: LuaInterruptHandle) { self.interrupt = interrupt }

    /// Runs `operation` and pushes its outcome with `push`, returning the binding's results.
    ///
    /// `push` runs on the stack of the Lua thread that called the binding, after the call
    /// completed; it returns how many values it pushed. A thrown error becomes the Lua error.
    func perform<T: Sendable>(_ call: LuaCall, _ operation: @escaping @Sendable () async throws -> T,
                              push: @escaping (T, LuaStack) throws -> Int32) throws -> LuaResults {
        let box = CallBox<T>()
        if let run = runs[call.stack.L], call.isYieldable {
            run.start(thread: call.stack.L, box: box, operation: operation) { stack in
                guard let result = box.result else { return 0 }
                return try push(try result.get(), stack)
            }
            return .yield(0)
        }
        guard let value = try wait(for: operation, box: box) else { throw LuaInterruption() }
        return .values(try push(value, call.stack))
    }

    /// Blocks the calling thread until `operation` finishes; nil when interrupted (the
    /// request is cancelled, and the caller raises ``LuaInterruption``).
    func wait<T: Sendable>(for operation: @escaping @Sendable () async throws -> T, box: CallBox<T> = CallBox()) throws -> T? {
        let done = DispatchSemaphore(value: 0)
        let task = Task {
            do { box.result = .success(try await operation()) } catch { box.result = .failure(error) }
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if interrupt.isInterrupted {
                task.cancel()
                return nil
            }
        }
        return try box.result?.get()
    }
}
