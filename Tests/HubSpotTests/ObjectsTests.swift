import Foundation
import Testing
@testable import HubSpot

@Suite struct ObjectsTests {
    @Test func getBuildsQueryAndDecodesNulls() async throws {
        let mock = MockTransport(json: #"""
        {"id":"101","properties":{"email":"ada@example.com","phone":null,"num":5},"createdAt":"2026-01-01T00:00:00Z",
         "updatedAt":"2026-01-02T00:00:00Z","archived":false,
         "propertiesWithHistory":{"email":[{"value":"ada@example.com","timestamp":"2026-01-01T00:00:00Z","sourceType":"API"}]},
         "associations":{"companies":{"results":[{"id":"7","type":"contact_to_company"}]}}}
        """#)
        let client = Fixtures.client(mock)
        let contact = try await client.objects(.contacts).get("ada@example.com", idProperty: "email", properties: ["email", "phone"],
                                                               propertiesWithHistory: ["email"], associations: ["companies"], archived: true)
        let request = try #require(mock.last)
        #expect(request.method == .get)
        #expect(request.url.path == "/crm/v3/objects/contacts/ada@example.com")
        #expect(request.url.absoluteString.contains("/contacts/ada%40example.com?"))
        #expect(Fixtures.queryValues(request, "properties") == ["email", "phone"])
        #expect(Fixtures.queryValues(request, "idProperty") == ["email"])
        #expect(Fixtures.queryValues(request, "archived") == ["true"])
        #expect(contact.id == "101")
        #expect(contact[property: "email"] == "ada@example.com")
        #expect(contact.properties.keys.contains("phone"))
        #expect(contact[property: "phone"] == nil)
        #expect(contact[property: "num"] == "5")
        #expect(contact.propertiesWithHistory?["email"]?.first?.sourceType == "API")
        #expect(contact.associations?["companies"]?.results.first?.id == "7")
        #expect(SpecPaths.knows(request) || !SpecPaths.available)
    }

    @Test func getIfPresentReturnsNilOn404() async throws {
        let mock = MockTransport(status: 404, json: #"{"status":"error","message":"Object not found.  objectId are usually numeric.","correlationId":"c","category":"OBJECT_NOT_FOUND"}"#)
        let client = Fixtures.client(mock)
        #expect(try await client.objects(.deals).getIfPresent("999") == nil)
    }

    @Test func writesSendTheRightShapes() async throws {
        let mock = MockTransport { request in
            request.method == .delete ? HTTPResponse(status: 204) : Fixtures.response(request.method == .post ? 201 : 200, Fixtures.object("5"))
        }
        let client = Fixtures.client(mock)
        let contacts = client.objects(.contacts)
        _ = try await contacts.create(["email": "a@b.c"], associations: [AssociationInput(toId: "9", types: [AssociationSpec(.hubspotDefined, 279)])])
        _ = try await contacts.update("a@b.c", ["firstname": "A"], idProperty: "email")
        try await contacts.archive("5")
        _ = try await contacts.merge(primaryId: "5", mergeId: "6")
        try await contacts.gdprDelete("a@b.c", idProperty: "email")
        let r = mock.requests
        #expect(r.map { "\($0.method) \($0.url.path)" } == [
            "POST /crm/v3/objects/contacts", "PATCH /crm/v3/objects/contacts/a@b.c", "DELETE /crm/v3/objects/contacts/5",
            "POST /crm/v3/objects/contacts/merge", "POST /crm/v3/objects/contacts/gdpr-delete",
        ])
        #expect(Fixtures.json(r[0].body) == [
            "properties": ["email": "a@b.c"],
            "associations": [["to": ["id": "9"], "types": [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 279]]]],
        ])
        #expect(Fixtures.json(r[1].body) == ["properties": ["firstname": "A"]])
        #expect(Fixtures.queryValues(r[1], "idProperty") == ["email"])
        #expect(Fixtures.json(r[3].body) == ["primaryObjectId": "5", "objectIdToMerge": "6"])
        #expect(Fixtures.json(r[4].body) == ["objectId": "a@b.c", "idProperty": "email"])
        if SpecPaths.available { for request in r { #expect(SpecPaths.knows(request), "\(request.method) \(request.url.path)") } }
    }

    @Test func customObjectsByNameAndId() async throws {
        let mock = MockTransport(json: Fixtures.object("1"))
        let client = Fixtures.client(mock)
        _ = try await client.objects("p_cars").get("1")
        _ = try await client.objects("2-1234567").get("1")
        #expect(mock.requests.map(\.url.path) == ["/crm/v3/objects/p_cars/1", "/crm/v3/objects/2-1234567/1"])
    }

    @Test func allFollowsPagesLazily() async throws {
        let mock = MockTransport { request in
            let after = Fixtures.queryValues(request, "after").first
            switch after {
            case nil: return Fixtures.response(200, #"{"results":[\#(Fixtures.object("1")),\#(Fixtures.object("2"))],"paging":{"next":{"after":"2","link":"x"}}}"#)
            case "2": return Fixtures.response(200, #"{"results":[\#(Fixtures.object("3"))],"paging":{"next":{"after":"3"}}}"#)
            default: return Fixtures.response(200, #"{"results":[\#(Fixtures.object("4"))]}"#)
            }
        }
        let client = Fixtures.client(mock)
        let sequence = client.objects(.companies).all(properties: ["name"])
        #expect(mock.count == 0)
        var ids: [String] = []
        for try await company in sequence {
            ids.append(company.id)
            if ids.count == 1 { #expect(mock.count == 1) }
        }
        #expect(ids == ["1", "2", "3", "4"])
        #expect(mock.count == 3)
        #expect(mock.requests.allSatisfy { Fixtures.queryValues($0, "limit") == ["100"] && Fixtures.queryValues($0, "properties") == ["name"] })
        let page = try await client.objects(.companies).list(limit: 500)
        #expect(page.after == "2")
        #expect(Fixtures.queryValues(try #require(mock.last), "limit") == ["100"])
    }

    @Test func createWithLabelledAssociationsResolvesTypeIds() async throws {
        let mock = MockTransport { request in
            if request.url.path.hasSuffix("/labels") {
                return Fixtures.response(200, #"{"results":[{"category":"HUBSPOT_DEFINED","typeId":279,"label":null},{"category":"HUBSPOT_DEFINED","typeId":1,"label":"Primary"},{"category":"USER_DEFINED","typeId":44,"label":"Billing"}]}"#)
            }
            return Fixtures.response(201, Fixtures.object("1"))
        }
        let client = Fixtures.client(mock)
        _ = try await client.objects(.contacts).create(["email": "a@b.c"], associatedWith: [
            AssociationTarget(.companies, "10"), AssociationTarget(.companies, "11", label: .label("billing")),
            AssociationTarget(.companies, "12", label: .typeId(1)),
        ])
        let create = try #require(mock.requests.last)
        #expect(Fixtures.json(create.body)?["associations"] == [
            ["to": ["id": "10"], "types": [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 279]]],
            ["to": ["id": "11"], "types": [["associationCategory": "USER_DEFINED", "associationTypeId": 44]]],
            ["to": ["id": "12"], "types": [["associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 1]]],
        ])
        // The labels were fetched once.
        #expect(mock.requests.filter { $0.url.path.hasSuffix("/labels") }.count == 1)
    }
}
