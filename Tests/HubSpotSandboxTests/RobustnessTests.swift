import Foundation
import Testing
@testable import HubSpotSandbox

/// Wrong-shaped input on every route family: always an HTTP answer, never a crash.
@Suite struct RobustnessTests {
    static let paths = [
        "/crm/v3/objects/contacts", "/crm/v3/objects/contacts/1001", "/crm/v3/objects/contacts/search",
        "/crm/v3/objects/contacts/batch/read", "/crm/v3/objects/contacts/batch/create", "/crm/v3/objects/contacts/batch/update",
        "/crm/v3/objects/contacts/batch/upsert", "/crm/v3/objects/contacts/batch/archive", "/crm/v3/objects/contacts/merge",
        "/crm/v3/objects/contacts/gdpr-delete", "/crm/v4/objects/contacts/1001/associations/companies",
        "/crm/v4/objects/contacts/1001/associations/companies/1002", "/crm/v4/objects/contacts/1001/associations/default/companies/1002",
        "/crm/v4/associations/contacts/companies/batch/create", "/crm/v4/associations/contacts/companies/batch/read",
        "/crm/v4/associations/contacts/companies/batch/archive", "/crm/v4/associations/contacts/companies/labels",
        "/crm/v3/associations/contacts/companies/batch/create", "/crm/v3/properties/contacts", "/crm/v3/properties/contacts/email",
        "/crm/v3/properties/contacts/groups", "/crm/v3/properties/contacts/batch/create", "/crm-object-schemas/v3/schemas",
        "/crm/v3/pipelines/deals", "/crm/v3/pipelines/deals/default", "/crm/v3/pipelines/deals/default/stages",
        "/crm/v3/owners", "/crm/v3/lists", "/crm/v3/lists/9001", "/crm/v3/lists/search", "/crm/v3/lists/9001/memberships/add",
        "/crm/v3/lists/9001/memberships/add-and-remove", "/marketing/v3/forms", "/submissions/v3/integration/submit/12345678/x",
        "/automation/v4/flows", "/automation/v2/workflows/31000001/enrollments/contacts/a@b.com",
        "/account-info/v3/activity/audit-logs?occurredAfter=x&limit=-1", "/crm/v3/objects/contacts?limit=abc&after=zz",
        "/crm/objects/2026-03/contacts/1001/associations/companies", "/", "/crm", "/crm/v3/objects",
    ]
    static let bodies: [String?] = [nil, "", "null", "[]", "{}", "\"x\"", "12", "{\"inputs\":\"x\"}", "{\"inputs\":[1,null,{}]}",
                                    "{\"properties\":[]}", "{\"properties\":{\"email\":{}}}", "{\"filterGroups\":\"x\"}",
                                    "{\"filterGroups\":[{\"filters\":[{}]}],\"sorts\":[1],\"limit\":\"x\",\"after\":-1}",
                                    "[{\"associationTypeId\":\"x\"}]", "{\"fields\":[{\"name\":1}]}", "{\"name\":\"\",\"labels\":{}}",
                                    "{\"primaryObjectId\":\"1001\",\"objectIdToMerge\":\"1001\"}", "{\"a\":\"\\ud800\"}", "[[[[[[[[[[]]]]]]]]]]"]

    @Test func wrongShapesNeverCrash() async {
        let sb = makeSandbox(.demo)
        for path in Self.paths {
            for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
                for body in Self.bodies {
                    let e = await call(sb, method, path, body, validate: false)
                    #expect((200..<600).contains(e.status), "\(method) \(path)")
                    if e.status >= 400 { #expect(e["status"]?.stringValue == "error", "\(method) \(path) \(body ?? "nil"): \(e.text)") }
                }
            }
        }
    }
}
