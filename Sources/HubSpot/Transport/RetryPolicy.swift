import Foundation

/// Decides which failed requests are sent again, and how long to wait first.
///
/// - A 429 is retried for every request: HubSpot refused it before doing anything.
///   The wait is `Retry-After` when given, otherwise one second (the rate limiter,
///   told about the 429, spaces the following requests). A 429 whose policy is
///   `DAILY` is not retried: the daily quota does not come back within a call.
/// - A 5xx or a lost connection is retried only when a second copy cannot
///   duplicate a write: GET/PUT/DELETE/PATCH (HubSpot's PATCH sets properties,
///   so repeating it is harmless), and the POSTs that only read or converge
///   (`…/search`, `…/batch/read`, `…/batch/update`, `…/batch/upsert`,
///   `…/batch/archive`).
/// - Creates and other POSTs (`…/batch/create`, merge, GDPR delete, form submit,
///   workflow enrollment) are not retried after a 5xx or a lost connection, 502,
///   503 and 504 included: a gateway error may come after HubSpot processed the
///   request, and a duplicate contact is worse than an error the caller sees.
/// - Waits between attempts grow exponentially (0.5 s, 1 s, 2 s… capped at 30 s)
///   with jitter, so concurrent callers do not retry in step.
public struct RetryPolicy: Sendable {
    public var maxRetries: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(maxRetries: Int = 5, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30)) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// POST path endings whose repetition cannot create a duplicate.
    static let safePostSuffixes = ["/search", "/batch/read", "/batch/update", "/batch/upsert", "/batch/archive"]

    /// Whether a 5xx or a lost connection on `request` may be retried.
    public func isRetrySafe(_ request: HTTPRequest) -> Bool {
        if request.method.isIdempotent || request.method == .patch { return true }
        guard request.method == .post else { return false }
        let path = request.url.path
        return Self.safePostSuffixes.contains { path.hasSuffix($0) }
    }

    /// The wait before retry number `attempt` (0-based) after a 5xx or lost connection.
    public func backoff(attempt: Int) -> Duration {
        let exponent = min(attempt, 16)
        let full = min(maxDelay, baseDelay * (1 << exponent))
        // Equal jitter: half fixed, half random.
        let half = full / 2
        return half + half * Double.random(in: 0...1)
    }

    /// The wait before retrying a 429, or nil when it must not be retried.
    public func waitAfterRateLimit(_ response: HTTPResponse) -> Duration? {
        if let policy = Self.policyName(response.body), policy == "DAILY" { return nil }
        return HTTPStatus.retryAfter(response.headers) ?? .seconds(1)
    }

    static func policyName(_ body: Data) -> String? {
        struct Shape: Decodable { var policyName: String? }
        return (try? JSONDecoder().decode(Shape.self, from: body))?.policyName
    }
}
