import Foundation

/// The one error the HubSpot client throws: an HTTP error answer from HubSpot, a
/// transport failure, a passed deadline, a request refused before sending, or a
/// response that could not be decoded.
///
/// Its `description` is one sentence a user can act on:
///
/// ```
/// HubSpot 409 CONFLICT on POST /crm/v3/objects/contacts: Contact already exists. Existing ID: 123
/// ```
///
/// It never holds the access token: the client redacts it from every message.
public struct HubSpotError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, at the coarsest level.
    public enum Kind: String, Sendable, Equatable {
        /// HubSpot answered with an error status.
        case http
        /// No response arrived (connection refused or reset, DNS, timeout of one exchange).
        case transport
        /// The call's deadline passed (retries and waits included).
        case deadlineExceeded
        /// The client refused to send the request (it breaks a HubSpot limit or is malformed).
        case invalidRequest
        /// A 2xx response whose body was not what the endpoint promises.
        case decoding
        /// The call was cancelled.
        case cancelled
    }

    /// One entry of the `errors` array of a HubSpot error body.
    public struct Detail: Sendable, Equatable, Codable {
        public var message: String
        public var code: String?
        public var `in`: String?
        public var subCategory: String?
        public var context: [String: [String]]?

        public init(message: String, code: String? = nil, in: String? = nil, subCategory: String? = nil, context: [String: [String]]? = nil) {
            self.message = message
            self.code = code
            self.in = `in`
            self.subCategory = subCategory
            self.context = context
        }
    }

    public var kind: Kind
    /// HTTP status, when a response arrived.
    public var status: Int?
    /// HubSpot's category, e.g. `CONFLICT`, `VALIDATION_ERROR`, `OBJECT_NOT_FOUND`, `RATE_LIMITS`.
    public var category: String?
    /// HubSpot's finer category, when it sends one.
    public var subCategory: String?
    /// Human-readable message.
    public var message: String
    /// HubSpot's correlation id, to quote to HubSpot support.
    public var correlationId: String?
    /// Per-field errors (`errors[]`).
    public var errors: [Detail]
    /// The `context` object (e.g. `{"ids": ["123"]}`).
    public var context: [String: [String]]
    /// The 429 policy name (`DAILY`, `TEN_SECONDLY_ROLLING`, `SECONDLY`), when given.
    public var policyName: String?
    /// HTTP method of the failed request.
    public var method: String?
    /// Path of the failed request, without its query.
    public var path: String?
    /// How long HubSpot asked us to wait, from `Retry-After`.
    public var retryAfter: Duration?
    /// The raw response body of an HTTP error (for callers who decode it themselves).
    public var body: Data?

    public init(kind: Kind, status: Int? = nil, category: String? = nil, subCategory: String? = nil,
                message: String, correlationId: String? = nil, errors: [Detail] = [], context: [String: [String]] = [:],
                policyName: String? = nil, method: String? = nil, path: String? = nil, retryAfter: Duration? = nil,
                body: Data? = nil) {
        self.kind = kind
        self.status = status
        self.category = category
        self.subCategory = subCategory
        self.message = message
        self.correlationId = correlationId
        self.errors = errors
        self.context = context
        self.policyName = policyName
        self.method = method
        self.path = path
        self.retryAfter = retryAfter
        self.body = body
    }

    /// True for a 404 / `OBJECT_NOT_FOUND`: the thing does not exist.
    public var isNotFound: Bool { status == 404 || category == "OBJECT_NOT_FOUND" }

    public var description: String {
        var where_ = ""
        if let method, let path { where_ = " on \(method) \(path)" }
        switch kind {
        case .http:
            let label = category ?? "error"
            return "HubSpot \(status.map(String.init) ?? "?") \(label)\(where_): \(message)"
        case .transport:
            return "HubSpot request failed\(where_): no response (\(message))"
        case .deadlineExceeded:
            return "HubSpot request\(where_) exceeded its deadline: \(message)"
        case .invalidRequest:
            return "invalid HubSpot request\(where_): \(message)"
        case .decoding:
            return "unexpected HubSpot response\(where_): \(message)"
        case .cancelled:
            return "HubSpot request\(where_) was cancelled"
        }
    }

    public var debugDescription: String {
        var parts = [description]
        if let correlationId { parts.append("correlationId: \(correlationId)") }
        for detail in errors { parts.append("- \(detail.message)\(detail.code.map { " [\($0)]" } ?? "")") }
        return parts.joined(separator: "\n")
    }
}

extension HubSpotError {
    /// An error raised before anything was sent.
    static func invalid(_ message: String, method: String? = nil, path: String? = nil) -> HubSpotError {
        HubSpotError(kind: .invalidRequest, message: message, method: method, path: path)
    }
}
