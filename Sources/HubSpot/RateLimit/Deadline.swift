import Foundation

/// The per-call deadline, carried to every layer of one call as a task-local value.
///
/// Layers check it before each wait (rate limit, backoff, Retry-After) rather than
/// racing a timer, so a call fails fast with ``HubSpotError/Kind/deadlineExceeded``
/// as soon as a wait would pass it; one exchange is bounded by the transport's own
/// timeout.
public enum Deadline {
    /// The clock time by which the current call must end, or nil.
    @TaskLocal public static var current: Duration?

    /// Sleeps until `time`, or throws at once if `time` is past the deadline.
    ///
    /// - Throws: ``HubSpotError`` (`deadlineExceeded`), or `CancellationError`.
    static func sleep(until time: Duration, on clock: any HubSpotClock, request: HTTPRequest) async throws {
        if let deadline = current, time > deadline {
            throw HubSpotError(kind: .deadlineExceeded,
                               message: "waiting \(format(time - clock.now())) more would pass the deadline",
                               method: request.method.rawValue, path: request.url.path)
        }
        if time > clock.now() { try await clock.sleep(until: time) }
    }

    /// Throws if the deadline has already passed.
    static func check(on clock: any HubSpotClock, request: HTTPRequest) throws {
        if let deadline = current, clock.now() > deadline {
            throw HubSpotError(kind: .deadlineExceeded, message: "the deadline passed",
                               method: request.method.rawValue, path: request.url.path)
        }
    }

    static func format(_ d: Duration) -> String {
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return String(format: "%.1f s", seconds)
    }
}
