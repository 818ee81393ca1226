import Foundation
import HubSpot

/// A request taken apart once for routing: method, decoded path segments, query and body.
///
/// The path is cut out of the URL's text by hand, which costs far less per request than
/// URLComponents and needs no regular expression.
struct APIRequest {
    var method: String
    var path: String
    var segments: [String]
    var query: [String: [String]]
    var body: Data?
    var hasBearer: Bool

    init(_ request: HTTPRequest) {
        method = request.method.rawValue
        let text = request.url.absoluteString
        var rest = Substring(text)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var queryText: Substring = ""
        if let q = rest.firstIndex(of: "?") {
            queryText = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        path = String(rest)
        segments = rest.split(separator: "/", omittingEmptySubsequences: true).map { Self.decode($0, plus: false) }
        var query: [String: [String]] = [:]
        for pair in queryText.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0], plus: true)
            let value = parts.count > 1 ? Self.decode(parts[1], plus: true) : ""
            query[name, default: []].append(value)
        }
        self.query = query
        body = request.body
        let auth = request.headers["Authorization"] ?? ""
        hasBearer = auth.count > 7 && auth.prefix(7).lowercased() == "bearer "
    }

    private static func decode(_ s: Substring, plus: Bool) -> String {
        guard s.contains("%") || (plus && s.contains("+")) else { return String(s) }
        let spaced = plus ? s.replacingOccurrences(of: "+", with: " ") : String(s)
        return spaced.removingPercentEncoding ?? spaced
    }

    func queryValue(_ name: String) -> String? { query[name]?.last }

    /// A list parameter given repeated (`properties=a&properties=b`) or comma-separated.
    func queryList(_ name: String) -> [String]? {
        guard let values = query[name] else { return nil }
        return values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    func queryBool(_ name: String) -> Bool { queryValue(name)?.lowercased() == "true" }

    func queryInt(_ name: String) -> Int? { queryValue(name).flatMap { Int($0) } }

    /// The body as JSON; HubSpot's 400 when it does not parse.
    func json() throws -> JSON {
        guard let body, !body.isEmpty else { throw APIError.invalidJSON("No content to map due to end-of-input") }
        do {
            return try JSONParser.parse(body)
        } catch let failure as JSONParser.Failure {
            throw APIError.invalidJSON(failure.description)
        }
    }

    /// Matches the segments against a pattern in which `*` takes any one segment.
    func matches(_ pattern: String...) -> Bool {
        guard pattern.count == segments.count else { return false }
        for (p, s) in zip(pattern, segments) where p != "*" && p != s { return false }
        return true
    }
}
