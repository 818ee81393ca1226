/// Why the server refused a request before the handler saw it; each case has its status.
///
/// The parser and the connection state machine report these as values; the I/O layer
/// answers with ``status`` and a HubSpot-shaped JSON error body, then closes the
/// connection, because after a framing error nothing later on the stream can be trusted.
enum HTTPServerError: Error, Equatable, Sendable {
    /// Bytes that are not HTTP/1.x: a bad request line, header line, framing or chunk (400).
    case malformed(String)
    /// The request line is longer than ``ServerLimits/maxRequestLineLength`` (414).
    case requestLineTooLong
    /// Too many header fields, or too many bytes of them (431).
    case headersTooLarge
    /// The body is larger than ``ServerLimits/maxBodyBytes`` (413).
    case bodyTooLarge
    /// An `HTTP/x.y` version other than 1.0 and 1.1 (505).
    case versionNotSupported
    /// An `Expect` other than `100-continue` (417).
    case expectationFailed
    /// A transfer coding other than `chunked` (501).
    case unsupportedTransferEncoding
    /// The client took longer than ``ServerLimits/requestTimeout`` to send its request (408).
    case requestTimeout

    /// The HTTP status code that answers this error.
    var status: Int {
        switch self {
        case .malformed: return 400
        case .requestLineTooLong: return 414
        case .headersTooLarge: return 431
        case .bodyTooLarge: return 413
        case .versionNotSupported: return 505
        case .expectationFailed: return 417
        case .unsupportedTransferEncoding: return 501
        case .requestTimeout: return 408
        }
    }

    /// A short sentence for the error body's `message`.
    var message: String {
        switch self {
        case .malformed(let detail): return "Malformed HTTP request: \(detail)."
        case .requestLineTooLong: return "The request line is too long."
        case .headersTooLarge: return "The request header fields are too large."
        case .bodyTooLarge: return "The request body is too large."
        case .versionNotSupported: return "Only HTTP/1.0 and HTTP/1.1 are supported."
        case .expectationFailed: return "Only 'Expect: 100-continue' is supported."
        case .unsupportedTransferEncoding: return "Only the chunked transfer coding is supported."
        case .requestTimeout: return "The request was not received in time."
        }
    }
}
