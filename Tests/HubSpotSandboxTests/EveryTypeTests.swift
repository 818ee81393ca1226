import Foundation
import Testing
@testable import HubSpotSandbox

/// Every standard object type answers CRUD, search and properties in the shapes its own
/// OpenAPI file describes, by name and by type id.
@Suite struct EveryTypeTests {
    static let samples: [(String, String, String)] = [
        ("contacts", "0-1", #"{"email":"t@x.com"}"#), ("companies", "0-2", #"{"name":"T"}"#), ("deals", "0-3", #"{"dealname":"T"}"#),
        ("tickets", "0-5", #"{"subject":"T"}"#), ("products", "0-7", #"{"name":"T","price":"10"}"#),
        ("line_items", "0-8", #"{"name":"T","quantity":"2","price":"5"}"#), ("quotes", "0-14", #"{"hs_title":"T","hs_expiration_date":"2026-01-01T00:00:00Z"}"#),
        ("leads", "0-136", #"{"hs_lead_name":"T"}"#), ("calls", "0-48", #"{"hs_timestamp":"2025-01-01T10:00:00Z","hs_call_title":"T"}"#),
        ("emails", "0-49", #"{"hs_timestamp":"1735725600000","hs_email_subject":"T"}"#),
        ("meetings", "0-47", #"{"hs_timestamp":"2025-01-01T10:00:00Z","hs_meeting_title":"T"}"#),
        ("notes", "0-46", #"{"hs_timestamp":"2025-01-01T10:00:00Z","hs_note_body":"T"}"#),
        ("tasks", "0-27", #"{"hs_timestamp":"2025-01-01T10:00:00Z","hs_task_subject":"T"}"#),
        ("communications", "0-18", #"{"hs_timestamp":"2025-01-01T10:00:00Z","hs_communication_body":"T","hs_communication_channel_type":"SMS"}"#),
    ]

    @Test(arguments: samples)
    func crudSearchAndProperties(_ sample: (String, String, String)) async throws {
        let (name, typeId, props) = sample
        let sb = makeSandbox()
        let created = await call(sb, "POST", "/crm/v3/objects/\(name)", #"{"properties":\#(props)}"#)
        #expect(created.status == 201, "\(name): \(created.text)")
        #expect(created.specProblems.isEmpty, "\(name): \(created.specProblems)")
        let id = try #require(created["id"]?.stringValue)
        for key in [name, typeId] {
            let got = await call(sb, "GET", "/crm/v3/objects/\(key)/\(id)")
            #expect(got.status == 200, "\(key)")
            #expect(got.specProblems.isEmpty, "\(key): \(got.specProblems)")
        }
        let patched = await call(sb, "PATCH", "/crm/v3/objects/\(name)/\(id)", #"{"properties":{}}"#)
        #expect(patched.specProblems.isEmpty, "\(name): \(patched.specProblems)")
        let found = await call(sb, "POST", "/crm/v3/objects/\(name)/search",
                               #"{"filterGroups":[{"filters":[{"propertyName":"hs_object_id","operator":"EQ","value":"\#(id)"}]}]}"#)
        #expect(found["total"]?.intValue == 1, "\(name)")
        #expect(found.specProblems.isEmpty, "\(name): \(found.specProblems)")
        let batch = await call(sb, "POST", "/crm/v3/objects/\(name)/batch/read", #"{"inputs":[{"id":"\#(id)"}]}"#)
        #expect(batch.specProblems.isEmpty, "\(name): \(batch.specProblems)")
        let properties = await call(sb, "GET", "/crm/v3/properties/\(name)")
        #expect(properties.specProblems.isEmpty, "\(name): \(properties.specProblems)")
        #expect(await call(sb, "DELETE", "/crm/v3/objects/\(name)/\(id)").status == 204)
    }
}
