import Foundation
import Testing
import HubSpotSandbox
@testable import HubSpot

/// Objects, batches and search against the in-process sandbox, every exchange checked against the specs.
@Suite struct SandboxObjectsTests {
    @Test func objectLifecycle() async throws {
        let h = SandboxHarness(seed: .empty)
        let contacts = h.client.objects(.contacts)
        let ada = try await contacts.create(["email": "ada@example.com", "firstname": "Ada"])
        #expect(ada[property: "email"] == "ada@example.com")
        let byEmail = try await contacts.get("ada@example.com", idProperty: "email", properties: ["firstname"], propertiesWithHistory: ["firstname"])
        #expect(byEmail.id == ada.id)
        #expect(byEmail[property: "firstname"] == "Ada")
        let updated = try await contacts.update(ada.id, ["lastname": "Lovelace"])
        #expect(updated[property: "lastname"] == "Lovelace")
        let duplicate = await #expect(throws: HubSpotError.self) { _ = try await contacts.create(["email": "ada@example.com"]) }
        #expect(duplicate?.status == 409)
        #expect(duplicate?.category == "CONFLICT")
        #expect(duplicate?.message == "Contact already exists. Existing ID: \(ada.id)")
        let page = try await contacts.list(limit: 10, properties: ["email"])
        #expect(page.results.map(\.id).contains(ada.id))
        let other = try await contacts.create(["email": "charles@example.com"])
        let merged = try await contacts.merge(primaryId: ada.id, mergeId: other.id)
        #expect(merged.id == ada.id)
        try await contacts.archive(ada.id)
        #expect(try await contacts.getIfPresent(ada.id) == nil)
        let gone = try await contacts.create(["email": "gdpr@example.com"])
        try await contacts.gdprDelete(gone.id)
        #expect(h.checker.problems == [])
        #expect(h.checker.checkedCount >= 10)
    }

    @Test func everyStandardTypeCreatesAndReads() async throws {
        let h = SandboxHarness(seed: .empty)
        let samples: [ObjectType: [String: String]] = [
            .companies: ["name": "Acme"], .deals: ["dealname": "Big deal", "pipeline": "default", "dealstage": "appointmentscheduled"],
            .tickets: ["subject": "Help", "hs_pipeline": "0", "hs_pipeline_stage": "1"], .products: ["name": "Widget"],
            .lineItems: ["name": "Widget x2", "quantity": "2"], .notes: ["hs_timestamp": "2026-01-01T00:00:00Z", "hs_note_body": "hi"],
            .tasks: ["hs_timestamp": "2026-01-01T00:00:00Z", "hs_task_subject": "Call back"],
        ]
        for (type, properties) in samples {
            let created = try await h.client.objects(type).create(properties)
            let read = try await h.client.objects(type).get(created.id, properties: Array(properties.keys))
            #expect(read.id == created.id, "\(type)")
        }
        #expect(h.checker.problems == [])
    }

    @Test func batchesKeepOrderAndReportPartialFailures() async throws {
        let h = SandboxHarness(seed: .empty)
        let contacts = h.client.objects(.contacts)
        var inputs = (0..<230).map { BatchCreateInput(properties: ["email": "user\($0)@example.com"]) }
        _ = try await contacts.create(["email": "taken@example.com"])
        inputs[120] = BatchCreateInput(properties: ["email": "taken@example.com"])
        let created = await contacts.batchCreate(inputs)
        #expect(created.outcomes.count == 230)
        // The chunk with the duplicate may fail as a whole (HubSpot's batch create is all-or-nothing per chunk)
        // or per input; either way the other chunks' records are there.
        #expect(created.successes.count >= 130)
        #expect(created.failures.contains { $0.index == 120 })
        for (index, outcome) in created.outcomes.enumerated() {
            if let record = outcome.value { #expect(record[property: "email"] == "user\(index)@example.com") }
        }
        let ids = created.successes.map(\.id)
        let read = await contacts.batchRead(ids.reversed() + ["999999999"], properties: ["email"])
        #expect(read.successes.map(\.id) == ids.reversed())
        #expect(read.failures.map(\.index) == [ids.count])
        let updates = ids.prefix(150).map { BatchUpdateInput(id: $0, properties: ["lastname": "L\($0)"]) }
        let updated = await contacts.batchUpdate(Array(updates))
        #expect(updated.isComplete)
        #expect(updated.successes.map(\.id) == Array(ids.prefix(150)))
        let upserted = await contacts.batchUpsert([BatchUpdateInput(id: "user0@example.com", properties: ["firstname": "Zero"]),
                                                   BatchUpdateInput(id: "fresh@example.com", properties: ["firstname": "New"])], idProperty: "email")
        #expect(upserted.isComplete)
        #expect(upserted.outcomes[0].value?.id == created.outcomes[0].value?.id)
        #expect(upserted.outcomes[1].value?.new == true)
        let archived = await contacts.batchArchive(Array(ids.prefix(120)))
        #expect(archived.isComplete)
        #expect(try await contacts.getIfPresent(ids[0]) == nil)
        #expect(h.checker.problems == [])
    }

    @Test func searchOnTheDemoAccount() async throws {
        let h = SandboxHarness(seed: .demo)
        let contacts = h.client.objects(.contacts)
        let total = try await contacts.count(SearchRequest())
        #expect(total > 0)
        let all = try await contacts.searchAll(SearchRequest(properties: ["email"], limit: 7)).collect()
        #expect(all.count == total)
        let numericIds: [Int] = all.map { Int($0.id) ?? 0 }
        #expect(numericIds == numericIds.sorted())
        let withEmail = try await contacts.search(SearchRequest(where: [Filter("email", .hasProperty)], properties: ["email"], limit: 5))
        #expect(withEmail.results.allSatisfy { $0[property: "email"] != nil })
        let first = try #require(all.first)
        let found = try await contacts.first(SearchRequest(where: [Filter("hs_object_id", .eq, first.id)]))
        #expect(found?.id == first.id)
        let counted = try await contacts.count(SearchRequest(filterGroups: [FilterGroup([Filter("hs_object_id", .in, values: [first.id])]),
                                                                             FilterGroup([Filter("hs_object_id", .lte, first.id)])]))
        #expect(counted == 1)
        #expect(h.checker.problems == [])
    }

    /// 10,250 records through batch create, then every one through `searchAll`.
    @Test func searchPastTenThousandOnTheSandbox() async throws {
        // 10,000+ records: bodies are spec-checked in the other tests; here only speed matters.
        let h = SandboxHarness(seed: .empty, checkSpecs: false)
        let products = h.client.objects(.products)
        let inputs = (0..<10_250).map { BatchCreateInput(properties: ["name": "P\($0)"]) }
        let created = await products.batchCreate(inputs)
        #expect(created.isComplete)
        var seen = Set<String>()
        var previous = 0
        for try await product in products.searchAll(SearchRequest(limit: 200)) {
            let id = Int(product.id) ?? 0
            #expect(id > previous)
            previous = id
            seen.insert(product.id)
        }
        #expect(seen.count == 10_250)
    }
}

@Suite struct SandboxBatchByUniquePropertyTests {
    @Test func batchReadByEmailKeepsOrder() async throws {
        let h = SandboxHarness(seed: .empty)
        let contacts = h.client.objects(.contacts)
        let created = await contacts.batchCreate((0..<5).map { BatchCreateInput(properties: ["email": "e\($0)@x.com"]) })
        #expect(created.isComplete)
        let emails = ["e3@x.com", "missing@x.com", "e0@x.com", "e4@x.com"]
        let read = await contacts.batchRead(emails, idProperty: "email")
        #expect(read.outcomes.map { $0.value?[property: "email"] } == ["e3@x.com", nil, "e0@x.com", "e4@x.com"])
        #expect(read.failures.map(\.index) == [1])
        #expect(h.checker.problems == [])
    }
}
