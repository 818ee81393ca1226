import Foundation

/// One HubSpot API call before it meets the transport: method, path, query and JSON body.
///
/// Every typed method of the client builds one of these and hands it to
/// ``HubSpotClient/send(_:)``; callers that decode bodies themselves (the Lua
/// bindings) build the same values through the `…Request` builders and get raw
/// bytes back, with the same auth, rate limiting, retries and errors.
///
/// ```swift
/// let request = HubSpotRequest(.get, "/crm/v3/objects/contacts", query: [("limit", "10")])
/// let response = try await client.send(request)   // HTTPResponse, body is JSON bytes
/// ```
public struct HubSpotRequest: Sendable, Equatable {
    /// Which host the path is on.
    public enum Host: Sendable, Equatable {
        /// ``HubSpotConfiguration/baseURL`` (api.hubapi.com).
        case api
        /// ``HubSpotConfiguration/formsURL`` (api.hsforms.com).
        case forms
    }

    public var method: HTTPMethod
    /// The path, its segments already percent-encoded (build them with ``HubSpotRequest/segment(_:)``).
    public var path: String
    /// Query items in order; a name may repeat (`properties=a&properties=b`).
    public var query: [(name: String, value: String)]
    /// JSON body bytes, or nil.
    public var body: Data?
    public var host: Host

    public init(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: Data? = nil, host: Host = .api) {
        self.method = method
        self.path = path
        self.query = query.map { (name: $0.0, value: $0.1) }
        self.body = body
        self.host = host
    }

    /// Same as the other initialiser, with a body encoded from a model.
    public init<Body: Encodable>(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], json: Body, host: Host = .api) {
        self.init(method, path, query: query, body: JSONCoding.encode(json), host: host)
    }

    public static func == (lhs: HubSpotRequest, rhs: HubSpotRequest) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path && lhs.body == rhs.body && lhs.host == rhs.host
            && lhs.query.elementsEqual(rhs.query) { $0.name == $1.name && $0.value == $1.value }
    }

    /// Percent-encodes one path segment (an id, an email, an object type).
    public static func segment(_ raw: String) -> String {
        raw.addingPercentEncoding(withAllowedCharacters: unreserved) ?? raw
    }

    /// RFC 3986 unreserved characters: everything else is encoded in segments and query values.
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The full URL on `configuration`'s hosts.
    public func url(in configuration: HubSpotConfiguration) throws -> URL {
        let base = host == .api ? configuration.baseURL : configuration.formsURL
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += path.hasPrefix("/") ? path : "/" + path
        if !query.isEmpty {
            text += "?" + query.map { Self.encodeQuery($0.name) + "=" + Self.encodeQuery($0.value) }.joined(separator: "&")
        }
        guard let url = URL(string: text) else {
            throw HubSpotError.invalid("cannot build a URL from path \(path)", method: method.rawValue, path: path)
        }
        return url
    }

    static func encodeQuery(_ raw: String) -> String {
        raw.addingPercentEncoding(withAllowedCharacters: unreserved) ?? raw
    }
}

extension HubSpotRequest {
    /// Adds `name=value` to the query when `value` is not nil.
    mutating func add(_ name: String, _ value: String?) {
        if let value { query.append((name: name, value: value)) }
    }

    /// Adds one `name=value` per element (HubSpot's `properties=a&properties=b` form).
    mutating func add(_ name: String, each values: [String]) {
        for value in values { query.append((name: name, value: value)) }
    }
}
