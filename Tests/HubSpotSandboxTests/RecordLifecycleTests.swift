import Foundation
import Testing
@testable import HubSpotSandbox

/// Merge, GDPR delete, owners, and the default properties of each type.
@Suite struct RecordLifecycleTests {
    @Test func mergeContacts() async throws {
        let sb = makeSandbox()
        let a = await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"a@x.com","firstname":"Ann"}}"#)["id"]?.stringValue ?? ""
        let b = await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"b@x.com","lastname":"Bee","phone":"123"}}"#)["id"]?.stringValue ?? ""
        let company = await call(sb, "POST", "/crm/v3/objects/companies", #"{"properties":{"name":"C"}}"#)["id"]?.stringValue ?? ""
        await call(sb, "PUT", "/crm/v4/objects/contacts/\(b)/associations/default/companies/\(company)")

        let merged = await call(sb, "POST", "/crm/v3/objects/contacts/merge", #"{"primaryObjectId":"\#(a)","objectIdToMerge":"\#(b)"}"#)
        #expect(merged.status == 200)
        #expect(merged.specProblems.isEmpty, "\(merged.specProblems)")
        #expect(merged["id"]?.stringValue == a)
        #expect(merged.json?.prop("lastname") == "Bee")
        #expect(merged.json?.prop("email") == "a@x.com")
        // The old id reads as the survivor, and the association moved.
        #expect(await call(sb, "GET", "/crm/v3/objects/contacts/\(b)")["id"]?.stringValue == a)
        let assoc = await call(sb, "GET", "/crm/v4/objects/contacts/\(a)/associations/companies")
        #expect(assoc.json?.results.count == 1)
        // Its email was freed: creating it again works.
        #expect(await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"b@x.com"}}"#).status == 201)
        let same = await call(sb, "POST", "/crm/v3/objects/contacts/merge", #"{"primaryObjectId":"\#(a)","objectIdToMerge":"\#(a)"}"#)
        #expect(same.status == 400)
        #expect(await call(sb, "POST", "/crm/v3/objects/notes/merge", #"{"primaryObjectId":"1","objectIdToMerge":"2"}"#, validate: false).status == 404)
    }

    @Test func gdprDelete() async throws {
        let sb = makeSandbox()
        let id = await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"gone@x.com"}}"#)["id"]?.stringValue ?? ""
        let e = await call(sb, "POST", "/crm/v3/objects/contacts/gdpr-delete", #"{"objectId":"gone@x.com","idProperty":"email"}"#)
        #expect(e.status == 204)
        #expect(await call(sb, "GET", "/crm/v3/objects/contacts/\(id)?archived=true").status == 404)
    }

    @Test func uniqueDomain() async throws {
        let sb = makeSandbox()
        await call(sb, "POST", "/crm/v3/objects/companies", #"{"properties":{"name":"A","domain":"a.com"}}"#)
        let e = await call(sb, "POST", "/crm/v3/objects/companies", #"{"properties":{"name":"B","domain":"A.com"}}"#)
        #expect(e.status == 409)
        #expect(e["message"]?.stringValue?.hasPrefix("Company already exists. Existing ID: ") == true)
    }

    @Test func defaultProperties() async throws {
        let sb = makeSandbox()
        let c = await call(sb, "POST", "/crm/v3/objects/companies", #"{"properties":{"name":"A","city":"Oslo"}}"#)
        // A write answers with the defaults and what it set, as HubSpot's create does;
        // a plain read answers with the defaults only.
        let keys = c.json?["properties"]?.objectValue?.map(\.0).sorted()
        #expect(keys == ["city", "createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"])
        let id = try #require(c["id"]?.stringValue)
        let read = await call(sb, "GET", "/crm/v3/objects/companies/\(id)")
        #expect(read.json?["properties"]?.objectValue?.map(\.0).sorted() == ["createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"])
        let d = await call(sb, "POST", "/crm/v3/objects/deals", #"{"properties":{"dealname":"D"}}"#)
        #expect(d.json?["properties"]?.objectValue?.map(\.0).sorted() ==
                ["amount", "closedate", "createdate", "dealname", "dealstage", "hs_lastmodifieddate", "hs_object_id", "pipeline"])
        #expect(d.json?.prop("dealstage") == "appointmentscheduled")
        let batch = await call(sb, "POST", "/crm/v3/objects/companies/batch/create",
                               #"{"inputs":[{"properties":{"name":"T","city":"Rome"},"objectWriteTraceId":"7"}]}"#)
        let result = try #require(batch["results"]?.arrayValue?.first)
        #expect(result["objectWriteTraceId"]?.stringValue == "7")
        #expect(result.prop("city") == "Rome")
        let ts = try #require(d["createdAt"]?.stringValue)
        #expect(ts.hasSuffix("Z") && ts.count == 24)
    }

    @Test func ownersFilterAndPaging() async throws {
        let sb = makeSandbox(.demo)
        let one = await call(sb, "GET", "/crm/v3/owners?email=maya.okafor@northwind-demo.com")
        #expect(one.json?.results.count == 1)
        let id = one.json?.results.first?["id"]?.stringValue ?? ""
        let got = await call(sb, "GET", "/crm/v3/owners/\(id)")
        #expect(got.status == 200)
        #expect(got.specProblems.isEmpty, "\(got.specProblems)")
        let page = await call(sb, "GET", "/crm/v3/owners?limit=2")
        #expect(page["paging"]?["next"]?["after"]?.stringValue == "2")
        #expect(await call(sb, "GET", "/crm/v3/owners/1").status == 404)
        let bad = await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"hubspot_owner_id":"123"}}"#)
        #expect(bad.status == 400)
    }
}
