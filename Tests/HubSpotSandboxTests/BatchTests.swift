import Foundation
import Testing
@testable import HubSpotSandbox

@Suite struct BatchTests {
    @Test func createReadUpdateUpsertArchive() async throws {
        let sb = makeSandbox()
        let inputs = (1...3).map { #"{"properties":{"email":"u\#($0)@x.com","firstname":"U\#($0)"}}"# }.joined(separator: ",")
        let created = await call(sb, "POST", "/crm/v3/objects/contacts/batch/create", #"{"inputs":[\#(inputs)]}"#)
        #expect(created.status == 201)
        #expect(created["status"]?.stringValue == "COMPLETE")
        #expect(created.specProblems.isEmpty, "\(created.specProblems)")
        let ids = created.json?.results.compactMap { $0["id"]?.stringValue } ?? []
        #expect(ids.count == 3)

        let read = await call(sb, "POST", "/crm/v3/objects/contacts/batch/read",
                              #"{"inputs":[{"id":"\#(ids[0])"},{"id":"999999"}],"properties":["firstname"]}"#)
        #expect(read.status == 207)
        #expect(read["numErrors"]?.intValue == 1)
        #expect(read["errors"]?.arrayValue?.first?["context"]?["ids"] == .array(["999999"]))
        #expect(read.specProblems.isEmpty, "\(read.specProblems)")

        let byEmail = await call(sb, "POST", "/crm/v3/objects/contacts/batch/read",
                                 #"{"inputs":[{"id":"u2@x.com"}],"idProperty":"email","properties":["email"]}"#)
        #expect(byEmail.status == 200)
        #expect(byEmail.json?.results.first?["id"]?.stringValue == ids[1])

        let updated = await call(sb, "POST", "/crm/v3/objects/contacts/batch/update",
                                 #"{"inputs":[{"id":"\#(ids[0])","properties":{"lastname":"A"}},{"id":"\#(ids[1])","properties":{"nope":"x"}}]}"#)
        #expect(updated.status == 207)
        #expect(updated.json?.results.count == 1)
        #expect(updated.specProblems.isEmpty, "\(updated.specProblems)")

        let dup = await call(sb, "POST", "/crm/v3/objects/contacts/batch/update",
                             #"{"inputs":[{"id":"\#(ids[0])","properties":{}},{"id":"\#(ids[0])","properties":{}}]}"#)
        #expect(dup.status == 400)

        let upsert = await call(sb, "POST", "/crm/v3/objects/contacts/batch/upsert",
                                #"{"inputs":[{"id":"u1@x.com","idProperty":"email","properties":{"lastname":"Up"}},{"id":"new@x.com","idProperty":"email","properties":{"firstname":"New"}}]}"#)
        #expect(upsert.status == 200)
        #expect(upsert.json?.results.map { $0["new"] } == [.bool(false), .bool(true)])
        #expect(upsert.specProblems.isEmpty, "\(upsert.specProblems)")

        let archived = await call(sb, "POST", "/crm/v3/objects/contacts/batch/archive", #"{"inputs":[{"id":"\#(ids[2])"}]}"#)
        #expect(archived.status == 204)
        #expect(await call(sb, "GET", "/crm/v3/objects/contacts/\(ids[2])").status == 404)
    }

    @Test func hundredInputLimit() async throws {
        let sb = makeSandbox()
        let inputs = (0...100).map { #"{"properties":{"firstname":"N\#($0)"}}"# }.joined(separator: ",")
        let e = await call(sb, "POST", "/crm/v3/objects/contacts/batch/create", #"{"inputs":[\#(inputs)]}"#)
        #expect(e.status == 400)
        #expect(e["category"]?.stringValue == "VALIDATION_ERROR")
        let ok = (1...100).map { #"{"properties":{"firstname":"N\#($0)"}}"# }.joined(separator: ",")
        #expect(await call(sb, "POST", "/crm/v3/objects/contacts/batch/create", #"{"inputs":[\#(ok)]}"#).status == 201)
    }

    @Test func listPaging() async throws {
        let sb = makeSandbox()
        let ok = (1...25).map { #"{"properties":{"firstname":"N\#($0)"}}"# }.joined(separator: ",")
        await call(sb, "POST", "/crm/v3/objects/contacts/batch/create", #"{"inputs":[\#(ok)]}"#)
        var after: String?
        var seen = 0
        repeat {
            let page = await call(sb, "GET", "/crm/v3/objects/contacts?limit=10" + (after.map { "&after=\($0)" } ?? ""))
            #expect(page.specProblems.isEmpty, "\(page.specProblems)")
            seen += page.json?.results.count ?? 0
            after = page["paging"]?["next"]?["after"]?.stringValue
        } while after != nil
        #expect(seen == 25)
        #expect(await call(sb, "GET", "/crm/v3/objects/contacts?limit=101").status == 400)
    }
}
