import Foundation
import Testing
@testable import HubSpot

@Suite struct RawRequestTests {
    @Test func anyEndpointAnyStatus() async throws {
        let mock = MockTransport(status: 404, json: #"{"message":"nope","category":"OBJECT_NOT_FOUND"}"#, headers: ["X-Thing": "1"])
        let client = Fixtures.client(mock)
        let response = try await client.request(.post, "/crm/v3/objects/contacts/search", query: [("a", "b c")], json: ["limit": 1])
        #expect(response.status == 404)
        #expect(response.headers["x-thing"] == "1")
        #expect(String(decoding: response.body, as: UTF8.self).contains("nope"))
        let request = try #require(mock.last)
        #expect(request.url.query == "a=b%20c")
        #expect(Fixtures.json(request.body) == ["limit": 1])
        #expect(request.headers["Authorization"] != nil)
    }

    @Test func pagesFollowPagingNextAfter() async throws {
        let mock = MockTransport { request in
            switch Fixtures.queryValues(request, "after").first {
            case nil: return Fixtures.response(200, #"{"results":[1,2],"paging":{"next":{"after":"p2"}}}"#)
            case "p2": return Fixtures.response(200, #"{"results":[3],"paging":{"next":{"after":"p3"}}}"#)
            default: return Fixtures.response(200, #"{"results":[4]}"#)
            }
        }
        let client = Fixtures.client(mock)
        var bodies: [String] = []
        for try await page in client.pages(.get, "/crm/v3/owners", query: [("limit", "2")]) {
            bodies.append(String(decoding: page.body, as: UTF8.self))
        }
        #expect(bodies.count == 3)
        #expect(mock.requests.map { Fixtures.queryValues($0, "after") } == [[], ["p2"], ["p3"]])
        #expect(mock.requests.allSatisfy { Fixtures.queryValues($0, "limit") == ["2"] })
    }

    @Test func searchPagesPutTheCursorInTheBody() async throws {
        let mock = MockTransport { request in
            Fixtures.json(request.body)?["after"] == nil
                ? Fixtures.response(200, #"{"total":3,"results":[1,2],"paging":{"next":{"after":"2"}}}"#)
                : Fixtures.response(200, #"{"total":3,"results":[3]}"#)
        }
        let client = Fixtures.client(mock)
        var count = 0
        for try await _ in client.pages(.post, "/crm/v3/objects/contacts/search", body: (["limit": 2] as JSONValue).encoded()) { count += 1 }
        #expect(count == 2)
        #expect(Fixtures.json(mock.last?.body) == ["limit": 2, "after": "2"])
    }

    @Test func typedCallsHaveRawSiblings() async throws {
        let mock = MockTransport(json: Fixtures.object("1", ["email": "a@b.c"]))
        let client = Fixtures.client(mock)
        let request = client.objects(.contacts).getRequest("1", properties: ["email"])
        let response = try await client.send(request)
        let raw = try JSONValue.decode(response.body)
        #expect(raw["properties"]?["email"] == "a@b.c")
        #expect(request.path == "/crm/v3/objects/contacts/1")
        // Errors from send are thrown as HubSpotError, exactly like the typed call.
        let failing = Fixtures.client(MockTransport(status: 409, json: #"{"message":"Contact already exists. Existing ID: 123","category":"CONFLICT","correlationId":"c"}"#))
        let error = await #expect(throws: HubSpotError.self) { _ = try await failing.send(failing.objects(.contacts).createRequest(["email": "a@b.c"])) }
        #expect(error?.description == "HubSpot 409 CONFLICT on POST /crm/v3/objects/contacts: Contact already exists. Existing ID: 123")
    }
}
