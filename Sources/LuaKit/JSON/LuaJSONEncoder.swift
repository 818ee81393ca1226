import CLua
import CLuaShim
import Foundation

/// Writes the Lua value at a stack index as JSON bytes, reading the tables in place.
///
/// A table is an array when it carries the JSON array mark, or when its keys are exactly
/// 1…n with n > 0; any other table is an object (an empty unmarked table is `{}`).
/// Object keys must be strings or numbers. The null sentinel is `null`. Functions,
/// userdata, NaN and infinities cannot be encoded, and say where they were found.
struct LuaJSONEncoder {
    var pretty = false
    var sortKeys = false
    private(set) var output: [UInt8] = []
    private var path: [String] = []

    init(pretty: Bool = false, sortKeys: Bool = false) {
        self.pretty = pretty
        self.sortKeys = sortKeys || pretty
        output.reserveCapacity(256)
    }

    mutating func encode(_ stack: LuaStack, at index: Int32) throws {
        try value(stack, at: stack.absolute(index), depth: 0)
    }

    private mutating func value(_ stack: LuaStack, at index: Int32, depth: Int) throws {
        let L = stack.L
        switch lua_type(L, index) {
        case LUA_TNIL: append("null")
        case LUA_TBOOLEAN: append(lua_toboolean(L, index) != 0 ? "true" : "false")
        case LUA_TNUMBER:
            if lua_isinteger(L, index) != 0 {
                append(String(lua_tointegerx(L, index, nil)))
            } else {
                let d = lua_tonumberx(L, index, nil)
                guard d.isFinite else { throw failure("cannot encode \(d) (JSON has no NaN or infinity)") }
                append("\(d)")  // Swift prints the shortest text that reads back the same
            }
        case LUA_TSTRING: try stack.withBytes(at: index) { try writeString($0) }
        case LUA_TTABLE: try table(stack, at: index, depth: depth + 1)
        case LUA_TLIGHTUSERDATA where lua_touserdata(L, index) == hubsh_null_sentinel(): append("null")
        default:
            throw failure("cannot encode a \(stack.typeName(at: index)) value")
        }
    }

    private mutating func table(_ stack: LuaStack, at index: Int32, depth: Int) throws {
        guard depth <= LuaJSONDecoder.maxDepth, stack.reserve(4) else { throw failure("nested too deeply (a cycle?)") }
        let length = stack.rawLength(at: index)
        var pairs = 0
        stack.forEachPair(in: index) { pairs += 1 }
        if stack.hasJSONArrayMark(at: index) || (length > 0 && pairs == length) {
            guard pairs == length else { throw failure("a table marked as a JSON array has keys other than 1…\(length)") }
            output.append(UInt8(ascii: "["))
            for i in 1...max(length, 1) where length > 0 {
                if i > 1 { output.append(UInt8(ascii: ",")) }
                newline(depth)
                stack.pushElement(Int64(i), of: index)
                path.append("[\(i)]")
                defer { path.removeLast(); stack.pop() }
                try value(stack, at: stack.top, depth: depth)
            }
            if length > 0 { newline(depth - 1) }
            output.append(UInt8(ascii: "]"))
            return
        }
        output.append(UInt8(ascii: "{"))
        // With sorted keys, values wait in a scratch table under the key's rank.
        var keys: [(String, Int64)] = []
        let scratch = stack.top + 1
        if sortKeys { stack.newTable() }
        defer { if sortKeys { stack.remove(at: scratch) } }
        var first = true
        try stack.forEachPair(in: index) {
            let key: String
            switch lua_type(stack.L, -2) {
            case LUA_TSTRING:
                guard let valid = stack.withBytes(at: -2, { String(validating: $0, as: UTF8.self) }), let name = valid else {
                    throw failure("cannot encode a key that is not valid UTF-8")
                }
                key = name
            case LUA_TNUMBER: key = stack.withBytes(at: -2) { String(decoding: $0, as: UTF8.self) } ?? ""
            default: throw failure("cannot encode a table key of type \(stack.typeName(at: -2))")
            }
            if sortKeys {
                keys.append((key, Int64(keys.count + 1)))
                stack.pushCopy(of: -1)
                stack.setElement(Int64(keys.count), in: scratch)
            } else {
                try member(key, stack, valueAt: stack.top, depth: depth, first: &first)
            }
        }
        for (key, rank) in keys.sorted(by: { $0.0 < $1.0 }) {
            stack.pushElement(rank, of: scratch)
            defer { stack.pop() }
            try member(key, stack, valueAt: stack.top, depth: depth, first: &first)
        }
        if !first { newline(depth - 1) }
        output.append(UInt8(ascii: "}"))
    }

    private mutating func member(_ key: String, _ stack: LuaStack, valueAt index: Int32, depth: Int, first: inout Bool) throws {
        if !first { output.append(UInt8(ascii: ",")) }
        first = false
        newline(depth)
        var key = key
        try key.withUTF8 { try writeString($0) }
        output.append(UInt8(ascii: ":"))
        if pretty { output.append(UInt8(ascii: " ")) }
        path.append(".\(key)")
        defer { path.removeLast() }
        try value(stack, at: index, depth: depth)
    }

    private mutating func newline(_ depth: Int) {
        guard pretty else { return }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * max(depth, 0)))
    }

    private mutating func append(_ text: String) { output.append(contentsOf: text.utf8) }

    /// JSON text is UTF-8: a Lua string that is not (binary data, Latin-1 from a file)
    /// is an error, never silently repaired or passed on to HubSpot as garbage.
    private mutating func writeString(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) == nil {
            throw failure("cannot encode a string that is not valid UTF-8")
        }
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, 0x7F:
                output.append(contentsOf: Array(String(format: "\\u%04x", byte).utf8))
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private func failure(_ problem: String) -> LuaJSONError {
        LuaJSONError(message: path.isEmpty ? problem : "\(problem) at \(path.joined())")
    }
}
