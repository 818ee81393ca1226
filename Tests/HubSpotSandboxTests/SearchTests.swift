import Foundation
import Testing
@testable import HubSpotSandbox

@Suite struct SearchTests {
    /// Ten deals with amounts 100...1000 and alternating stages.
    func dealsSandbox() async -> Sandbox {
        let sb = makeSandbox()
        for i in 1...10 {
            let stage = i % 2 == 0 ? "closedwon" : "appointmentscheduled"
            let body = #"{"properties":{"dealname":"Deal \#(i) Alpha\#(i % 3 == 0 ? " Beta" : "")","amount":"\#(i * 100)","dealstage":"\#(stage)","closedate":"2025-0\#(i % 9 + 1)-15T00:00:00.000Z"}}"#
            await call(sb, "POST", "/crm/v3/objects/deals", body, validate: false)
        }
        return sb
    }

    func search(_ sb: Sandbox, _ body: String, type: String = "deals") async -> Exchange {
        await call(sb, "POST", "/crm/v3/objects/\(type)/search", body)
    }

    func total(_ e: Exchange) -> Int? { e["total"]?.intValue }

    @Test func operators() async throws {
        let sb = await dealsSandbox()
        func count(_ filter: String) async -> Int? {
            let e = await search(sb, #"{"filterGroups":[{"filters":[\#(filter)]}]}"#)
            #expect(e.status == 200, "\(e.text)")
            #expect(e.specProblems.isEmpty, "\(e.specProblems)")
            return total(e)
        }
        #expect(await count(#"{"propertyName":"amount","operator":"EQ","value":"300"}"#) == 1)
        #expect(await count(#"{"propertyName":"amount","operator":"NEQ","value":"300"}"#) == 9)
        #expect(await count(#"{"propertyName":"amount","operator":"LT","value":"300"}"#) == 2)
        #expect(await count(#"{"propertyName":"amount","operator":"LTE","value":"300"}"#) == 3)
        #expect(await count(#"{"propertyName":"amount","operator":"GT","value":"900"}"#) == 1)
        #expect(await count(#"{"propertyName":"amount","operator":"GTE","value":"900"}"#) == 2)
        #expect(await count(#"{"propertyName":"amount","operator":"BETWEEN","value":"200","highValue":"400"}"#) == 3)
        #expect(await count(#"{"propertyName":"dealstage","operator":"IN","values":["closedwon"]}"#) == 5)
        #expect(await count(#"{"propertyName":"dealstage","operator":"NOT_IN","values":["closedwon"]}"#) == 5)
        #expect(await count(#"{"propertyName":"description","operator":"HAS_PROPERTY"}"#) == 0)
        #expect(await count(#"{"propertyName":"description","operator":"NOT_HAS_PROPERTY"}"#) == 10)
        #expect(await count(#"{"propertyName":"dealname","operator":"CONTAINS_TOKEN","value":"beta"}"#) == 3)
        #expect(await count(#"{"propertyName":"dealname","operator":"NOT_CONTAINS_TOKEN","value":"beta"}"#) == 7)
        #expect(await count(#"{"propertyName":"dealname","operator":"EQ","value":"deal 1 alpha"}"#) == 1)
        // Numbers compare as numbers, not text ("1000" > "900").
        #expect(await count(#"{"propertyName":"amount","operator":"GT","value":"950"}"#) == 1)
        // Dates accept ms epoch or ISO.
        #expect(await count(#"{"propertyName":"closedate","operator":"LT","value":"1738368000000"}"#) == 1)
        #expect(await count(#"{"propertyName":"closedate","operator":"LT","value":"2025-02-01"}"#) == 1)
    }

    @Test func groupsAreOredFiltersAnded() async throws {
        let sb = await dealsSandbox()
        let e = await search(sb, #"{"filterGroups":[{"filters":[{"propertyName":"amount","operator":"LT","value":"300"},{"propertyName":"dealstage","operator":"EQ","value":"closedwon"}]},{"filters":[{"propertyName":"amount","operator":"EQ","value":"1000"}]}]}"#)
        #expect(total(e) == 2)
    }

    @Test func limits() async throws {
        let sb = makeSandbox()
        let filter = #"{"propertyName":"email","operator":"HAS_PROPERTY"}"#
        let sixGroups = "[" + Array(repeating: #"{"filters":[\#(filter)]}"#, count: 6).joined(separator: ",") + "]"
        let e1 = await search(sb, #"{"filterGroups":\#(sixGroups)}"#, type: "contacts")
        #expect(e1.status == 400)
        #expect(e1["category"]?.stringValue == "VALIDATION_ERROR")
        let sevenFilters = #"[{"filters":[\#(Array(repeating: filter, count: 7).joined(separator: ","))]}]"#
        #expect(await search(sb, #"{"filterGroups":\#(sevenFilters)}"#, type: "contacts").status == 400)
        let nineteen = "[" + Array(repeating: #"{"filters":[\#(Array(repeating: filter, count: 4).joined(separator: ","))]}"#, count: 5).joined(separator: ",") + "]"
        #expect(await search(sb, #"{"filterGroups":\#(nineteen)}"#, type: "contacts").status == 400)
        #expect(await search(sb, #"{"filterGroups":[],"limit":201}"#, type: "contacts").status == 400)
        #expect(await search(sb, #"{"filterGroups":[],"limit":200,"after":"9800"}"#, type: "contacts").status == 200)
        let past = await search(sb, #"{"filterGroups":[],"limit":200,"after":"9801"}"#, type: "contacts")
        #expect(past.status == 400)
        #expect(past.specProblems.isEmpty, "\(past.specProblems)")
    }

    @Test func sortingPagingAndQuery() async throws {
        let sb = await dealsSandbox()
        let sorted = await search(sb, #"{"filterGroups":[],"sorts":[{"propertyName":"amount","direction":"DESCENDING"}],"limit":3,"properties":["amount"]}"#)
        #expect(sorted.json?.results.compactMap { $0.prop("amount") } == ["1000", "900", "800"])
        #expect(sorted["paging"]?["next"]?["after"]?.stringValue == "3")
        #expect(sorted.specProblems.isEmpty, "\(sorted.specProblems)")
        let plain = await search(sb, #"{"filterGroups":[],"sorts":["-amount"],"limit":1,"properties":["amount"]}"#)
        #expect(plain.json?.results.first?.prop("amount") == "1000")
        let page2 = await search(sb, #"{"filterGroups":[],"sorts":[{"propertyName":"amount","direction":"DESCENDING"}],"limit":3,"after":"9","properties":["amount"]}"#)
        #expect(page2.json?.results.compactMap { $0.prop("amount") } == ["100"])
        #expect(page2["paging"] == nil)
        // Default order is hs_object_id ascending.
        let all = await search(sb, #"{"filterGroups":[],"limit":10}"#)
        let ids = all.json?.results.compactMap { $0["id"]?.stringValue.flatMap(Int.init) } ?? []
        #expect(ids == ids.sorted())
        let q = await search(sb, #"{"filterGroups":[],"query":"bet"}"#)
        #expect(total(q) == 3)
    }

    @Test func unknownPropertyAndOperator() async throws {
        let sb = makeSandbox()
        let e = await search(sb, #"{"filterGroups":[{"filters":[{"propertyName":"nope","operator":"EQ","value":"1"}]}]}"#, type: "contacts")
        #expect(e.status == 400)
        let op = await call(sb, "POST", "/crm/v3/objects/contacts/search", #"{"filterGroups":[{"filters":[{"propertyName":"email","operator":"LIKE","value":"1"}]}]}"#, validate: false)
        #expect(op.status == 400)
    }
}

extension SearchTests {
    @Test func filterByAssociation() async throws {
        let sb = makeSandbox(.demo)
        let company = await call(sb, "GET", "/crm/v3/objects/companies?limit=1").json?.results.first?["id"]?.stringValue ?? ""
        let contacts = await call(sb, "GET", "/crm/v4/objects/companies/\(company)/associations/contacts").json?.results.count ?? 0
        let e = await search(sb, #"{"filterGroups":[{"filters":[{"propertyName":"associations.company","operator":"EQ","value":"\#(company)"}]}]}"#,
                             type: "contacts")
        #expect(e.status == 200)
        #expect(contacts > 0)
        #expect(total(e) == contacts)
    }

    @Test func keysetPagingPastTenThousand() async throws {
        let sb = makeSandbox()
        for batch in 0..<3 {
            let inputs = (0..<100).map { #"{"properties":{"firstname":"K\#(batch * 100 + $0)"}}"# }.joined(separator: ",")
            await call(sb, "POST", "/crm/v3/objects/contacts/batch/create", #"{"inputs":[\#(inputs)]}"#, validate: false)
        }
        var last = "0"
        var seen = 0
        while true {
            let page = await search(sb, #"{"filterGroups":[{"filters":[{"propertyName":"hs_object_id","operator":"GT","value":"\#(last)"}]}],"limit":200}"#, type: "contacts")
            let ids = page.json?.results.compactMap { $0["id"]?.stringValue } ?? []
            if ids.isEmpty { break }
            seen += ids.count
            last = ids[ids.count - 1]
        }
        #expect(seen == 300)
    }
}
