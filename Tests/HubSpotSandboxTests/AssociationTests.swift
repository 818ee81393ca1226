import Foundation
import Testing
@testable import HubSpotSandbox

@Suite struct AssociationTests {
    func make(_ sb: Sandbox, _ type: String, _ props: String) async -> String {
        await call(sb, "POST", "/crm/v3/objects/\(type)", #"{"properties":\#(props)}"#, validate: false)["id"]?.stringValue ?? "?"
    }

    @Test func defaultLabelledListRemove() async throws {
        let sb = makeSandbox()
        let contact = await make(sb, "contacts", #"{"email":"c@x.com"}"#)
        let company = await make(sb, "companies", #"{"name":"X","domain":"x.com"}"#)

        let def = await call(sb, "PUT", "/crm/v4/objects/contacts/\(contact)/associations/default/companies/\(company)")
        #expect(def.status == 200)
        #expect(def.specProblems.isEmpty, "\(def.specProblems)")
        #expect(def.json?.results.first?["associationSpec"]?["associationTypeId"] == .int(279))

        let labelled = await call(sb, "PUT", "/crm/v4/objects/contacts/\(contact)/associations/companies/\(company)",
                                  #"[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":1}]"#)
        #expect(labelled.status == 201)
        #expect(labelled.specProblems.isEmpty, "\(labelled.specProblems)")
        #expect(labelled["labels"] == .array(["Primary"]))

        let list = await call(sb, "GET", "/crm/v4/objects/contacts/\(contact)/associations/companies")
        #expect(list.specProblems.isEmpty, "\(list.specProblems)")
        let types = list.json?.results.first?["associationTypes"]?.arrayValue?.compactMap { $0["typeId"]?.intValue }
        #expect(Set(types ?? []) == [1, 279])

        // The other direction is kept in step.
        let back = await call(sb, "GET", "/crm/v4/objects/companies/\(company)/associations/contacts")
        let backTypes = back.json?.results.first?["associationTypes"]?.arrayValue?.compactMap { $0["typeId"]?.intValue }
        #expect(Set(backTypes ?? []) == [2, 280])
        #expect(back.json?.results.first?["toObjectId"]?.intValue == Int(contact))

        let read = await call(sb, "GET", "/crm/v3/objects/contacts/\(contact)?associations=companies")
        #expect(read.specProblems.isEmpty, "\(read.specProblems)")
        let v3types = read["associations"]?["companies"]?["results"]?.arrayValue?.compactMap { $0["type"]?.stringValue }
        #expect(Set(v3types ?? []) == ["contact_to_company", "contact_to_company_unlabeled"])

        #expect(await call(sb, "DELETE", "/crm/v4/objects/contacts/\(contact)/associations/companies/\(company)").status == 204)
        #expect(await call(sb, "GET", "/crm/v4/objects/companies/\(company)/associations/contacts").json?.results.isEmpty == true)

        let badType = await call(sb, "PUT", "/crm/v4/objects/contacts/\(contact)/associations/companies/\(company)",
                                 #"[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":3}]"#)
        #expect(badType.status == 400)
    }

    @Test func createWithAssociationsAndPaging() async throws {
        let sb = makeSandbox()
        let company = await make(sb, "companies", #"{"name":"X"}"#)
        var ids: [String] = []
        for i in 0..<7 {
            let e = await call(sb, "POST", "/crm/v3/objects/contacts",
                               #"{"properties":{"firstname":"C\#(i)"},"associations":[{"to":{"id":"\#(company)"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":279}]}]}"#)
            #expect(e.status == 201)
            #expect(e.specProblems.isEmpty, "\(e.specProblems)")
            ids.append(e["id"]?.stringValue ?? "")
        }
        var after: String?
        var seen: [Int] = []
        repeat {
            let page = await call(sb, "GET", "/crm/v4/objects/companies/\(company)/associations/contacts?limit=3" + (after.map { "&after=\($0)" } ?? ""))
            #expect(page.specProblems.isEmpty, "\(page.specProblems)")
            seen += page.json?.results.compactMap { $0["toObjectId"]?.intValue } ?? []
            after = page["paging"]?["next"]?["after"]?.stringValue
        } while after != nil
        #expect(seen.map(String.init) == ids)
        #expect(await call(sb, "GET", "/crm/v4/objects/companies/\(company)/associations/contacts?limit=501").status == 400)
        let missing = await call(sb, "POST", "/crm/v3/objects/contacts",
                                 #"{"properties":{},"associations":[{"to":{"id":"424242"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":279}]}]}"#)
        #expect(missing.status == 400)
    }

    @Test func batchAndLabels() async throws {
        let sb = makeSandbox()
        let deal = await make(sb, "deals", #"{"dealname":"D"}"#)
        let c1 = await make(sb, "contacts", #"{"email":"1@x.com"}"#)
        let c2 = await make(sb, "contacts", #"{"email":"2@x.com"}"#)

        let label = await call(sb, "POST", "/crm/v4/associations/deals/contacts/labels", #"{"label":"Decision maker","name":"decision_maker"}"#)
        #expect(label.status == 200)
        #expect(label.specProblems.isEmpty, "\(label.specProblems)")
        let typeId = try #require(label.json?.results.first?["typeId"]?.intValue)
        let labels = await call(sb, "GET", "/crm/v4/associations/deals/contacts/labels")
        #expect(labels.specProblems.isEmpty, "\(labels.specProblems)")
        #expect(labels.json?.results.contains { $0["label"]?.stringValue == "Decision maker" } == true)
        #expect(labels.json?.results.contains { $0["typeId"]?.intValue == 3 } == true)

        let created = await call(sb, "POST", "/crm/v4/associations/deals/contacts/batch/create",
                                 #"{"inputs":[{"from":{"id":"\#(deal)"},"to":{"id":"\#(c1)"},"types":[{"associationCategory":"USER_DEFINED","associationTypeId":\#(typeId)}]},{"from":{"id":"\#(deal)"},"to":{"id":"\#(c2)"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":3}]}]}"#)
        #expect(created.status == 201)
        #expect(created.specProblems.isEmpty, "\(created.specProblems)")

        let read = await call(sb, "POST", "/crm/v4/associations/deals/contacts/batch/read", #"{"inputs":[{"id":"\#(deal)"},{"id":"77"}]}"#)
        #expect(read.status == 207)
        #expect(read.specProblems.isEmpty, "\(read.specProblems)")
        #expect(read.json?.results.first?["to"]?.arrayValue?.count == 2)

        let archive = await call(sb, "POST", "/crm/v4/associations/deals/contacts/batch/archive",
                                 #"{"inputs":[{"from":{"id":"\#(deal)"},"to":[{"id":"\#(c1)"}]}]}"#)
        #expect(archive.status == 204)
        let after = await call(sb, "GET", "/crm/v4/objects/contacts/\(c1)/associations/deals")
        #expect(after.json?.results.isEmpty == true)

        #expect(await call(sb, "PUT", "/crm/v4/associations/deals/contacts/labels", #"{"associationTypeId":\#(typeId),"label":"Signer"}"#).status == 204)
        #expect(await call(sb, "DELETE", "/crm/v4/associations/deals/contacts/labels/\(typeId)").status == 204)
        // The current schema file's spelling answers too.
        #expect(await call(sb, "GET", "/crm/associations/v4/deals/contacts/labels").status == 200)
    }
}

extension AssociationTests {
    @Test func v3Batch() async throws {
        let sb = makeSandbox()
        let contact = await make(sb, "contacts", #"{"email":"v3@x.com"}"#)
        let company = await make(sb, "companies", #"{"name":"V3"}"#)
        let created = await call(sb, "POST", "/crm/v3/associations/contacts/companies/batch/create",
                                 #"{"inputs":[{"from":{"id":"\#(contact)"},"to":{"id":"\#(company)"},"type":"contact_to_company"}]}"#)
        #expect(created.status == 201)
        #expect(created.specProblems.isEmpty, "\(created.specProblems)")
        let read = await call(sb, "POST", "/crm/v3/associations/contacts/companies/batch/read", #"{"inputs":[{"id":"\#(contact)"}]}"#)
        #expect(read.specProblems.isEmpty, "\(read.specProblems)")
        #expect(read.json?.results.first?["to"]?.arrayValue?.first?["type"]?.stringValue == "contact_to_company")
        // v4 sees it as the primary type (1).
        let v4 = await call(sb, "GET", "/crm/v4/objects/contacts/\(contact)/associations/companies")
        #expect(v4.json?.results.first?["associationTypes"]?.arrayValue?.first?["typeId"]?.intValue == 1)
        #expect(await call(sb, "POST", "/crm/v3/associations/contacts/companies/batch/archive",
                           #"{"inputs":[{"from":{"id":"\#(contact)"},"to":{"id":"\#(company)"},"type":"contact_to_company"}]}"#).status == 204)
        #expect(await call(sb, "GET", "/crm/v4/objects/contacts/\(contact)/associations/companies").json?.results.isEmpty == true)
    }
}
