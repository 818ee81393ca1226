import Foundation

/// Serializes ``JSON`` straight into bytes.
///
/// Responses are the sandbox's hot path (a search page is a few hundred records), so this
/// appends to one growing buffer with no intermediate strings.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    static func data(_ value: JSON) -> Data {
        var writer = JSONWriter()
        writer.bytes.reserveCapacity(256)
        writer.write(value)
        return Data(writer.bytes)
    }

    mutating func write(_ value: JSON) {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let n): append(String(n))
        case .double(let d):
            if d.isFinite, d.rounded() == d, abs(d) < 1e15 { append(String(Int(d))) } else if d.isFinite { append(String(d)) } else { append("null") }
        case .string(let s): writeString(s)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (n, item) in items.enumerated() {
                if n > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let pairs):
            bytes.append(UInt8(ascii: "{"))
            for (n, pair) in pairs.enumerated() {
                if n > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(pair.0)
                bytes.append(UInt8(ascii: ":"))
                write(pair.1)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "\""): bytes.append(0x5C); bytes.append(0x22)
            case UInt8(ascii: "\\"): bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(Self.hex[Int(c >> 4)])
                bytes.append(Self.hex[Int(c & 0xF)])
            default: bytes.append(c)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
