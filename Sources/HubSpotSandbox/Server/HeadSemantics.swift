import HubSpot

/// What a request's header fields decide about the message: how its body is framed,
/// whether the connection stays open, and whether the client waits for `100 Continue`.
///
/// The rules are RFC 9112's, taken strictly where leniency is how requests get smuggled:
/// both Content-Length and Transfer-Encoding, or two different lengths, are refused.
struct HeadSemantics: Equatable {
    enum Framing: Equatable {
        case none
        case length(Int)
        case chunked
    }

    var framing: Framing
    var keepAlive: Bool
    var expectsContinue: Bool

    static func read(_ headers: HTTPHeaders, minorVersion: Int) -> Result<HeadSemantics, HTTPServerError> {
        var hosts = 0
        var lengths: [String] = []
        var codings: [String] = []
        var connection: [String] = []
        var expect: [String] = []
        for field in headers {
            switch field.name.lowercased() {
            case "host": hosts += 1
            // An empty value must not vanish: it is malformed, not absent.
            case "content-length": lengths += listItems(field.value, orEmpty: true)
            case "transfer-encoding": codings += listItems(field.value, orEmpty: true)
            case "connection": connection += listItems(field.value)
            case "expect": expect.append(field.value.lowercased())
            default: break
            }
        }
        if hosts > 1 || (minorVersion == 1 && hosts == 0) {
            return .failure(.malformed("an HTTP/1.1 request needs exactly one Host field"))
        }

        var framing = Framing.none
        if !codings.isEmpty {
            guard lengths.isEmpty else {
                return .failure(.malformed("both Content-Length and Transfer-Encoding"))
            }
            guard minorVersion == 1 else { return .failure(.malformed("Transfer-Encoding in HTTP/1.0")) }
            guard codings.map({ $0.lowercased() }) == ["chunked"] else {
                return .failure(.unsupportedTransferEncoding)
            }
            framing = .chunked
        } else if let first = lengths.first {
            guard lengths.allSatisfy({ $0 == first }), let length = parseLength(first) else {
                return .failure(.malformed("bad Content-Length"))
            }
            framing = .length(length)
        }

        let tokens = connection.map { $0.lowercased() }
        let keepAlive = minorVersion == 1 ? !tokens.contains("close") : tokens.contains("keep-alive")

        var expectsContinue = false
        if minorVersion == 1, let value = expect.first {
            guard expect.count == 1, value == "100-continue" else { return .failure(.expectationFailed) }
            expectsContinue = framing != .none
        }
        return .success(HeadSemantics(framing: framing, keepAlive: keepAlive, expectsContinue: expectsContinue))
    }

    /// The items of a comma-separated field value, trimmed, empty ones dropped.
    private static func listItems(_ value: String, orEmpty: Bool = false) -> [String] {
        let items = value.split(separator: ",").map { $0.trimmingCharacters(in: " \t") }.filter { !$0.isEmpty }
        return items.isEmpty && orEmpty ? [""] : items
    }

    /// Digits only (no sign, no spaces), at most 15 of them so the value cannot overflow.
    private static func parseLength(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 15, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(text)
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
