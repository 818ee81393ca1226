import Foundation
import Testing
@testable import HubSpot

@Suite struct ListsTests {
    static let list = #"{"listId":"42","listVersion":1,"name":"Q3 leads","objectTypeId":"0-1","processingStatus":"COMPLETE","processingType":"MANUAL"}"#

    @Test func createGetSearchAndMembers() async throws {
        let list = Self.list
        let mock = MockTransport { request in
            let path = request.url.path
            if path == "/crm/v3/lists/search" {
                let offset = Fixtures.json(request.body)?["offset"]
                return Fixtures.response(200, offset == 0
                    ? #"{"lists":[\#(list)],"hasMore":true,"offset":1,"total":2}"#
                    : #"{"lists":[\#(list)],"hasMore":false,"offset":2,"total":2}"#)
            }
            if path.hasSuffix("/memberships/add") { return Fixtures.response(200, #"{"recordsIdsAdded":["1","2"],"recordIdsRemoved":[],"recordIdsMissing":["3"]}"#) }
            if path.hasSuffix("/memberships/remove") { return Fixtures.response(200, #"{"recordsIdsAdded":[],"recordIdsRemoved":["1"],"recordIdsMissing":[]}"#) }
            if path.hasSuffix("/memberships") {
                return Fixtures.queryValues(request, "after").isEmpty
                    ? Fixtures.response(200, #"{"results":[{"recordId":"1","membershipTimestamp":"t"}],"paging":{"next":{"after":"X"}},"total":2}"#)
                    : Fixtures.response(200, #"{"results":[{"recordId":"2","membershipTimestamp":"t"}],"total":2}"#)
            }
            return Fixtures.response(200, #"{"list":\#(list)}"#)
        }
        let client = Fixtures.client(mock)
        let created = try await client.lists.create(name: "Q3 leads", objectType: .contacts)
        #expect(created.listId == "42")
        #expect(Fixtures.json(mock.last?.body) == ["name": "Q3 leads", "objectTypeId": "0-1", "processingType": "MANUAL"])
        #expect(try await client.lists.get("42").name == "Q3 leads")
        #expect(try await client.lists.searchAll(query: "Q3").collect().count == 2)
        let added = try await client.lists.add("42", recordIds: ["1", "2", "3"])
        #expect(added.recordIdsAdded == ["1", "2"])
        #expect(added.recordIdsMissing == ["3"])
        #expect(Fixtures.json(mock.last?.body) == ["1", "2", "3"])
        #expect(mock.last?.method == .put)
        #expect(try await client.lists.remove("42", recordIds: ["1"]).recordIdsRemoved == ["1"])
        #expect(try await client.lists.members("42").collect().map(\.recordId) == ["1", "2"])
        if SpecPaths.available { for request in mock.requests { #expect(SpecPaths.knows(request), "\(request.method) \(request.url.path)") } }
    }

    @Test func customObjectByNameCannotMakeAList() async throws {
        let client = Fixtures.client(MockTransport())
        await #expect(throws: HubSpotError.self) { _ = try await client.lists.create(name: "x", objectType: "p_cars") }
    }
}
