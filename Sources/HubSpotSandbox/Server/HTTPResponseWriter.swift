import Foundation
import HubSpot

/// Turns a handler's ``HTTPResponse`` into the bytes of an HTTP/1.1 response.
///
/// The server owns the framing: the handler's Content-Length, Transfer-Encoding and
/// Connection fields are replaced by the server's own, and a field whose name or value
/// could split the response (CR, LF, a non-token name) is dropped. A body that looks
/// like JSON gets HubSpot's `application/json;charset=utf-8` when the handler named no
/// type. RFC 9110 forbids a body (and, for 204, a Content-Length) on 204 and 304.
///
/// ```swift
/// let bytes = HTTPResponseWriter.serialize(HTTPResponse(status: 200, body: Data("{}".utf8)),
///                                          keepAlive: true, isHead: false, minorVersion: 1, date: HTTPDate.now())
/// // HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=utf-8\r\nDate: …\r\nContent-Length: 2\r\n\r\n{}
/// ```
enum HTTPResponseWriter {
    static let jsonContentType = "application/json;charset=utf-8"
    static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    private static let framingFields: Set<String> = ["content-length", "transfer-encoding", "connection", "keep-alive"]

    /// The response bytes; `keepAlive` is false when the handler asked for `Connection: close`.
    ///
    /// Written straight into one byte array sized for head and body: this runs for every
    /// response, and string concatenation showed in profiles.
    static func serialize(
        _ response: HTTPResponse, keepAlive requestKeepAlive: Bool, isHead: Bool, minorVersion: Int, date: String
    ) -> (bytes: [UInt8], keepAlive: Bool) {
        // A handler cannot send interim (1xx) responses or invented codes: those become 500.
        let status = (200...599).contains(response.status) ? response.status : 500
        let bodyAllowed = status != 204 && status != 304
        var keepAlive = requestKeepAlive
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 + (bodyAllowed && !isHead ? response.body.count : 0))
        bytes.append(contentsOf: "HTTP/1.1 ".utf8)
        bytes.append(contentsOf: String(status).utf8)
        bytes.append(32)
        bytes.append(contentsOf: reasonPhrase(status).utf8)
        bytes.append(contentsOf: crlf)
        var hasDate = false
        var hasContentType = false
        for field in response.headers {
            let name = field.name.lowercased()
            if name == "connection" && field.value.lowercased().contains("close") { keepAlive = false }
            guard !framingFields.contains(name), isSafe(name: field.name, value: field.value) else { continue }
            var value = field.value
            if name == "date" { hasDate = true }
            if name == "content-type" {
                hasContentType = true
                if value.lowercased() == "application/json" { value = jsonContentType }
            }
            appendField(field.name, value, to: &bytes)
        }
        if !hasContentType, bodyAllowed, looksLikeJSON(response.body) {
            appendField("Content-Type", jsonContentType, to: &bytes)
        }
        if !hasDate { appendField("Date", date, to: &bytes) }
        if bodyAllowed { appendField("Content-Length", String(response.body.count), to: &bytes) }
        if !keepAlive {
            appendField("Connection", "close", to: &bytes)
        } else if minorVersion == 0 {
            appendField("Connection", "keep-alive", to: &bytes)
        }
        bytes.append(contentsOf: crlf)
        if bodyAllowed && !isHead {
            bytes.append(contentsOf: response.body)
        }
        return (bytes, keepAlive)
    }

    private static let crlf: [UInt8] = [13, 10]

    private static func appendField(_ name: String, _ value: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: name.utf8)
        bytes.append(58)
        bytes.append(32)
        bytes.append(contentsOf: value.utf8)
        bytes.append(contentsOf: crlf)
    }

    /// The response to a request the server refused: a HubSpot-shaped JSON error, and
    /// `Connection: close`, since the stream cannot be trusted after it.
    static func errorResponse(_ error: HTTPServerError, date: String) -> [UInt8] {
        let body: [String: String] = [
            "status": "error",
            "message": error.message,
            "correlationId": UUID().uuidString.lowercased(),
            "category": error.status == 408 ? "TIMEOUT" : "BAD_REQUEST",
        ]
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
        return serialize(HTTPResponse(status: error.status, body: data),
                         keepAlive: false, isHead: false, minorVersion: 1, date: date).bytes
    }

    private static func looksLikeJSON(_ body: Data) -> Bool {
        guard let first = body.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return false }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    private static func isSafe(name: String, value: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(HTTPSyntax.isTokenByte) && value.utf8.allSatisfy(HTTPSyntax.isFieldValueByte)
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: return "Continue"
        case 200: return "OK"
        case 201: return "Created"
        case 202: return "Accepted"
        case 204: return "No Content"
        case 207: return "Multi-Status"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 409: return "Conflict"
        case 413: return "Content Too Large"
        case 414: return "URI Too Long"
        case 415: return "Unsupported Media Type"
        case 417: return "Expectation Failed"
        case 422: return "Unprocessable Content"
        case 423: return "Locked"
        case 429: return "Too Many Requests"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        case 505: return "HTTP Version Not Supported"
        default: return "Status \(status)"
        }
    }
}
