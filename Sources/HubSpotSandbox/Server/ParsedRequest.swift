import HubSpot

/// One complete request as the parser read it off the wire, before it becomes an
/// ``HTTPRequest`` (which needs the server's base URL, so it is built later, off the loop).
struct ParsedRequest: Equatable, Sendable {
    /// The method token as sent (case is significant in HTTP; `HTTPMethod` upper-cases later).
    var method: String
    /// The origin-form target, `/path?query`; an absolute-form target is reduced to this.
    var target: String
    /// The minor version: 0 for HTTP/1.0, 1 for HTTP/1.1.
    var minorVersion: Int
    /// The header fields in order, as sent.
    var headers: HTTPHeaders
    /// The body, de-chunked; empty when there is none.
    var body: [UInt8]
    /// Whether the client asked to keep the connection open after this response.
    var keepAlive: Bool

    /// HEAD responses carry the length of the body they would have had, but no body.
    var isHead: Bool { method == "HEAD" }
}
