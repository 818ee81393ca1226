import Foundation
import Testing
@testable import HubSpotSandbox

@Suite struct ObjectTests {
    @Test func createGetUpdateArchive() async throws {
        let sb = makeSandbox()
        let created = await call(sb, "POST", "/crm/v3/objects/contacts",
                                 #"{"properties":{"email":"Ada@Example.com","firstname":"Ada","lastname":"Lovelace"}}"#)
        #expect(created.status == 201)
        #expect(created.specProblems.isEmpty, "\(created.specProblems)")
        let id = try #require(created["id"]?.stringValue)
        #expect(created.json?.prop("email") == "ada@example.com")
        #expect(created.json?["createdAt"]?.stringValue?.count == 24)

        let got = await call(sb, "GET", "/crm/v3/objects/contacts/\(id)?properties=email,phone")
        #expect(got.status == 200)
        #expect(got.specProblems.isEmpty, "\(got.specProblems)")
        #expect(got.json?["properties"]?["phone"] == .null)

        let byEmail = await call(sb, "GET", "/crm/v3/objects/contacts/ada@example.com?idProperty=email")
        #expect(byEmail["id"]?.stringValue == id)

        let patched = await call(sb, "PATCH", "/crm/v3/objects/contacts/\(id)", #"{"properties":{"lastname":"King"}}"#)
        #expect(patched.status == 200)
        #expect(patched.json?.prop("lastname") == "King")

        let history = await call(sb, "GET", "/crm/v3/objects/contacts/\(id)?propertiesWithHistory=lastname")
        #expect(history["propertiesWithHistory"]?["lastname"]?.arrayValue?.count == 2)
        #expect(history.specProblems.isEmpty, "\(history.specProblems)")

        let deleted = await call(sb, "DELETE", "/crm/v3/objects/contacts/\(id)")
        #expect(deleted.status == 204)
        #expect(await call(sb, "GET", "/crm/v3/objects/contacts/\(id)").status == 404)
        let archived = await call(sb, "GET", "/crm/v3/objects/contacts/\(id)?archived=true")
        #expect(archived["archived"] == .bool(true))
    }

    @Test func duplicateEmailConflicts() async throws {
        let sb = makeSandbox()
        let first = await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"a@b.com"}}"#)
        let id = try #require(first["id"]?.stringValue)
        let second = await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"A@b.com"}}"#)
        #expect(second.status == 409)
        #expect(second["category"]?.stringValue == "CONFLICT")
        #expect(second["message"]?.stringValue == "Contact already exists. Existing ID: \(id)")
        #expect(second.specProblems.isEmpty, "\(second.specProblems)")
    }

    @Test func validationErrors() async throws {
        let sb = makeSandbox()
        let bad = await call(sb, "POST", "/crm/v3/objects/deals",
                             #"{"properties":{"dealname":"X","amount":"lots","nope":"1","dealtype":"weird","closedate":"yesterday"}}"#)
        #expect(bad.status == 400)
        #expect(bad["category"]?.stringValue == "VALIDATION_ERROR")
        #expect(bad["message"]?.stringValue?.hasPrefix("Property values were not valid: ") == true)
        let codes = Set((bad["errors"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue })
        #expect(codes == ["INVALID_DECIMAL", "PROPERTY_DOESNT_EXIST", "INVALID_OPTION", "INVALID_DATE"])
        #expect(bad.specProblems.isEmpty, "\(bad.specProblems)")
    }

    @Test func missingTokenIs401() async throws {
        let sb = makeSandbox()
        let r = await call(sb, "GET", "/crm/v3/objects/contacts", token: nil)
        #expect(r.status == 401)
        #expect(r["category"]?.stringValue == "INVALID_AUTHENTICATION")
    }
}
