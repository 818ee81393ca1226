import CLua
import CLuaShim

/// A Swift value that can be pushed onto a Lua stack: the one way Swift values enter Lua.
///
/// ```swift
/// stack.push(["a": 1, "b": 2])   // a Lua table {a = 1, b = 2}
/// ```
public protocol LuaPushable {
    func push(onto stack: LuaStack)
}

extension LuaStack {
    public func push(_ value: some LuaPushable) { value.push(onto: self) }
    public func push(_ value: (some LuaPushable)?) {
        if let value { value.push(onto: self) } else { lua_pushnil(L) }
    }
    public func pushNil() { lua_pushnil(L) }

    /// Pushes a Lua string from raw bytes; Lua strings are byte strings and may hold zeros.
    public func push(bytes: UnsafeRawBufferPointer) {
        _ = lua_pushlstring(L, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count)
    }
}

extension Bool: LuaPushable {
    public func push(onto stack: LuaStack) { lua_pushboolean(stack.L, self ? 1 : 0) }
}

extension Int: LuaPushable {
    public func push(onto stack: LuaStack) { lua_pushinteger(stack.L, lua_Integer(self)) }
}

extension Int64: LuaPushable {
    public func push(onto stack: LuaStack) { lua_pushinteger(stack.L, lua_Integer(self)) }
}

extension Int32: LuaPushable {
    public func push(onto stack: LuaStack) { lua_pushinteger(stack.L, lua_Integer(self)) }
}

extension Double: LuaPushable {
    public func push(onto stack: LuaStack) { lua_pushnumber(stack.L, self) }
}

extension String: LuaPushable {
    public func push(onto stack: LuaStack) {
        var copy = self
        copy.withUTF8 { stack.push(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension Substring: LuaPushable {
    public func push(onto stack: LuaStack) { String(self).push(onto: stack) }
}

extension Array: LuaPushable where Element: LuaPushable {
    /// A sequence `{v1, v2, …}`.
    public func push(onto stack: LuaStack) {
        stack.reserve(2)
        stack.newTable(arrayCapacity: Int32(clamping: count))
        for (i, element) in enumerated() {
            element.push(onto: stack)
            stack.setElement(Int64(i + 1), in: -2)
        }
    }
}

extension Dictionary: LuaPushable where Key: LuaPushable, Value: LuaPushable {
    public func push(onto stack: LuaStack) {
        stack.reserve(3)
        stack.newTable(fieldCapacity: Int32(clamping: count))
        for (key, value) in self {
            key.push(onto: stack)
            value.push(onto: stack)
            lua_rawset(stack.L, -3)
        }
    }
}

extension Optional: LuaPushable where Wrapped: LuaPushable {
    public func push(onto stack: LuaStack) {
        if let value = self { value.push(onto: stack) } else { stack.pushNil() }
    }
}
