/// The byte-level grammar of RFC 9110/9112 that the parser needs, as pure functions.
///
/// Kept apart from ``HTTPParser`` so that the parser reads as a state machine and the
/// character classes can be tested on their own.
enum HTTPSyntax {
    /// `tchar` of RFC 9110 §5.6.2: the bytes of a method or a header name.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        tokenTable[Int(byte)]
    }

    /// Visible ASCII: what a request target may contain (anything else must be percent-encoded).
    static func isTargetByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    /// A field value byte: visible ASCII, space, tab and obs-text; no other control byte.
    static func isFieldValueByte(_ byte: UInt8) -> Bool {
        byte == 0x09 || (byte >= 0x20 && byte != 0x7F)
    }

    private static let tokenTable: [Bool] = (0..<256).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    /// The version of `HTTP/x.y` as (major, minor); nil when the bytes are not a version,
    /// so the caller can tell garbage (400) from a version it does not speak (505).
    static func version(_ bytes: ArraySlice<UInt8>) -> (major: Int, minor: Int)? {
        let b = Array(bytes)
        guard b.count == 8, Array(b[0..<5]) == Array("HTTP/".utf8), b[6] == UInt8(ascii: "."),
              let major = digit(b[5]), let minor = digit(b[7]) else { return nil }
        return (major, minor)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// The origin form (`/path?query`) of a request target: origin form is kept,
    /// absolute form (`http://host/path`) loses scheme and authority; anything else
    /// (asterisk form, authority form) is refused with nil.
    static func originForm(_ target: String) -> String? {
        if target.hasPrefix("/") { return target }
        let lower = target.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
              let schemeEnd = target.range(of: "://") else { return nil }
        let rest = target[schemeEnd.upperBound...]
        guard let pathStart = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
        let path = rest[pathStart...]
        return path.hasPrefix("?") ? "/" + path : String(path)
    }

    /// A header line split into name and value, with the value's surrounding whitespace
    /// removed; nil when the name is not a token (whitespace before the colon included,
    /// which RFC 9112 §5.1 says must be rejected) or the value holds a control byte.
    static func field(_ line: ArraySlice<UInt8>) -> (String, String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else { return nil }
        let name = line[line.startIndex..<colon]
        guard name.allSatisfy(isTokenByte) else { return nil }
        var valueStart = colon + 1
        var valueEnd = line.endIndex
        while valueStart < valueEnd, isWhitespace(line[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart, isWhitespace(line[valueEnd - 1]) { valueEnd -= 1 }
        let value = line[valueStart..<valueEnd]
        guard value.allSatisfy(isFieldValueByte) else { return nil }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The size of a chunk from its size line (`1a;ext=1`), or nil when it is not hex
    /// or too long to be a size we would accept anyway.
    static func chunkSize(_ line: ArraySlice<UInt8>) -> Int? {
        var size = 0
        var digits = 0
        var index = line.startIndex
        while index < line.endIndex, let value = hexValue(line[index]) {
            digits += 1
            guard digits <= 15 else { return nil }
            size = size * 16 + value
            index += 1
        }
        guard digits > 0 else { return nil }
        while index < line.endIndex, isWhitespace(line[index]) { index += 1 }
        guard index == line.endIndex || line[index] == UInt8(ascii: ";") else { return nil }
        guard line[index...].allSatisfy(isFieldValueByte) else { return nil }
        return size
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}
