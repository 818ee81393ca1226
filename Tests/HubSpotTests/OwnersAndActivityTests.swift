import Foundation
import Testing
@testable import HubSpot

@Suite struct OwnersAndActivityTests {
    @Test func ownersPagedAndByUserId() async throws {
        let owner = #"{"id":"7","email":"o@x.com","firstName":"O","lastName":"X","userId":99,"type":"PERSON","archived":false,"createdAt":"c","updatedAt":"u","teams":[{"id":"t","name":"Sales","primary":true}]}"#
        let mock = MockTransport { request in
            if request.url.path.hasSuffix("/owners") {
                return Fixtures.queryValues(request, "after").isEmpty
                    ? Fixtures.response(200, #"{"results":[\#(owner)],"paging":{"next":{"after":"n"}}}"#)
                    : Fixtures.response(200, #"{"results":[\#(owner)]}"#)
            }
            return Fixtures.response(200, owner)
        }
        let client = Fixtures.client(mock)
        let all = try await client.owners.all(email: "o@x.com").collect()
        #expect(all.count == 2)
        #expect(all[0].teams?.first?.name == "Sales")
        #expect(Fixtures.queryValues(mock.requests[0], "email") == ["o@x.com"])
        #expect(try await client.owners.get("99", byUserId: true).id == "7")
        #expect(Fixtures.queryValues(try #require(mock.last), "idProperty") == ["userId"])
        if SpecPaths.available { for request in mock.requests { #expect(SpecPaths.knows(request)) } }
    }

    @Test func auditLogsWithTimeRange() async throws {
        let event = #"{"id":"e1","category":"CRM_OBJECT","subCategory":"CONTACT","action":"DELETED","occurredAt":"2026-01-01T00:00:00Z","targetObjectId":"5","actingUser":{"userId":1,"userEmail":"a@x.com"}}"#
        let mock = MockTransport(json: #"{"results":[\#(event)]}"#)
        let client = Fixtures.client(mock)
        let after = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        let before = after.addingTimeInterval(86_400)
        let events = try await client.activity.auditLogs(occurredAfter: after, occurredBefore: before).collect()
        #expect(events.first?.action == "DELETED")
        #expect(events.first?.actingUser.userEmail == "a@x.com")
        let request = try #require(mock.last)
        #expect(request.url.path == "/account-info/v3/activity/audit-logs")
        #expect(Fixtures.queryValues(request, "occurredAfter") == ["2026-01-01T00:00:00.000Z"])
        #expect(Fixtures.queryValues(request, "occurredBefore") == ["2026-01-02T00:00:00.000Z"])
        if SpecPaths.available { #expect(SpecPaths.knows(request)) }
    }
}
