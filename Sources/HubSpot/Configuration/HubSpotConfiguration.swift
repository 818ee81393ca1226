import Foundation

/// Everything a ``HubSpotClient`` needs to know about the account and how to talk to it.
///
/// ```swift
/// var config = HubSpotConfiguration(accessToken: "pat-na1-…")
/// config.tier = .professional
/// config.deadline = .seconds(120)
/// let client = HubSpotClient(configuration: config)
/// ```
public struct HubSpotConfiguration: Sendable {
    /// The private-app or OAuth token; nil for the sandbox or public form submissions only.
    public var accessToken: AccessToken?
    /// The API host, `https://api.hubapi.com` by default (the sandbox's loopback URL in tests).
    public var baseURL: URL
    /// The forms submission host, `https://api.hsforms.com` by default.
    public var formsURL: URL
    /// The account's rate-limit tier, which sizes the client-side limiter.
    public var tier: RateLimitTier
    /// Search endpoints' own limit, per second (HubSpot: 5).
    public var searchRequestsPerSecond: Int
    /// Timeout of one HTTP exchange in the URLSession transport.
    public var requestTimeout: Duration
    /// Longest time one call may take, retries and rate-limit waits included; nil for none.
    public var deadline: Duration?
    /// `User-Agent` sent with every request.
    public var userAgent: String
    /// How many times a failed request is retried (429, and 5xx/connection failures where safe).
    public var maxRetries: Int
    /// Requests one batch or bulk call keeps in flight at once (the rate limiter still rules).
    public var maxConcurrentRequests: Int
    /// Numbered (`/crm/v3`) or date-versioned (`/crm/objects/2026-03`) paths.
    public var apiVersion: APIVersion

    public init(
        accessToken: AccessToken? = nil,
        baseURL: URL = HubSpotConfiguration.defaultBaseURL,
        formsURL: URL = HubSpotConfiguration.defaultFormsURL,
        tier: RateLimitTier = .free,
        searchRequestsPerSecond: Int = 5,
        requestTimeout: Duration = .seconds(30),
        deadline: Duration? = .seconds(300),
        userAgent: String = "hubsh-swift/1.0",
        maxRetries: Int = 5,
        maxConcurrentRequests: Int = 100,
        apiVersion: APIVersion = .default
    ) {
        self.accessToken = accessToken
        self.baseURL = baseURL
        self.formsURL = formsURL
        self.tier = tier
        self.searchRequestsPerSecond = searchRequestsPerSecond
        self.requestTimeout = requestTimeout
        self.deadline = deadline
        self.userAgent = userAgent
        self.maxRetries = maxRetries
        self.maxConcurrentRequests = maxConcurrentRequests
        self.apiVersion = apiVersion
    }

    // Both literals are valid URLs; `URL(string:)` cannot fail on them.
    public static let defaultBaseURL = URL(string: "https://api.hubapi.com") ?? URL(fileURLWithPath: "/")
    public static let defaultFormsURL = URL(string: "https://api.hsforms.com") ?? URL(fileURLWithPath: "/")
}

extension HubSpotConfiguration: CustomStringConvertible {
    public var description: String {
        "HubSpotConfiguration(baseURL: \(baseURL.absoluteString), token: \(accessToken == nil ? "none" : "redacted"), tier: \(tier.requests)/\(tier.window))"
    }
}
