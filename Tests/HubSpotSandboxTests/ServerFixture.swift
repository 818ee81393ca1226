import Foundation
import HubSpot
import Testing
@testable import HubSpotSandbox

/// The server every socket test starts: an echoing handler and a start/stop bracket.
enum ServerFixture {
    /// Answers with what it saw, as JSON: method, URL, body, and the X-Test field.
    static let echo: SandboxServer.Handler = { request in
        let seen: [String: String] = [
            "method": request.method.rawValue,
            "url": request.url.absoluteString,
            "body": String(decoding: request.body ?? Data(), as: UTF8.self),
            "x-test": request.headers["X-Test"] ?? "",
        ]
        let body = (try? JSONSerialization.data(withJSONObject: seen, options: [.sortedKeys])) ?? Data()
        let status = request.url.path == "/created" ? 201 : request.url.path == "/gone" ? 204 : 200
        return HTTPResponse(status: status, headers: ["X-Served-By": "sandbox"], body: body)
    }

    static func withServer(
        limits: ServerLimits = .standard, handler: @escaping SandboxServer.Handler = echo,
        _ body: (SandboxServer, UInt16) async throws -> Void
    ) async throws {
        let server = SandboxServer(host: "127.0.0.1", port: 0, limits: limits, handler: handler)
        let port = try server.start()
        defer { server.stop() }
        try await body(server, port)
    }

    static func json(_ response: RawClient.Response?) -> [String: String] {
        guard let body = response?.body,
              let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: String] else { return [:] }
        return object
    }
}
