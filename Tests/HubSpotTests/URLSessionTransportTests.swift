import Foundation
import Testing
@testable import HubSpot

/// The URLSession transport against a tiny HTTP server on 127.0.0.1 (stopped by each test).
@Suite struct URLSessionTransportTests {
    @Test func exchangesStatusHeadersAndBody() async throws {
        let server = try #require(LoopbackServer { request in
            (201, [("X-HubSpot-RateLimit-Remaining", "99"), ("Content-Type", "application/json")], Data(#"{"echo":\#(request.body.count)}"#.utf8))
        })
        defer { server.stop() }
        let transport = URLSessionTransport(timeout: .seconds(5))
        let url = server.baseURL.appendingPathComponent("crm/v3/objects/contacts")
        var headers = HTTPHeaders()
        headers["Content-Type"] = "application/json"
        headers["X-Test"] = "yes"
        let response = try await transport.send(HTTPRequest(method: .post, url: url, headers: headers, body: Data(#"{"a":1}"#.utf8)))
        #expect(response.status == 201)
        #expect(response.headers["x-hubspot-ratelimit-remaining"] == "99")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"echo":7}"#)
        let seen = try #require(server.requests.first)
        #expect(seen.method == "POST")
        #expect(seen.target == "/crm/v3/objects/contacts")
        #expect(seen.headers["x-test"] == "yes")
        #expect(String(decoding: seen.body, as: UTF8.self) == #"{"a":1}"#)
    }

    @Test func errorStatusesAreReturnedNotThrown() async throws {
        let server = try #require(LoopbackServer { _ in (404, [], Data(#"{"message":"no","category":"OBJECT_NOT_FOUND"}"#.utf8)) })
        defer { server.stop() }
        let response = try await URLSessionTransport().send(HTTPRequest(method: .get, url: server.baseURL.appendingPathComponent("x")))
        #expect(response.status == 404)
    }

    @Test func theWholeClientOverLoopback() async throws {
        let server = try #require(LoopbackServer { request in
            (200, [], Data(#"{"id":"1","properties":{"email":"a@b.c"},"archived":false}"#.utf8))
        })
        defer { server.stop() }
        let client = HubSpotClient(configuration: HubSpotConfiguration(accessToken: "pat-loopback", baseURL: server.baseURL))
        let contact = try await client.objects(.contacts).get("1", properties: ["email"])
        #expect(contact[property: "email"] == "a@b.c")
        let seen = try #require(server.requests.first)
        #expect(seen.target == "/crm/v3/objects/contacts/1?properties=email")
        #expect(seen.headers["authorization"] == "Bearer pat-loopback")
    }

    @Test func noServerIsATransportError() async throws {
        // Bind a port, then close it: nothing listens there.
        let server = try #require(LoopbackServer { _ in (200, [], Data()) })
        let url = server.baseURL
        server.stop()
        let client = HubSpotClient(configuration: HubSpotConfiguration(accessToken: "t", baseURL: url, maxRetries: 0))
        let error = await #expect(throws: HubSpotError.self) { _ = try await client.objects(.contacts).get("1") }
        #expect(error?.kind == .transport)
    }
}
