import Foundation
import Testing
@testable import HubSpot

@Suite struct ErrorTests {
    static func error(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) -> HubSpotError {
        HubSpotError.from(response: Fixtures.response(status, body, headers: headers), method: "POST", path: "/crm/v3/objects/contacts")
    }

    @Test func conflictReadsAsASentence() {
        let e = Self.error(409, #"{"status":"error","message":"Contact already exists. Existing ID: 123","correlationId":"3f1c-uuid","category":"CONFLICT"}"#)
        #expect(e.description == "HubSpot 409 CONFLICT on POST /crm/v3/objects/contacts: Contact already exists. Existing ID: 123")
        #expect(e.correlationId == "3f1c-uuid")
        #expect(e.kind == .http)
        #expect(e.method == "POST")
        #expect(e.path == "/crm/v3/objects/contacts")
    }

    @Test func validationErrorKeepsFieldErrors() {
        let e = Self.error(400, #"""
        {"status":"error","message":"Property values were not valid","correlationId":"c","category":"VALIDATION_ERROR",
         "errors":[{"message":"Property \"foo\" does not exist","code":"PROPERTY_DOESNT_EXIST","context":{"propertyName":["foo"]}}],
         "context":{"properties":["foo"]}}
        """#)
        #expect(e.category == "VALIDATION_ERROR")
        #expect(e.errors.count == 1)
        #expect(e.errors[0].code == "PROPERTY_DOESNT_EXIST")
        #expect(e.errors[0].context?["propertyName"] == ["foo"])
        #expect(e.context["properties"] == ["foo"])
        #expect(e.debugDescription.contains("PROPERTY_DOESNT_EXIST"))
    }

    @Test(arguments: [
        (401, "INVALID_AUTHENTICATION", nil as String?),
        (403, "MISSING_SCOPES", "crm.objects.contacts.write"),
        (404, "OBJECT_NOT_FOUND", nil),
        (409, "CONFLICT", nil),
        (415, "UNSUPPORTED_MEDIA_TYPE", nil),
        (423, "LOCKED", nil),
        (429, "RATE_LIMITS", nil),
        (477, "MIGRATION_IN_PROGRESS", nil),
        (500, "INTERNAL_ERROR", nil),
    ])
    func everyCategoryDecodes(status: Int, category: String, sub: String?) {
        let subField = sub.map { #","subCategory":"\#($0)""# } ?? ""
        let e = Self.error(status, #"{"status":"error","message":"m","correlationId":"c","category":"\#(category)"\#(subField)}"#)
        #expect(e.status == status)
        #expect(e.category == category)
        #expect(e.subCategory == sub)
        #expect(e.isNotFound == (status == 404))
    }

    @Test func rateLimitErrorCarriesPolicyAndRetryAfter() {
        let e = Self.error(429, #"{"status":"error","message":"You have reached your secondly limit.","errorType":"RATE_LIMIT","correlationId":"c","policyName":"SECONDLY","category":"RATE_LIMITS"}"#,
                           headers: ["Retry-After": "1"])
        #expect(e.policyName == "SECONDLY")
        #expect(e.retryAfter == .seconds(1))
    }

    @Test func nonJSONBodiesStillGiveAnError() {
        let e = Self.error(502, "<html>Bad gateway</html>")
        #expect(e.status == 502)
        #expect(e.category == "INTERNAL_ERROR")
        #expect(e.message == "<html>Bad gateway</html>")
        let empty = Self.error(503, "")
        #expect(empty.message == "Service Unavailable")
    }

    @Test func otherKindsReadWell() {
        let invalid = HubSpotError.invalid("search has 6 filter groups; HubSpot allows at most 5", method: "POST", path: "/crm/v3/objects/contacts/search")
        #expect(invalid.description == "invalid HubSpot request on POST /crm/v3/objects/contacts/search: search has 6 filter groups; HubSpot allows at most 5")
        let transport = HubSpotError(kind: .transport, message: "connection reset", method: "GET", path: "/x")
        #expect(transport.description == "HubSpot request failed on GET /x: no response (connection reset)")
    }

    @Test func decodingFailuresNameTheField() async throws {
        let mock = MockTransport(json: #"{"properties":{}}"#)
        let client = Fixtures.client(mock)
        let error = await #expect(throws: HubSpotError.self) { _ = try await client.objects(.contacts).get("1") }
        #expect(error?.kind == .decoding)
        #expect(error?.message.contains("id") == true)
    }
}
