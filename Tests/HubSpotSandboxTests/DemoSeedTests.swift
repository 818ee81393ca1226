import Foundation
import Testing
@testable import HubSpotSandbox

@Suite struct DemoSeedTests {
    @Test func demoIsDeterministicAndValid() async throws {
        let a = makeSandbox(.demo), b = makeSandbox(.demo)
        let pageA = await call(a, "GET", "/crm/v3/objects/contacts?limit=100&associations=companies")
        let pageB = await call(b, "GET", "/crm/v3/objects/contacts?limit=100&associations=companies", validate: false)
        #expect(pageA.status == 200)
        #expect(pageA.specProblems.isEmpty, "\(pageA.specProblems)")
        #expect(pageA.body == pageB.body)
        #expect(pageA.json?.results.count ?? 0 >= 60)
        let first = try #require(pageA.json?.results.first)
        #expect(first["associations"]?["companies"]?["results"]?.arrayValue?.isEmpty == false)

        for type in ["companies", "deals", "tickets", "notes", "calls", "tasks", "meetings", "emails"] {
            let page = await call(a, "GET", "/crm/v3/objects/\(type)?limit=100")
            #expect(page.status == 200, "\(type)")
            #expect(page.specProblems.isEmpty, "\(type): \(page.specProblems)")
            #expect(page.json?.results.isEmpty == false, "\(type) is empty")
        }
        let empty = makeSandbox(.empty)
        #expect(await call(empty, "GET", "/crm/v3/objects/contacts")["results"]?.arrayValue?.isEmpty == true)
    }

    @Test func demoHasOwnersListFormWorkflow() async throws {
        let sb = makeSandbox(.demo)
        let owners = await call(sb, "GET", "/crm/v3/owners")
        #expect(owners.json?.results.count == 5)
        #expect(owners.specProblems.isEmpty, "\(owners.specProblems)")
        let list = await call(sb, "GET", "/crm/v3/lists/9001")
        #expect(list["list"]?["name"]?.stringValue == "Newsletter subscribers")
        #expect(list.specProblems.isEmpty, "\(list.specProblems)")
        let forms = await call(sb, "GET", "/marketing/v3/forms")
        #expect(forms.json?.results.count == 1)
        #expect(forms.specProblems.isEmpty, "\(forms.specProblems)")
        let flows = await call(sb, "GET", "/automation/v4/flows")
        #expect(flows.json?.results.count == 2)
        #expect(flows.specProblems.isEmpty, "\(flows.specProblems)")
        let flow = await call(sb, "GET", "/automation/v4/flows/31000001")
        #expect(flow.specProblems.isEmpty, "\(flow.specProblems)")
        let pipelines = await call(sb, "GET", "/crm/v3/pipelines/deals")
        #expect(pipelines.specProblems.isEmpty, "\(pipelines.specProblems)")
        let details = await call(sb, "GET", "/account-info/v3/details")
        #expect(details.specProblems.isEmpty, "\(details.specProblems)")
    }
}

extension DemoSeedTests {
    @Test func demoCounts() async {
        let sb = makeSandbox(.demo)
        let expected = ["contacts": 90, "companies": 30, "deals": 37, "tickets": 16, "notes": 8, "calls": 8, "tasks": 8, "meetings": 8, "emails": 8]
        for (type, count) in expected {
            let e = await call(sb, "POST", "/crm/v3/objects/\(type)/search", #"{"filterGroups":[],"limit":0}"#)
            #expect(e["total"]?.intValue == count, "\(type)")
        }
        let first = await call(sb, "GET", "/crm/v3/objects/companies/1001")
        #expect(first.json?.prop("name") == "Brightwater Analytics")
        let stages = await call(sb, "POST", "/crm/v3/objects/deals/search",
                                #"{"filterGroups":[{"filters":[{"propertyName":"dealstage","operator":"EQ","value":"closedwon"}]}],"limit":0}"#)
        #expect((stages["total"]?.intValue ?? 0) > 0)
    }
}
