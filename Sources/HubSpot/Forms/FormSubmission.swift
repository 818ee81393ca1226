/// A form submission for the v3 integration endpoint on api.hsforms.com.
///
/// ```swift
/// let submission = FormSubmission(fields: ["email": "ada@example.com", "firstname": "Ada"],
///                                 context: .init(pageUri: "https://example.com/signup", pageName: "Sign up"))
/// try await client.forms.submit(portalId: "123", formGuid: "abc-…", submission)
/// ```
public struct FormSubmission: Sendable, Hashable, Encodable {
    public struct Field: Sendable, Hashable, Encodable {
        public var objectTypeId: String?
        public var name: String
        public var value: String
        public init(name: String, value: String, objectTypeId: String? = "0-1") {
            self.name = name
            self.value = value
            self.objectTypeId = objectTypeId
        }
    }

    /// Where the submission came from; `hutk` is the visitor's tracking cookie.
    public struct Context: Sendable, Hashable, Encodable {
        public var hutk: String?
        public var pageUri: String?
        public var pageName: String?
        public var ipAddress: String?
        public init(hutk: String? = nil, pageUri: String? = nil, pageName: String? = nil, ipAddress: String? = nil) {
            self.hutk = hutk
            self.pageUri = pageUri
            self.pageName = pageName
            self.ipAddress = ipAddress
        }
    }

    public var fields: [Field]
    public var context: Context?
    public var submittedAt: String?
    /// GDPR consent, passed as HubSpot documents it (`{"consent": {…}}`).
    public var legalConsentOptions: JSONValue?

    public init(fields: [Field], context: Context? = nil, legalConsentOptions: JSONValue? = nil) {
        self.fields = fields
        self.context = context
        self.legalConsentOptions = legalConsentOptions
    }

    /// Contact fields from a dictionary, sorted by name so the body is stable.
    public init(fields: [String: String], context: Context? = nil) {
        self.init(fields: fields.sorted { $0.key < $1.key }.map { Field(name: $0.key, value: $0.value) }, context: context)
    }
}

/// What HubSpot answers to a submission: the thank-you message or the redirect.
public struct FormSubmissionResponse: Sendable, Hashable, Decodable {
    public var inlineMessage: String?
    public var redirectUri: String?
}
