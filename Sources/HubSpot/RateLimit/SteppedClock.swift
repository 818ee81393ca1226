import Foundation

/// A virtual clock that moves to the next sleeper's deadline only once everything
/// else has gone quiet, so work booked for an earlier time happens before time moves on.
///
/// ``VirtualClock`` jumps as soon as anyone sleeps, which is right for one caller but
/// lets a concurrent request booked for t=0 arrive "at" t=10 s when another task slept
/// first. Tests in which a server (the sandbox) counts arrivals on the same clock need
/// this one. "Quiet" means no clock reads or sleeps during two rounds of 100 yields: a
/// heuristic that suits in-process transports, not a guarantee.
///
/// ```swift
/// let clock = SteppedClock()
/// let client = HubSpotClient(configuration: config, base: SandboxTransport(sandbox), clock: clock)
/// ```
public final class SteppedClock: HubSpotClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Duration = .zero
    private var activity = 0
    private var sleepers: [(deadline: Duration, continuation: CheckedContinuation<Void, Never>)] = []
    private var driving = false

    public init() {}

    public func now() -> Duration { lock.withLock { activity += 1; return current } }

    public func sleep(until deadline: Duration) async throws {
        if deadline <= now() { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let start = lock.withLock {
                sleepers.append((deadline, continuation))
                activity += 1
                if driving { return false }
                driving = true
                return true
            }
            if start { Task.detached { await self.drive() } }
        }
    }

    private func drive() async {
        var quietRounds = 0
        while true {
            let before = lock.withLock { activity }
            for _ in 0..<100 { await Task.yield() }
            let quiet = lock.withLock { activity == before }
            quietRounds = quiet ? quietRounds + 1 : 0
            guard quietRounds >= 2 else { continue }
            let ready: [CheckedContinuation<Void, Never>]? = lock.withLock {
                guard let next = sleepers.map(\.deadline).min() else { driving = false; return nil }
                if next > current { current = next }
                let due = sleepers.filter { $0.deadline <= current }.map(\.continuation)
                sleepers.removeAll { $0.deadline <= current }
                activity += 1
                return due
            }
            guard let ready else { return }
            quietRounds = 0
            for continuation in ready { continuation.resume() }
        }
    }
}
