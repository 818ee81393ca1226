import Foundation
import LuaKit

/// Shows Lua values to a person: tables as Lua constructors, nested and indented, keys
/// sorted, strings quoted; what `hubsh -e` and the REPL print.
///
/// ```
/// > return { name = "Acme", tags = { "a", "b" } }
/// {
///   name = "Acme",
///   tags = { "a", "b" }
/// }
/// ```
struct ValuePrinter {
    var maxDepth = 8
    var lineWidth = 80

    func format(_ value: LuaValue) -> String { render(value, depth: 0, indent: "") }

    /// Several results, tab-separated as lua.c prints them; a top-level string is shown
    /// as it is (no quotes), so `hubsh -e 'return rec.email'` is usable in a pipeline.
    func format(results: [LuaValue]) -> String {
        results.map { value in value.stringValue ?? format(value) }.joined(separator: "\t")
    }

    private func render(_ value: LuaValue, depth: Int, indent: String) -> String {
        switch value {
        case .nil: return "nil"
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return formatNumber(d)
        case .string(let s): return quote(s)
        case .bytes(let b): return quote(String(decoding: b, as: UTF8.self))
        case .table(let t): return table(t, depth: depth, indent: indent)
        case .function: return "<function>"
        case .userdata: return "<userdata>"
        case .thread: return "<thread>"
        case .lightUserdata: return value.isJSONNull ? "null" : "<userdata>"
        }
    }

    private func table(_ t: LuaTable, depth: Int, indent: String) -> String {
        if t.isEmpty { return "{}" }
        if depth >= maxDepth { return "{...}" }
        let inner = indent + "  "
        var items = t.sequence.map { render($0, depth: depth + 1, indent: inner) }
        let keyed = t.fields.sorted { sortKey($0.key) < sortKey($1.key) }
        for (key, value) in keyed {
            items.append("\(keyText(key)) = \(render(value, depth: depth + 1, indent: inner))")
        }
        let oneLine = "{ " + items.joined(separator: ", ") + " }"
        if oneLine.count + indent.count <= lineWidth && !oneLine.contains("\n") { return oneLine }
        return "{\n" + items.map { inner + $0 }.joined(separator: ",\n") + "\n" + indent + "}"
    }

    private func keyText(_ key: LuaValue) -> String {
        if case .string(let s) = key, isIdentifier(s) { return s }
        return "[\(render(key, depth: maxDepth, indent: ""))]"
    }

    private func sortKey(_ key: LuaValue) -> String {
        switch key {
        case .integer(let i): return "0" + String(format: "%020lld", i)
        case .number(let d): return "1\(d)"
        case .string(let s): return "2" + s
        default: return "3" + key.typeName
        }
    }

    private func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        let keywords: Set<String> = ["and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
                                     "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while"]
        return !keywords.contains(s) && s.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) }
    }

    private func formatNumber(_ d: Double) -> String {
        if d.isNaN { return d.sign == .minus ? "-nan" : "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == d.rounded(), abs(d) < 1e16 { return String(format: "%.1f", d) }
        return String(format: "%.14g", d)
    }

    private func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\\(scalar.value)" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
