/// The account's private-app rate limit, which sizes the client-side limiter.
///
/// HubSpot allows 100 requests per 10 seconds on Free and Starter, 190 on
/// Professional and Enterprise, and more with the API limit increase add-on.
/// The limiter also corrects itself from the `X-HubSpot-RateLimit-*` headers.
public enum RateLimitTier: Sendable, Hashable {
    case free
    case starter
    case professional
    case enterprise
    /// The API limit increase add-on (250 per 10 s).
    case apiAddOn
    /// An explicit number of requests per window.
    case custom(requests: Int, per: Duration)

    /// Requests allowed per window.
    public var requests: Int {
        switch self {
        case .free, .starter: return 100
        case .professional, .enterprise: return 190
        case .apiAddOn: return 250
        case .custom(let requests, _): return max(1, requests)
        }
    }

    /// The rolling window.
    public var window: Duration {
        if case .custom(_, let per) = self { return per }
        return .seconds(10)
    }
}
