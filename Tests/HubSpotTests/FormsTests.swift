import Foundation
import Testing
@testable import HubSpot

@Suite struct FormsTests {
    @Test func publicSubmitGoesToTheFormsHostWithoutTheToken() async throws {
        let mock = MockTransport(json: #"{"inlineMessage":"Thanks!"}"#)
        let client = Fixtures.client(mock)
        let response = try await client.forms.submit(portalId: "123", formGuid: "abc-def",
            FormSubmission(fields: ["email": "ada@example.com", "firstname": "Ada"], context: .init(pageUri: "https://example.com", pageName: "Home")))
        #expect(response.inlineMessage == "Thanks!")
        let request = try #require(mock.last)
        #expect(request.url.absoluteString == "https://api.hsforms.com/submissions/v3/integration/submit/123/abc-def")
        #expect(request.headers["Authorization"] == nil)
        #expect(Fixtures.json(request.body) == [
            "fields": [["objectTypeId": "0-1", "name": "email", "value": "ada@example.com"], ["objectTypeId": "0-1", "name": "firstname", "value": "Ada"]],
            "context": ["pageUri": "https://example.com", "pageName": "Home"],
        ])
    }

    @Test func secureSubmitSendsTheToken() async throws {
        let mock = MockTransport(json: #"{"redirectUri":"https://example.com/thanks"}"#)
        let client = Fixtures.client(mock)
        let response = try await client.forms.submit(portalId: "123", formGuid: "abc", FormSubmission(fields: ["email": "a@b.c"]), secure: true)
        #expect(response.redirectUri == "https://example.com/thanks")
        #expect(mock.last?.url.path == "/submissions/v3/integration/secure/submit/123/abc")
        #expect(mock.last?.headers["Authorization"] == "Bearer \(Fixtures.token.secret)")
        let anonymous = Fixtures.client(mock, token: nil)
        let error = await #expect(throws: HubSpotError.self) {
            try await anonymous.forms.submit(portalId: "1", formGuid: "g", FormSubmission(fields: ["email": "a@b.c"]), secure: true)
        }
        #expect(error?.kind == .invalidRequest)
    }

    @Test func submissionsAreNotRetriedAfterAServerError() async throws {
        let mock = MockTransport(status: 503, json: "")
        let client = Fixtures.client(mock)
        await #expect(throws: HubSpotError.self) { try await client.forms.submit(portalId: "1", formGuid: "g", FormSubmission(fields: ["email": "a@b.c"])) }
        #expect(mock.count == 1)
    }
}
