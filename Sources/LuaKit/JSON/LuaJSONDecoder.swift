import CLua
import CLuaShim
import Foundation

/// Parses JSON bytes straight onto a Lua stack, with no Swift object tree in between:
/// HubSpot pages of a hundred records go from the socket into Lua tables in one pass.
///
/// Objects become tables, arrays become sequences carrying the JSON array mark, numbers
/// become integers when written without fraction or exponent and in range, else floats,
/// and `null` becomes the null sentinel (or nil, with `nullAsNil`).
struct LuaJSONDecoder {
    static let maxDepth = 1000

    let stack: LuaStack
    let nullAsNil: Bool
    private var scratch: [UInt8] = []

    init(stack: LuaStack, nullAsNil: Bool) {
        self.stack = stack
        self.nullAsNil = nullAsNil
    }

    /// Pushes the value of `bytes`, or throws a ``LuaJSONError`` and leaves the stack as it was.
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        let base = stack.top
        var cursor = Cursor(bytes: bytes)
        do {
            stack.pushField(LuaJSON.arrayMarkKey, of: hubsh_lua_registryindex())
            let markIndex = stack.top
            try value(&cursor, depth: 0, arrayMark: markIndex)
            cursor.skipWhitespace()
            if !cursor.atEnd { throw cursor.error("unexpected data after the JSON value") }
            stack.remove(at: markIndex)
        } catch {
            stack.top = base
            throw error
        }
    }

    private mutating func value(_ c: inout Cursor, depth: Int, arrayMark: Int32) throws {
        c.skipWhitespace()
        guard let byte = c.peek else { throw c.error("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"): try object(&c, depth: depth + 1, arrayMark: arrayMark)
        case UInt8(ascii: "["): try array(&c, depth: depth + 1, arrayMark: arrayMark)
        case UInt8(ascii: "\""): try string(&c)
        case UInt8(ascii: "t"): try c.expect("true"); lua_pushboolean(stack.L, 1)
        case UInt8(ascii: "f"): try c.expect("false"); lua_pushboolean(stack.L, 0)
        case UInt8(ascii: "n"):
            try c.expect("null")
            if nullAsNil { lua_pushnil(stack.L) } else { lua_pushlightuserdata(stack.L, hubsh_null_sentinel()) }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(&c)
        default: throw c.error("unexpected character")
        }
    }

    private mutating func object(_ c: inout Cursor, depth: Int, arrayMark: Int32) throws {
        guard depth <= Self.maxDepth, stack.reserve(4) else { throw c.error("nested too deeply") }
        c.advance()
        lua_createtable(stack.L, 0, 4)
        c.skipWhitespace()
        if c.peek == UInt8(ascii: "}") { c.advance(); return }
        while true {
            c.skipWhitespace()
            guard c.peek == UInt8(ascii: "\"") else { throw c.error("expected a string key") }
            try string(&c)
            c.skipWhitespace()
            guard c.peek == UInt8(ascii: ":") else { throw c.error("expected ':'") }
            c.advance()
            try value(&c, depth: depth, arrayMark: arrayMark)
            if lua_type(stack.L, -1) == LUA_TNIL { stack.pop(2) } else { lua_rawset(stack.L, -3) }
            c.skipWhitespace()
            switch c.peek {
            case UInt8(ascii: ","): c.advance()
            case UInt8(ascii: "}"): c.advance(); return
            default: throw c.error("expected ',' or '}'")
            }
        }
    }

    private mutating func array(_ c: inout Cursor, depth: Int, arrayMark: Int32) throws {
        guard depth <= Self.maxDepth, stack.reserve(4) else { throw c.error("nested too deeply") }
        c.advance()
        lua_createtable(stack.L, 4, 0)
        lua_pushvalue(stack.L, arrayMark)
        lua_setmetatable(stack.L, -2)
        c.skipWhitespace()
        if c.peek == UInt8(ascii: "]") { c.advance(); return }
        var i: lua_Integer = 1
        while true {
            try value(&c, depth: depth, arrayMark: arrayMark)
            lua_rawseti(stack.L, -2, i)
            i += 1
            c.skipWhitespace()
            switch c.peek {
            case UInt8(ascii: ","): c.advance()
            case UInt8(ascii: "]"): c.advance(); return
            default: throw c.error("expected ',' or ']'")
            }
        }
    }

    private mutating func string(_ c: inout Cursor) throws {
        c.advance()
        let start = c.position
        // Fast path: no escapes, push the bytes where they lie.
        while let byte = c.peek {
            if byte == UInt8(ascii: "\"") {
                stack.push(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: c.bytes[start..<c.position])))
                c.advance()
                return
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw c.error("control character in string") }
            c.advance()
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: c.bytes[start..<c.position])
        while let byte = c.peek {
            c.advance()
            switch byte {
            case UInt8(ascii: "\""):
                scratch.withUnsafeBytes { stack.push(bytes: $0) }
                return
            case UInt8(ascii: "\\"):
                try escape(&c)
            case 0..<0x20:
                throw c.error("control character in string")
            default:
                scratch.append(byte)
            }
        }
        throw c.error("unterminated string")
    }

    private mutating func escape(_ c: inout Cursor) throws {
        guard let byte = c.peek else { throw c.error("unterminated string") }
        c.advance()
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try c.hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard c.peek == UInt8(ascii: "\\") else { throw c.error("lone surrogate in \\u escape") }
                c.advance()
                guard c.peek == UInt8(ascii: "u") else { throw c.error("lone surrogate in \\u escape") }
                c.advance()
                let low = try c.hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw c.error("bad surrogate pair in \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw c.error("lone surrogate in \\u escape")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw c.error("bad \\u escape") }
            scratch.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw c.error("bad escape")
        }
    }

    private func number(_ c: inout Cursor) throws {
        let start = c.position
        var isInteger = true
        if c.peek == UInt8(ascii: "-") { c.advance() }
        guard let first = c.peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { throw c.error("bad number") }
        if first == UInt8(ascii: "0") { c.advance() } else { c.skipDigits() }
        if c.peek == UInt8(ascii: ".") {
            isInteger = false
            c.advance()
            guard c.skipDigits() > 0 else { throw c.error("bad number") }
        }
        if c.peek == UInt8(ascii: "e") || c.peek == UInt8(ascii: "E") {
            isInteger = false
            c.advance()
            if c.peek == UInt8(ascii: "+") || c.peek == UInt8(ascii: "-") { c.advance() }
            guard c.skipDigits() > 0 else { throw c.error("bad number") }
        }
        let text = c.bytes[start..<c.position]
        if isInteger, text.count < 19 {
            var value: Int64 = 0
            var negative = false
            for byte in text {
                if byte == UInt8(ascii: "-") { negative = true } else { value = value * 10 + Int64(byte &- 48) }
            }
            lua_pushinteger(stack.L, negative ? -value : value)
            return
        }
        let string = String(decoding: UnsafeBufferPointer(rebasing: text), as: UTF8.self)
        if isInteger, let value = Int64(string) {
            lua_pushinteger(stack.L, value)
        } else if let value = Double(string) {
            lua_pushnumber(stack.L, value)
        } else {
            throw c.error("bad number")
        }
    }
}

/// A position in the input, with the line and column for error messages.
private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }
    mutating func advance() { position += 1 }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    @discardableResult
    mutating func skipDigits() -> Int {
        let start = position
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
        return position - start
    }

    mutating func expect(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count, let base = bytes.baseAddress,
              memcmp(base + position, word.utf8Start, count) == 0 else { throw error("unexpected character") }
        position += count
    }

    mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek else { throw error("bad \\u escape") }
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 55)
            default: throw error("bad \\u escape")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    func error(_ problem: String) -> LuaJSONError {
        var line = 1, column = 1
        for byte in bytes[..<min(position, bytes.count)] {
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        var found = "end of input"
        if let byte = peek {
            found = (0x20..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : String(format: "byte 0x%02X", byte)
        }
        return LuaJSONError(message: "\(problem) at line \(line) column \(column) (found \(found))")
    }
}

/// Bad JSON input, or a Lua value JSON cannot express.
public struct LuaJSONError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
