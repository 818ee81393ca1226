import Foundation

/// A transport layer that adds `Authorization: Bearer <token>` to each request.
///
/// Public form submissions (`/submissions/v3/integration/submit/…`) are sent
/// without it: HubSpot rejects an authenticated request there, and the token has
/// no business on a request that needs none.
public struct AuthTransport: Transport {
    public let base: any Transport
    private let token: AccessToken

    public init(base: any Transport, token: AccessToken) {
        self.base = base
        self.token = token
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard Self.needsToken(request) else { return try await base.send(request) }
        var request = request
        request.headers["Authorization"] = "Bearer \(token.secret)"
        return try await base.send(request)
    }

    /// Whether the token is sent with `request`.
    public static func needsToken(_ request: HTTPRequest) -> Bool {
        !request.url.path.hasPrefix("/submissions/v3/integration/submit/")
    }
}
