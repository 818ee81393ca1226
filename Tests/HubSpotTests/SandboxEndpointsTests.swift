import Foundation
import Testing
import HubSpotSandbox
@testable import HubSpot

/// Every other endpoint family against the in-process sandbox, spec-checked.
@Suite struct SandboxEndpointsTests {
    @Test func associationsV4() async throws {
        let h = SandboxHarness(seed: .empty)
        let contact = try await h.client.objects(.contacts).create(["email": "a@example.com"])
        let companies = await h.client.objects(.companies).batchCreate((0..<3).map { BatchCreateInput(properties: ["name": "C\($0)"]) })
        let ids = companies.successes.map(\.id)
        #expect(ids.count == 3)
        let a = h.client.associations
        try await a.associate(.contacts, contact.id, to: .companies, ids[0])
        let labels = try await a.labels(from: .contacts, to: .companies)
        #expect(labels.contains { $0.typeId == 279 })
        if let labelled = labels.first(where: { $0.label != nil }) {
            try await a.associate(.contacts, contact.id, to: .companies, ids[1], .label(labelled.label ?? ""))
        } else {
            try await a.associate(.contacts, contact.id, to: .companies, ids[1], .typeId(279))
        }
        let batch = await a.batchAssociate(.contacts, to: .companies, [AssociationPair(contact.id, ids[2])])
        #expect(batch.isComplete)
        let links = try await a.list(.contacts, contact.id, to: .companies).collect()
        #expect(Set(links.map(\.toObjectId)) == Set(ids))
        try await a.remove(.contacts, contact.id, to: .companies, ids[0])
        let removed = await a.batchRemove(.contacts, to: .companies, [AssociationPair(contact.id, ids[2])])
        #expect(removed.isComplete)
        let left = try await a.list(.contacts, contact.id, to: .companies).collect()
        #expect(left.map(\.toObjectId) == [ids[1]])
        // Create with associations, by label reference.
        let deal = try await h.client.objects(.deals).create(["dealname": "D", "pipeline": "default", "dealstage": "appointmentscheduled"],
                                                             associatedWith: [AssociationTarget(.contacts, contact.id)])
        let dealLinks = try await a.list(.deals, deal.id, to: .contacts).collect()
        #expect(dealLinks.map(\.toObjectId) == [contact.id])
        #expect(h.checker.problems == [])
    }

    @Test func propertiesAndPipelines() async throws {
        let h = SandboxHarness(seed: .empty)
        let props = h.client.properties(.contacts)
        #expect(try await props.list().contains { $0.name == "email" })
        try await props.createGroup(PropertyGroup(name: "hubsh_tests", label: "hubsh tests"))
        #expect(try await props.groups().contains { $0.name == "hubsh_tests" })
        try await props.updateGroup("hubsh_tests", label: "Renamed")
        #expect(try await props.group("hubsh_tests").label == "Renamed")
        try await props.create(PropertyDefinition(name: "favorite_color", label: "Favorite color", type: "enumeration", fieldType: "select",
                                                  groupName: "hubsh_tests", options: [PropertyOption(label: "Red", value: "red")]))
        try await props.update("favorite_color", PropertyUpdate(label: "Colour"))
        #expect(try await props.get("favorite_color").label == "Colour")
        try await props.archive("favorite_color")
        try await props.archiveGroup("hubsh_tests")
        let pipelines = try await h.client.pipelines(.deals).list()
        let first = try #require(pipelines.first)
        #expect(!first.stages.isEmpty)
        #expect(try await h.client.pipelines(.deals).stages(first.id).count == first.stages.count)
        _ = try await h.client.pipelines(.deals).stage(first.id, first.stages[0].id)
        #expect(h.checker.problems == [])
    }

    @Test func ownersActivityListsFormsWorkflows() async throws {
        let h = SandboxHarness(seed: .demo)
        let owners = try await h.client.owners.all().collect()
        #expect(!owners.isEmpty)
        #expect(try await h.client.owners.get(owners[0].id).id == owners[0].id)
        _ = try await h.client.activity.auditLogs(occurredAfter: Date(timeIntervalSince1970: 0)).collect()

        let contacts = try await h.client.objects(.contacts).list(limit: 3, properties: ["email"]).results
        let list = try await h.client.lists.create(name: "hubsh test list", objectType: .contacts)
        #expect(list.processingType == "MANUAL")
        let added = try await h.client.lists.add(list.listId, recordIds: contacts.map(\.id))
        #expect(Set(added.recordIdsAdded) == Set(contacts.map(\.id)))
        #expect(Set(try await h.client.lists.members(list.listId).collect().map(\.recordId)) == Set(contacts.map(\.id)))
        _ = try await h.client.lists.remove(list.listId, recordIds: [contacts[0].id])
        #expect(try await h.client.lists.members(list.listId).collect().count == 2)
        #expect(try await h.client.lists.get(list.listId).name == "hubsh test list")
        #expect(try await h.client.lists.searchAll(query: "hubsh").collect().contains { $0.listId == list.listId })

        let response = try await h.client.forms.submit(portalId: "12345678", formGuid: "5f1c9a2e-7b3d-4e8a-9c61-2d4b8e0f7a13",
                                                       FormSubmission(fields: ["email": "form@example.com", "firstname": "Form"]))
        #expect(response.inlineMessage != nil || response.redirectUri != nil)
        let secure = try await h.client.forms.submit(portalId: "12345678", formGuid: "5f1c9a2e-7b3d-4e8a-9c61-2d4b8e0f7a13",
                                                     FormSubmission(fields: ["email": "secure@example.com"]), secure: true)
        #expect(secure.inlineMessage != nil || secure.redirectUri != nil)
        #expect(try await h.client.objects(.contacts).get("secure@example.com", idProperty: "email").id.isEmpty == false)
        let email = try #require(contacts.first?[property: "email"])
        try await h.client.workflows.enroll(workflowId: "31000001", email: email)
        let flows = try await h.client.workflows.flows().collect()
        #expect(flows.count == 2)
        _ = try await h.client.workflows.flow("31000001")
        #expect(h.checker.problems == [])
    }

    @Test func rawRequestsAndPages() async throws {
        let h = SandboxHarness(seed: .demo)
        let response = try await h.client.request(.get, "/crm/v3/objects/companies", query: [("limit", "2")])
        #expect(response.status == 200)
        let missing = try await h.client.request(.get, "/crm/v3/objects/companies/987654321")
        #expect(missing.status == 404)
        var pages = 0, total = 0
        for try await page in h.client.pages(.get, "/crm/v3/objects/companies", query: [("limit", "5")]) {
            pages += 1
            total += (try JSONValue.decode(page.body))["results"]?.arrayValue?.count ?? 0
        }
        let all = try await h.client.objects(.companies).all().collect()
        #expect(total == all.count)
        #expect(pages == (all.count + 4) / 5)
        #expect(h.checker.problems == [])
    }

    @Test func datedPathsWork() async throws {
        let h = SandboxHarness(seed: .demo) { $0.apiVersion = .dated("2026-03") }
        let page = try await h.client.objects(.contacts).list(limit: 2)
        #expect(page.results.count == 2)
        _ = try await h.client.objects(.contacts).search(SearchRequest(limit: 2))
        #expect(h.checker.problems == [])
    }
}
