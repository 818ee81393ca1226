import Foundation
import Testing
@testable import HubSpot

@Suite struct AssociationsTests {
    static let labels = #"{"results":[{"category":"HUBSPOT_DEFINED","typeId":279,"label":null},{"category":"HUBSPOT_DEFINED","typeId":1,"label":"Primary"},{"category":"USER_DEFINED","typeId":44,"label":"Billing contact"}]}"#

    static func server() -> MockTransport {
        MockTransport { request in
            let path = request.url.path
            if path.hasSuffix("/labels") { return Fixtures.response(200, labels) }
            if request.method == .delete || path.hasSuffix("/batch/archive") || path.hasSuffix("/labels/archive") { return HTTPResponse(status: 204) }
            if path.contains("/associations/default/") {
                return Fixtures.response(200, #"{"status":"COMPLETE","results":[{"from":{"id":"1"},"to":{"id":"2"},"associationSpec":{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":279}}],"startedAt":"s","completedAt":"c"}"#)
            }
            if request.method == .put { return Fixtures.response(201, #"{"fromObjectTypeId":"0-1","fromObjectId":1,"toObjectTypeId":"0-2","toObjectId":2,"labels":["Billing contact"]}"#) }
            if request.method == .get {
                let after = Fixtures.queryValues(request, "after").first
                if after == nil {
                    return Fixtures.response(200, #"{"results":[{"toObjectId":2,"associationTypes":[{"category":"HUBSPOT_DEFINED","typeId":279,"label":null},{"category":"USER_DEFINED","typeId":44,"label":"Billing contact"}]}],"paging":{"next":{"after":"A"}}}"#)
                }
                return Fixtures.response(200, #"{"results":[{"toObjectId":"3","associationTypes":[{"category":"HUBSPOT_DEFINED","typeId":1,"label":"Primary"}]}]}"#)
            }
            if path.hasSuffix("/batch/create") {
                return Fixtures.response(207, #"{"status":"COMPLETE","results":[],"startedAt":"s","completedAt":"c","errors":[{"status":"error","category":"VALIDATION_ERROR","message":"no record 999","context":{"toObjectId":["999"]},"errors":[],"links":{}}]}"#)
            }
            return Fixtures.response(200, #"{"status":"COMPLETE","results":[],"startedAt":"s","completedAt":"c"}"#)
        }
    }

    @Test func associateDefaultAndLabelled() async throws {
        let mock = Self.server()
        let client = Fixtures.client(mock)
        let a = client.associations
        try await a.associate(.contacts, "1", to: .companies, "2")
        try await a.associate(.contacts, "1", to: .companies, "2", .label("billing contact"))
        try await a.associate(.contacts, "1", to: .companies, "2", .typeId(44))
        try await a.associate(.contacts, "1", to: .companies, "2", .typeId(279))
        let r = mock.requests
        #expect(r.map { "\($0.method) \($0.url.path)" } == [
            "PUT /crm/v4/objects/contacts/1/associations/default/companies/2",
            "GET /crm/v4/associations/contacts/companies/labels",
            "PUT /crm/v4/objects/contacts/1/associations/companies/2",
            "PUT /crm/v4/objects/contacts/1/associations/companies/2",
            "PUT /crm/v4/objects/contacts/1/associations/companies/2",
        ])
        #expect(Fixtures.json(r[2].body) == [["associationCategory": "USER_DEFINED", "associationTypeId": 44]])
        #expect(Fixtures.json(r[3].body) == [["associationCategory": "USER_DEFINED", "associationTypeId": 44]])
        #expect(Fixtures.json(r[4].body) == [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 279]])
        if SpecPaths.available { for request in r { #expect(SpecPaths.knows(request), "\(request.url.path)") } }
    }

    @Test func unknownLabelFailsBeforeWriting() async throws {
        let mock = Self.server()
        let client = Fixtures.client(mock)
        let error = await #expect(throws: HubSpotError.self) {
            try await client.associations.associate(.contacts, "1", to: .companies, "2", .label("Nope"))
        }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.message.contains("\"Billing contact\"") == true)
        #expect(mock.requests.allSatisfy { $0.method == .get })
    }

    @Test func listFollowsEveryPage() async throws {
        let mock = Self.server()
        let client = Fixtures.client(mock)
        let links = try await client.associations.list(.contacts, "1", to: .companies).collect()
        #expect(links.map(\.toObjectId) == ["2", "3"])
        #expect(links[0].associationTypes.map(\.typeId) == [279, 44])
        #expect(links[0].associationTypes[0].label == nil)
        #expect(links[0].associationTypes[1].label == "Billing contact")
        #expect(mock.requests.allSatisfy { Fixtures.queryValues($0, "limit") == ["500"] })
        #expect(Fixtures.queryValues(try #require(mock.last), "after") == ["A"])
    }

    @Test func removeAllOrOneLabel() async throws {
        let mock = Self.server()
        let client = Fixtures.client(mock)
        try await client.associations.remove(.contacts, "1", to: .companies, "2")
        try await client.associations.remove(.contacts, "1", to: .companies, "2", .label("Billing contact"))
        let r = mock.requests
        #expect(r[0].method == .delete)
        #expect(r[0].url.path == "/crm/v4/objects/contacts/1/associations/companies/2")
        #expect(r.last?.url.path == "/crm/v4/associations/contacts/companies/batch/labels/archive")
        #expect(Fixtures.json(r.last?.body) == ["inputs": [["from": ["id": "1"], "to": ["id": "2"], "types": [["associationCategory": "USER_DEFINED", "associationTypeId": 44]]]]])
    }

    @Test func batchesSplitDefaultAndLabelledAndReportPerPair() async throws {
        let mock = Self.server()
        let client = Fixtures.client(mock)
        let pairs = [AssociationPair("1", "2"), AssociationPair("1", "999", label: .label("Billing contact")), AssociationPair("1", "4", label: .typeId(44))]
        let result = await client.associations.batchAssociate(.contacts, to: .companies, pairs)
        #expect(result.outcomes.count == 3)
        #expect(result.outcomes[0].value == pairs[0])
        #expect(result.outcomes[1].error?.message == "no record 999")
        #expect(result.outcomes[2].value == pairs[2])
        let paths = Set(mock.requests.map(\.url.path))
        #expect(paths.contains("/crm/v4/associations/contacts/companies/batch/associate/default"))
        #expect(paths.contains("/crm/v4/associations/contacts/companies/batch/create"))
        let removed = await client.associations.batchRemove(.contacts, to: .companies, (1...150).map { AssociationPair("1", String($0)) })
        #expect(removed.isComplete)
        #expect(Fixtures.json(mock.last?.body)?["inputs"]?.arrayValue?.first == ["from": ["id": "1"], "to": [["id": "101"]]]
                || Fixtures.json(mock.last?.body)?["inputs"]?.arrayValue?.first == ["from": ["id": "1"], "to": [["id": "1"]]])
        if SpecPaths.available { for request in mock.requests { #expect(SpecPaths.knows(request), "\(request.url.path)") } }
    }

    @Test func labelsAreCachedPerPair() async throws {
        let mock = Self.server()
        let client = Fixtures.client(mock)
        _ = try await client.associations.labels(from: .contacts, to: .companies)
        _ = try await client.associations.labels(from: .contacts, to: .companies)
        _ = try await client.associations.labels(from: .companies, to: .contacts)
        #expect(mock.count == 2)
    }
}
