import Foundation
import Testing
@testable import HubSpotSandbox

/// Lists, forms, workflows and the audit log.
@Suite struct MarketingTests {
    @Test func listsAndMemberships() async throws {
        let sb = makeSandbox()
        let ids = await (1...3).asyncMap { i in
            await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"l\#(i)@x.com"}}"#, validate: false)["id"]?.stringValue ?? ""
        }
        let created = await call(sb, "POST", "/crm/v3/lists", #"{"name":"VIPs","objectTypeId":"0-1","processingType":"MANUAL"}"#)
        #expect(created.status == 200)
        #expect(created.specProblems.isEmpty, "\(created.specProblems)")
        let listId = try #require(created["list"]?["listId"]?.stringValue)
        #expect(await call(sb, "POST", "/crm/v3/lists", #"{"name":"vips","objectTypeId":"0-1","processingType":"MANUAL"}"#).status == 409)

        let added = await call(sb, "PUT", "/crm/v3/lists/\(listId)/memberships/add", #"["\#(ids[0])","\#(ids[1])","999"]"#)
        #expect(added.status == 200)
        #expect(added.specProblems.isEmpty, "\(added.specProblems)")
        #expect(added["recordsIdsAdded"] == .array([.string(ids[0]), .string(ids[1])]))
        #expect(added["recordIdsMissing"] == .array(["999"]))

        let members = await call(sb, "GET", "/crm/v3/lists/\(listId)/memberships?limit=1")
        #expect(members.specProblems.isEmpty, "\(members.specProblems)")
        #expect(members.json?.results.first?["recordId"]?.stringValue == ids[0])
        let next = members["paging"]?["next"]?["after"]?.stringValue ?? ""
        let rest = await call(sb, "GET", "/crm/v3/lists/\(listId)/memberships?after=\(next)")
        #expect(rest.json?.results.first?["recordId"]?.stringValue == ids[1])

        let removed = await call(sb, "PUT", "/crm/v3/lists/\(listId)/memberships/remove", #"["\#(ids[0])"]"#)
        #expect(removed["recordIdsRemoved"] == .array([.string(ids[0])]))
        let fetched = await call(sb, "GET", "/crm/v3/lists/\(listId)")
        #expect(fetched["list"]?["size"]?.intValue == 1)

        let search = await call(sb, "POST", "/crm/v3/lists/search", #"{"query":"vip","offset":0,"additionalProperties":[]}"#)
        #expect(search.specProblems.isEmpty, "\(search.specProblems)")
        #expect(search["total"]?.intValue == 1)
        let dynamic = await call(sb, "POST", "/crm/v3/lists", #"{"name":"Dyn","objectTypeId":"0-1","processingType":"DYNAMIC"}"#)
        let dynId = dynamic["list"]?["listId"]?.stringValue ?? ""
        #expect(await call(sb, "PUT", "/crm/v3/lists/\(dynId)/memberships/add", #"["\#(ids[2])"]"#).status == 400)
        #expect(await call(sb, "DELETE", "/crm/v3/lists/\(listId)").status == 204)
        #expect(await call(sb, "GET", "/crm/v3/lists/\(listId)").status == 404)
    }

    @Test func formSubmissionCreatesThenUpdatesContact() async throws {
        let sb = makeSandbox(.demo)
        let form = DemoData.formId
        let path = "/submissions/v3/integration/submit/12345678/\(form)"
        let first = await call(sb, "POST", path, #"{"fields":[{"name":"email","value":"New.Lead@Example.com"},{"name":"firstname","value":"Nia"}],"context":{"pageUri":"https://example.com/contact"}}"#,
                               host: "api.hsforms.com", token: nil, validate: false)
        #expect(first.status == 200, "\(first.text)")
        #expect(first["inlineMessage"] != nil)
        let found = await call(sb, "GET", "/crm/v3/objects/contacts/new.lead@example.com?idProperty=email&propertiesWithHistory=firstname")
        #expect(found.json?.prop("firstname") == "Nia")
        #expect(found["propertiesWithHistory"]?["firstname"]?.arrayValue?.first?["sourceType"]?.stringValue == "FORM")
        await call(sb, "POST", path, #"{"fields":[{"name":"email","value":"new.lead@example.com"},{"name":"lastname","value":"Lee"}]}"#,
                   host: "api.hsforms.com", token: nil, validate: false)
        let again = await call(sb, "GET", "/crm/v3/objects/contacts/new.lead@example.com?idProperty=email")
        #expect(again["id"] == found["id"])
        #expect(again.json?.prop("lastname") == "Lee")

        let missing = await call(sb, "POST", path, #"{"fields":[{"name":"firstname","value":"X"}]}"#, host: "api.hsforms.com", token: nil, validate: false)
        #expect(missing.status == 400)
        #expect(missing["errors"]?.arrayValue?.first?["errorType"]?.stringValue == "REQUIRED_FIELD")
        let unknown = await call(sb, "POST", "/submissions/v3/integration/submit/12345678/nope", #"{"fields":[]}"#,
                                 host: "api.hsforms.com", token: nil, validate: false)
        #expect(unknown.status == 404)
        let secure = await call(sb, "POST", "/submissions/v3/integration/secure/submit/12345678/\(form)", #"{"fields":[{"name":"email","value":"s@x.com"}]}"#,
                                host: "api.hsforms.com", token: nil, validate: false)
        #expect(secure.status == 401)
        let form1 = await call(sb, "GET", "/marketing/v3/forms/\(form)")
        #expect(form1.specProblems.isEmpty, "\(form1.specProblems)")
    }

    @Test func workflowEnrollment() async throws {
        let sb = makeSandbox(.demo)
        let contact = await call(sb, "GET", "/crm/v3/objects/contacts?limit=1").json?.results.first?.prop("email") ?? ""
        let ok = await call(sb, "POST", "/automation/v2/workflows/31000001/enrollments/contacts/\(contact)", validate: false)
        #expect(ok.status == 204)
        #expect(await call(sb, "POST", "/automation/v2/workflows/1/enrollments/contacts/\(contact)", validate: false).status == 404)
        #expect(await call(sb, "GET", "/automation/v4/flows/1").status == 404)
    }

    @Test func auditLogRecordsWrites() async throws {
        let clock = ManualClock(start: 1_705_314_600_000)
        var options = SandboxOptions.unlimited
        options.clock = .manual(clock)
        let sb = Sandbox(seed: .empty, options: options)
        await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"a@x.com"}}"#)
        clock.advance(by: 60_000)
        let id = await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"b@x.com"}}"#)["id"]?.stringValue ?? ""
        await call(sb, "DELETE", "/crm/v3/objects/contacts/\(id)")
        let all = await call(sb, "GET", "/account-info/v3/activity/audit-logs")
        #expect(all.specProblems.isEmpty, "\(all.specProblems)")
        #expect(all.json?.results.map { $0["action"]?.stringValue ?? "" } == ["DELETE", "CREATE", "CREATE"])
        let recent = await call(sb, "GET", "/account-info/v3/activity/audit-logs?occurredAfter=2024-01-15T10:30:30Z")
        #expect(recent.json?.results.count == 2)
        let paged = await call(sb, "GET", "/account-info/v3/activity/audit-logs?limit=2")
        let after = paged["paging"]?["next"]?["after"]?.stringValue ?? ""
        #expect(await call(sb, "GET", "/account-info/v3/activity/audit-logs?limit=2&after=\(after)").json?.results.count == 1)
    }
}

extension Sequence {
    func asyncMap<T>(_ f: (Element) async -> T) async -> [T] {
        var out: [T] = []
        for e in self { out.append(await f(e)) }
        return out
    }
}

extension MarketingTests {
    @Test func createFormThenSubmit() async throws {
        let sb = makeSandbox()
        let body = #"{"name":"Signup","formType":"hubspot","fieldGroups":[{"groupType":"default_group","richTextType":"text","fields":[{"objectTypeId":"0-1","name":"email","label":"Email","fieldType":"email","required":true,"hidden":false,"dependentFields":[],"validation":{"blockedEmailDomains":[],"useDefaultBlockList":false}}]}]}"#
        let created = await call(sb, "POST", "/marketing/v3/forms", body, validate: false)
        #expect(created.status == 201)
        #expect(HubSpotSpecsCheck.response("POST", "/marketing/v3/forms", created).isEmpty)
        let id = try #require(created["id"]?.stringValue)
        let submitted = await call(sb, "POST", "/submissions/v3/integration/submit/12345678/\(id)", #"{"fields":[{"name":"email","value":"f@x.com"}]}"#,
                                   host: "api.hsforms.com", token: nil, validate: false)
        #expect(submitted.status == 200)
        #expect(await call(sb, "GET", "/crm/v3/objects/contacts/f@x.com?idProperty=email").status == 200)
    }
}
