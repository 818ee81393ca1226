/// Workflows: contact enrollment (legacy v2, as HubSpot still serves it) and the v4 flows API.
///
/// HubSpot publishes no enrollment endpoint in v4; enrollment uses
/// `POST /automation/v2/workflows/{id}/enrollments/contacts/{email}`.
///
/// ```swift
/// try await client.workflows.enroll(workflowId: "12345", email: "ada@example.com")
/// ```
public struct WorkflowsAPI: Sendable {
    public let client: HubSpotClient
    static let flowsPath = "/automation/v4/flows"
}

extension HubSpotClient {
    /// Workflows.
    public var workflows: WorkflowsAPI { WorkflowsAPI(client: self) }
}

extension WorkflowsAPI {
    public func enrollRequest(workflowId: String, email: String) -> HubSpotRequest {
        HubSpotRequest(.post, "/automation/v2/workflows/" + HubSpotRequest.segment(workflowId)
                       + "/enrollments/contacts/" + HubSpotRequest.segment(email))
    }

    public func unenrollRequest(workflowId: String, email: String) -> HubSpotRequest {
        HubSpotRequest(.delete, "/automation/v2/workflows/" + HubSpotRequest.segment(workflowId)
                       + "/enrollments/contacts/" + HubSpotRequest.segment(email))
    }

    /// Enrolls a contact (by email) in a contact-based workflow.
    ///
    /// - Throws: ``HubSpotError`` (404 when the workflow or contact does not exist).
    public func enroll(workflowId: String, email: String) async throws {
        _ = try await client.send(enrollRequest(workflowId: workflowId, email: email))
    }

    /// Removes a contact from a workflow.
    ///
    /// - Throws: ``HubSpotError``.
    public func unenroll(workflowId: String, email: String) async throws {
        _ = try await client.send(unenrollRequest(workflowId: workflowId, email: email))
    }

    /// One page of v4 flows (workflows), as JSON: their shape is large and changes often.
    ///
    /// - Throws: ``HubSpotError``.
    public func flowsPage(after: String? = nil, limit: Int = 100) async throws -> Page<JSONValue> {
        var request = HubSpotRequest(.get, Self.flowsPath, query: [("limit", String(limit))])
        request.add("after", after)
        return try await client.send(request, as: CollectionResponse<JSONValue>.self).page
    }

    /// Every v4 flow.
    public func flows() -> PagedSequence<JSONValue> {
        let api = self
        return PagedSequence { after in try await api.flowsPage(after: after) }
    }

    /// One v4 flow, as JSON.
    ///
    /// - Throws: ``HubSpotError``.
    public func flow(_ flowId: String) async throws -> JSONValue {
        try await client.send(HubSpotRequest(.get, Self.flowsPath + "/" + HubSpotRequest.segment(flowId)), as: JSONValue.self)
    }
}
