/// Form submissions (v3 integration API on ``HubSpotConfiguration/formsURL``).
///
/// The public endpoint is sent without the token (it needs none, and the auth
/// layer leaves it off); the secure endpoint needs the token and a scope.
public struct FormsAPI: Sendable {
    public let client: HubSpotClient
}

extension HubSpotClient {
    /// Form submissions.
    public var forms: FormsAPI { FormsAPI(client: self) }
}

extension FormsAPI {
    /// `POST /submissions/v3/integration[/secure]/submit/{portalId}/{formGuid}` on the forms host.
    public func submitRequest(portalId: String, formGuid: String, _ submission: FormSubmission, secure: Bool = false) -> HubSpotRequest {
        let kind = secure ? "/submissions/v3/integration/secure/submit/" : "/submissions/v3/integration/submit/"
        return HubSpotRequest(.post, kind + HubSpotRequest.segment(portalId) + "/" + HubSpotRequest.segment(formGuid),
                              json: submission, host: .forms)
    }

    /// Submits a form. Not retried after a 5xx or a lost connection (it could submit twice).
    ///
    /// - Throws: ``HubSpotError``; `.invalidRequest` for a secure submission without a token.
    @discardableResult
    public func submit(portalId: String, formGuid: String, _ submission: FormSubmission, secure: Bool = false) async throws -> FormSubmissionResponse {
        if secure && client.configuration.accessToken == nil {
            throw HubSpotError.invalid("a secure form submission needs an access token")
        }
        let response = try await client.send(submitRequest(portalId: portalId, formGuid: formGuid, submission, secure: secure))
        if response.body.isEmpty { return FormSubmissionResponse() }
        return (try? JSONCoding.decode(FormSubmissionResponse.self, from: response.body)) ?? FormSubmissionResponse()
    }
}
