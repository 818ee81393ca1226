import Foundation

/// The HubSpot CRM client: build it once, share it freely (it is `Sendable` and
/// holds no mutable state of its own besides the rate limiter and caches).
///
/// ```swift
/// let client = HubSpotClient(configuration: .init(accessToken: "pat-na1-…"))
/// let contact = try await client.objects(.contacts).create(["email": "ada@example.com"])
/// for try await deal in client.objects(.deals).all(properties: ["amount"]) { print(deal.id) }
/// ```
///
/// The transport stack, outermost first: retry → rate limit → logging → auth →
/// the base transport (URLSession, the sandbox, or a test mock).
public final class HubSpotClient: Sendable {
    public let configuration: HubSpotConfiguration
    /// The fully layered transport every call goes through.
    public let transport: any Transport
    public let clock: any HubSpotClock
    /// The rate limiter (account window and search window), shared by every call of this client.
    public let limiter: RateLimiter
    let labelCache = AssociationLabelCache()

    /// Creates a client on the network (`URLSessionTransport`) or on `base` (the sandbox, a mock).
    ///
    /// - Parameters:
    ///   - base: the innermost transport; URLSession when nil.
    ///   - clock: the clock for rate-limit waits, backoff and deadlines.
    ///   - log: receives one line per HTTP exchange (no headers, no bodies); nil for none.
    public init(configuration: HubSpotConfiguration, base: (any Transport)? = nil,
                clock: any HubSpotClock = SystemClock(), log: (@Sendable (String) -> Void)? = nil) {
        self.configuration = configuration
        self.clock = clock
        let limiter = RateLimiter(capacity: configuration.tier.requests, window: configuration.tier.window,
                                  searchCapacity: max(1, configuration.searchRequestsPerSecond))
        self.limiter = limiter
        var stack: any Transport = base ?? URLSessionTransport(timeout: configuration.requestTimeout,
                                                               maxConnections: configuration.maxConcurrentRequests)
        if let token = configuration.accessToken { stack = AuthTransport(base: stack, token: token) }
        if let log { stack = LoggingTransport(base: stack, clock: clock, log: log) }
        stack = RateLimitTransport(base: stack, limiter: limiter, clock: clock)
        stack = RetryTransport(base: stack, policy: RetryPolicy(maxRetries: configuration.maxRetries), clock: clock)
        self.transport = stack
    }

    /// Whether paths are numbered (`/crm/v3`) or dated.
    var version: APIVersion { configuration.apiVersion }
}
