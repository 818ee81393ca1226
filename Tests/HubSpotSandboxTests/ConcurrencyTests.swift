import Foundation
import HubSpot
import Testing
@testable import HubSpotSandbox

@Suite struct ConcurrencyTests {
    @Test func concurrentWritesAndReads() async throws {
        let sb = makeSandbox()
        let ids = await withTaskGroup(of: String?.self) { group in
            for i in 0..<200 {
                group.addTask {
                    await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"c\#(i)@x.com"}}"#, validate: false)["id"]?.stringValue
                }
                group.addTask {
                    _ = await call(sb, "POST", "/crm/v3/objects/contacts/search", #"{"filterGroups":[]}"#, validate: false)
                    return nil
                }
            }
            var out: [String] = []
            for await id in group { if let id { out.append(id) } }
            return out
        }
        #expect(ids.count == 200)
        #expect(Set(ids).count == 200)
        let total = await call(sb, "POST", "/crm/v3/objects/contacts/search", #"{"filterGroups":[],"limit":1}"#)["total"]?.intValue
        #expect(total == 200)
    }

    @Test func unknownRouteAndBadJSON() async throws {
        let sb = makeSandbox()
        let route = await call(sb, "GET", "/crm/v3/nothing/here", validate: false)
        #expect(route.status == 404)
        #expect(route["correlationId"]?.stringValue?.count == 36)
        let bad = await call(sb, "POST", "/crm/v3/objects/contacts", "{not json", validate: false)
        #expect(bad.status == 400)
        #expect(bad["category"]?.stringValue == "VALIDATION_ERROR")
        let unknownType = await call(sb, "GET", "/crm/v3/objects/widgets", validate: false)
        #expect(unknownType.status == 400)
        let dated = await call(sb, "GET", "/crm/objects/2026-03/contacts?limit=1")
        #expect(dated.status == 200)
        #expect(dated.specProblems.isEmpty, "\(dated.specProblems)")
    }
}
