import Foundation

/// A transport layer that sends each request no earlier than the rate limiter allows.
///
/// Every request books a slot in the account window; CRM search requests book the
/// same slot in the search window too (HubSpot: 5 per second). Responses feed
/// the `X-HubSpot-RateLimit-*` headers back, and a 429 blocks new bookings for
/// the time HubSpot asks.
public struct RateLimitTransport: Transport {
    public let base: any Transport
    public let limiter: RateLimiter
    public let clock: any HubSpotClock

    public init(base: any Transport, limiter: RateLimiter, clock: any HubSpotClock) {
        self.base = base
        self.limiter = limiter
        self.clock = clock
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let isSearch = Self.isSearch(request)
        let sendAt = await limiter.reserve(now: clock.now(), search: isSearch)
        try await Deadline.sleep(until: sendAt, on: clock, request: request)
        let response = try await Self.$bookedSendTime.withValue(sendAt) { try await base.send(request) }
        let now = clock.now()
        await limiter.observe(response.headers, now: now)
        if response.status == 429 {
            let wait = HTTPStatus.retryAfter(response.headers) ?? .seconds(1)
            let searchOnly = isSearch && RetryPolicy.policyName(response.body) == "SECONDLY"
            await limiter.block(until: now + wait, searchOnly: searchOnly)
        }
        return response
    }

    /// The send time the limiter booked for the request being sent, visible to the
    /// transports below this layer.
    ///
    /// An in-process server on a virtual clock (the sandbox in tests) can read it as the
    /// arrival time, so a request booked for t=0 counts at t=0 even if another task
    /// moved the virtual clock on before this one ran.
    @TaskLocal public static var bookedSendTime: Duration?

    /// Whether `request` is a CRM object search (`POST /crm/…/objects/…/search`), which has
    /// its own per-second limit (list search, `/crm/v3/lists/search`, does not).
    public static func isSearch(_ request: HTTPRequest) -> Bool {
        let path = request.url.path
        return request.method == .post && path.hasPrefix("/crm/") && path.contains("/objects/") && path.hasSuffix("/search")
    }
}
