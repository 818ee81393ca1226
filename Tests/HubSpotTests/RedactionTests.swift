import Foundation
import Testing
@testable import HubSpot

/// The token must never show in a description, an error or a log line.
@Suite struct RedactionTests {
    let secret = Fixtures.token.secret

    @Test func tokenDescriptions() {
        let token = Fixtures.token
        #expect(!"\(token)".contains(secret))
        #expect(!String(describing: token).contains(secret))
        #expect(!String(reflecting: token).contains(secret))
        var dumped = ""
        dump(token, to: &dumped)
        #expect(!dumped.contains(secret))
        let config = HubSpotConfiguration(accessToken: token)
        #expect(!"\(config)".contains(secret))
        #expect(!String(reflecting: config).contains(secret))
        var dumpedConfig = ""
        dump(config, to: &dumpedConfig)
        #expect(!dumpedConfig.contains(secret))
        let client = HubSpotClient(configuration: config, base: MockTransport())
        var dumpedClient = ""
        dump(client, to: &dumpedClient)
        dump(client.transport, to: &dumpedClient)
        #expect(!dumpedClient.contains(secret))
        #expect(!"\(client) \(client.transport)".contains(secret))
    }

    @Test func errorsAndLogsNeverCarryTheToken() async throws {
        let secret = self.secret
        // A server that echoes the Authorization header in its error message (it happens with proxies).
        let mock = MockTransport { request in
            let auth = request.headers["Authorization"] ?? ""
            return Fixtures.response(401, #"{"status":"error","message":"bad token \#(auth)","category":"INVALID_AUTHENTICATION","correlationId":"c-1"}"#)
        }
        let lines = LogLines()
        let client = Fixtures.client(mock, log: { lines.append($0) })
        let error = await #expect(throws: HubSpotError.self) { _ = try await client.objects(.contacts).get("1") }
        let text = "\(String(describing: error)) \(String(reflecting: error))"
        #expect(!text.contains(secret))
        #expect(text.contains("[redacted]"))
        #expect(!lines.all.joined().contains(secret))
        #expect(lines.all == ["GET /crm/v3/objects/contacts/1 -> 401 (0 ms)"])
    }

    @Test func transportErrorsAreRedacted() async throws {
        let secret = self.secret
        struct Leaky: Error, CustomStringConvertible { let description: String }
        let mock = MockTransport { _ in throw Leaky(description: "connection reset while sending Bearer \(secret)") }
        let client = Fixtures.client(mock) { $0.maxRetries = 0 }
        let error = await #expect(throws: HubSpotError.self) { _ = try await client.objects(.contacts).get("1") }
        #expect(error?.kind == .transport)
        #expect(!"\(String(describing: error))".contains(secret))
    }
}

final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
