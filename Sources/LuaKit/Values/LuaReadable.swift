import CLua
import CLuaShim

/// A Swift type that can be read from a Lua stack slot: the one way Lua values leave Lua.
///
/// `read` follows the coercions of Lua's own `luaL_check*` functions (a number is accepted
/// where a string is expected, a float with an exact integer value where an integer is),
/// so bound functions accept what Lua's libraries accept. `luaTypeName` is what an
/// argument error says was expected.
public protocol LuaReadable {
    static func read(from stack: LuaStack, at index: Int32) -> Self?
    static var luaTypeName: String { get }
}

extension Bool: LuaReadable {
    /// Lua truthiness: only nil and false are false.
    public static func read(from stack: LuaStack, at index: Int32) -> Bool? {
        lua_toboolean(stack.L, index) != 0
    }
    public static var luaTypeName: String { "boolean" }
}

extension Int64: LuaReadable {
    public static func read(from stack: LuaStack, at index: Int32) -> Int64? {
        var isNum: Int32 = 0
        let value = lua_tointegerx(stack.L, index, &isNum)
        return isNum != 0 ? Int64(value) : nil
    }
    public static var luaTypeName: String { "number" }
}

extension Int: LuaReadable {
    public static func read(from stack: LuaStack, at index: Int32) -> Int? {
        Int64.read(from: stack, at: index).flatMap { Int(exactly: $0) }
    }
    public static var luaTypeName: String { "number" }
}

extension Double: LuaReadable {
    public static func read(from stack: LuaStack, at index: Int32) -> Double? {
        var isNum: Int32 = 0
        let value = lua_tonumberx(stack.L, index, &isNum)
        return isNum != 0 ? value : nil
    }
    public static var luaTypeName: String { "number" }
}

extension String: LuaReadable {
    /// Strings, and numbers converted as Lua converts them; invalid UTF-8 is repaired
    /// with U+FFFD (read `[UInt8]` to get the bytes as they are).
    public static func read(from stack: LuaStack, at index: Int32) -> String? {
        guard let bytes = stack.withBytes(at: index, { String(decoding: $0, as: UTF8.self) }) else { return nil }
        return bytes
    }
    public static var luaTypeName: String { "string" }
}

extension Array: LuaReadable where Element == UInt8 {
    public static func read(from stack: LuaStack, at index: Int32) -> [UInt8]? {
        stack.withBytes(at: index) { Array($0) }
    }
    public static var luaTypeName: String { "string" }
}

extension LuaStack {
    /// Calls `body` with the bytes of the string (or number, converted) at `index`
    /// without changing the stack; nil for other types.
    public func withBytes<R>(at index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        let kind = lua_type(L, index)
        guard kind == LUA_TSTRING || kind == LUA_TNUMBER else { return nil }
        // lua_tolstring converts a number in place; convert a copy so that iteration
        // with lua_next (which needs the key untouched) stays valid.
        let converted = kind == LUA_TNUMBER
        if converted { lua_pushvalue(L, index) }
        defer { if converted { pop() } }
        var length = 0
        guard let pointer = lua_tolstring(L, converted ? -1 : index, &length) else { return nil }
        return try pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            try body(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// The string at `index` (strings only; numbers are not converted).
    public func string(at index: Int32) -> String? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        return String.read(from: self, at: index)
    }

    public func read<T: LuaReadable>(_ type: T.Type = T.self, at index: Int32) -> T? {
        T.read(from: self, at: index)
    }
}
