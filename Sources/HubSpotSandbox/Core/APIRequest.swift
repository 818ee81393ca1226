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
        // Bytes, not Characters: stepping a String by grapheme was most of the cost of a
        // sandbox GET. URLs are ASCII (anything else arrives percent-encoded).
        let bytes = Array(request.url.absoluteString.utf8)
        var start = 0
        if let scheme = Self.find([0x3A, 0x2F, 0x2F], in: bytes) {  // "://"
            start = bytes[(scheme + 3)...].firstIndex(of: 0x2F) ?? bytes.count
        }
        var end = bytes[start...].firstIndex(of: 0x23) ?? bytes.count  // "#"
        var queryBytes: ArraySlice<UInt8> = []
        if let q = bytes[start..<end].firstIndex(of: 0x3F) {  // "?"
            queryBytes = bytes[(q + 1)..<end]
            end = q
        }
        let pathBytes = start < end ? bytes[start..<end] : [0x2F]
        path = String(decoding: pathBytes, as: UTF8.self)
        segments = pathBytes.split(separator: 0x2F, omittingEmptySubsequences: true).map { Self.decode($0, plus: false) }
        var query: [String: [String]] = [:]
        for pair in queryBytes.split(separator: 0x26) {  // "&"
            let parts = pair.split(separator: 0x3D, maxSplits: 1, omittingEmptySubsequences: false)  // "="
            let name = Self.decode(parts[0], plus: true)
            let value = parts.count > 1 ? Self.decode(parts[1], plus: true) : ""
            query[name, default: []].append(value)
        }
        self.query = query
        body = request.body
        let auth = request.headers["Authorization"] ?? ""
        hasBearer = auth.utf8.count > 7 && auth.prefix(7).lowercased() == "bearer "
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func decode(_ s: ArraySlice<UInt8>, plus: Bool) -> String {
        let text = String(decoding: s, as: UTF8.self)
        guard s.contains(0x25) || (plus && s.contains(0x2B)) else { return text }  // "%", "+"
        let spaced = plus ? text.replacingOccurrences(of: "+", with: " ") : text
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
