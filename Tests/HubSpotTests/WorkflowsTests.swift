import Foundation
import Testing
@testable import HubSpot

@Suite struct WorkflowsTests {
    @Test func enrollUsesTheV2Path() async throws {
        let mock = MockTransport(status: 204, json: "")
        let client = Fixtures.client(mock)
        try await client.workflows.enroll(workflowId: "12345", email: "ada+test@example.com")
        let request = try #require(mock.last)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "https://api.hubapi.com/automation/v2/workflows/12345/enrollments/contacts/ada%2Btest%40example.com")
        #expect(request.body == nil)
        try await client.workflows.unenroll(workflowId: "12345", email: "a@b.c")
        #expect(mock.last?.method == .delete)
    }

    @Test func enrollmentIsNotRetriedAfterAConnectionLoss() async throws {
        struct Reset: Error {}
        let mock = MockTransport { _ in throw Reset() }
        let client = Fixtures.client(mock)
        await #expect(throws: HubSpotError.self) { try await client.workflows.enroll(workflowId: "1", email: "a@b.c") }
        #expect(mock.count == 1)
    }

    @Test func flowsV4() async throws {
        let mock = MockTransport { request in
            request.url.path.hasSuffix("/flows")
                ? Fixtures.response(200, #"{"results":[{"id":"1","isEnabled":true,"flowType":"WORKFLOW"}]}"#)
                : Fixtures.response(200, #"{"id":"1","isEnabled":true,"flowType":"WORKFLOW","actions":[]}"#)
        }
        let client = Fixtures.client(mock)
        let flows = try await client.workflows.flows().collect()
        #expect(flows.first?["id"] == "1")
        #expect(try await client.workflows.flow("1")["flowType"] == "WORKFLOW")
        if SpecPaths.available { for request in mock.requests { #expect(SpecPaths.knows(request)) } }
    }
}
