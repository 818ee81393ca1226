import Foundation
import Testing
import HubSpotSpecs
@testable import HubSpot

/// Every request the client builds, checked against HubSpot's API descriptions
/// (method, path and body schema) for both path schemes.
@Suite struct SpecValidationTests {
    static func requests(_ client: HubSpotClient) throws -> [HubSpotRequest] {
        let contacts = client.objects(.contacts)
        let a = client.associations
        let search = SearchRequest(filterGroups: [FilterGroup([Filter("email", .containsToken, "*@x.com"), Filter("n", .between, "1", "2")]),
                                                  FilterGroup([Filter("lifecyclestage", .in, values: ["lead"])])],
                                   query: "ada", sorts: [SearchSort("createdate", .descending)], properties: ["email"], limit: 200, after: "200")
        return [
            contacts.getRequest("1", idProperty: "email", properties: ["email"], propertiesWithHistory: ["email"], associations: ["companies"], archived: true),
            contacts.listRequest(after: "10", properties: ["email"]),
            contacts.createRequest(["email": "a@b.c"]),
            contacts.createRequest(["email": "a@b.c"], associations: [AssociationInput(toId: "2", types: [AssociationSpec(.hubspotDefined, 279)])]),
            contacts.updateRequest("1", ["firstname": "A"], idProperty: "email"),
            contacts.archiveRequest("1"),
            contacts.mergeRequest(primaryId: "1", mergeId: "2"),
            contacts.gdprDeleteRequest("1", idProperty: "email"),
            contacts.batchReadRequest(["1", "2"], idProperty: "email", properties: ["email"]),
            contacts.batchCreateRequest([BatchCreateInput(properties: ["email": "a@b.c"])]),
            contacts.batchUpdateRequest([BatchUpdateInput(id: "1", properties: ["a": "b"])]),
            contacts.batchUpsertRequest([BatchUpdateInput(id: "a@b.c", properties: ["a": "b"])], idProperty: "email"),
            contacts.batchArchiveRequest(["1"]),
            try contacts.searchRequest(search),
            client.objects(.lineItems).getRequest("1"),
            a.labelsRequest(from: .contacts, to: .companies),
            a.associateDefaultRequest(.contacts, "1", to: .companies, "2"),
            a.associateRequest(.contacts, "1", to: .companies, "2", types: [AssociationSpec(.userDefined, 44)]),
            a.removeRequest(.contacts, "1", to: .companies, "2"),
            a.listRequest(.contacts, "1", to: .companies, after: "x"),
            client.properties(.contacts).listRequest(),
            client.properties(.contacts).getRequest("email"),
            client.properties(.contacts).createRequest(PropertyDefinition(name: "x", label: "X", type: "string", fieldType: "text", groupName: "g")),
            client.properties(.contacts).updateRequest("x", PropertyUpdate(label: "Y")),
            client.properties(.contacts).archiveRequest("x"),
            client.pipelines(.deals).listRequest(),
            client.owners.listRequest(email: "a@b.c", after: "1"),
            try client.lists.createRequest(name: "L", objectType: .contacts),
            client.lists.membershipRequest("1", add: true, recordIds: ["1"]),
            client.lists.membershipRequest("1", add: false, recordIds: ["1"]),
            client.lists.membersRequest("1", after: "x"),
        ]
    }

    @Test(arguments: [APIVersion.numbered, .dated("2026-03")])
    func everyRequestMatchesTheDescriptions(version: APIVersion) throws {
        let specs = HubSpotSpecs.shared
        #expect(specs.loadProblems.isEmpty, "\(specs.loadProblems)")
        let client = Fixtures.client(MockTransport()) { $0.apiVersion = version }
        for request in try Self.requests(client) {
            let method = request.method.rawValue
            guard specs.operation(method: method, path: request.path) != nil else {
                Issue.record("\(method) \(request.path) is in no description")
                continue
            }
            let problems = specs.validateRequest(method: method, path: request.path, body: request.body ?? Data())
            #expect(problems.isEmpty, "\(method) \(request.path): \(problems)")
        }
    }

    @Test func activityAndFlowsAreDescribed() throws {
        let specs = HubSpotSpecs.shared
        let client = Fixtures.client(MockTransport())
        let audit = client.activity.auditLogsRequest(occurredAfter: Date(timeIntervalSince1970: 0))
        #expect(specs.operation(method: "GET", path: audit.path) != nil)
        #expect(specs.operation(method: "GET", path: "/automation/v4/flows") != nil)
        // Not in the collection (README): form submissions and v2 enrollment.
        #expect(specs.operation(method: "POST", path: client.workflows.enrollRequest(workflowId: "1", email: "a@b.c").path) == nil)
    }
}
