import Foundation

/// A monotonic clock the rate limiter, the retry layer and the deadline read and sleep on.
///
/// Injected so that tests run on ``VirtualClock`` and never sleep for real.
public protocol HubSpotClock: Sendable {
    /// Time since an arbitrary fixed origin.
    func now() -> Duration
    /// Suspends until `now() >= deadline`.
    ///
    /// - Throws: `CancellationError` when the task is cancelled.
    func sleep(until deadline: Duration) async throws
}

/// The real clock: `ContinuousClock`, measured from the moment it was made.
public struct SystemClock: HubSpotClock {
    private let origin = ContinuousClock.now
    public init() {}
    public func now() -> Duration { ContinuousClock.now - origin }
    public func sleep(until deadline: Duration) async throws {
        try await ContinuousClock().sleep(until: origin + deadline, tolerance: nil)
    }
}

/// A clock for tests: sleeping moves virtual time forward at once instead of waiting.
///
/// `sleep(until:)` sets the time to the later of now and the deadline and returns
/// after a yield, so a test of a 60-second rate-limit wait takes microseconds and
/// can read how much virtual time passed.
public final class VirtualClock: HubSpotClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Duration
    private var sleeps: [Duration] = []

    public init(start: Duration = .zero) { current = start }

    public func now() -> Duration { lock.withLock { current } }

    public func sleep(until deadline: Duration) async throws {
        try Task.checkCancellation()
        lock.withLock {
            sleeps.append(deadline - current)
            if deadline > current { current = deadline }
        }
        await Task.yield()
    }

    /// Moves time forward by `duration` without anyone sleeping.
    public func advance(by duration: Duration) { lock.withLock { current += duration } }

    /// Every sleep requested so far, as the length asked for.
    public var requestedSleeps: [Duration] { lock.withLock { sleeps } }
}
