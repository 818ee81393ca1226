import CLua
import CLuaShim

/// A view of one Lua thread's stack: the primitive operations everything else builds on.
///
/// It is a plain value around `lua_State *` and does not own the state. A ``LuaState``
/// hands one out for its main thread; a Swift function called from Lua gets one for the
/// thread (coroutine) that called it. None of these operations raises a Lua error: the
/// ones that may run a metamethod go through protected helpers and throw ``LuaError``.
public struct LuaStack {
    /// The raw state, for code that needs Lua's C API directly.
    public let L: OpaquePointer

    public init(_ L: OpaquePointer) { self.L = L }

    /// The index of the top element, which is also the number of elements.
    public var top: Int32 {
        get { lua_gettop(L) }
        nonmutating set { lua_settop(L, newValue) }
    }

    public func pop(_ n: Int32 = 1) { hubsh_lua_pop(L, n) }
    public func absolute(_ index: Int32) -> Int32 { lua_absindex(L, index) }
    public func pushCopy(of index: Int32) { lua_pushvalue(L, index) }
    public func remove(at index: Int32) { hubsh_lua_remove(L, index) }
    public func insert(at index: Int32) { hubsh_lua_insert(L, index) }

    /// Makes room for `n` more values; false when the stack cannot grow.
    @discardableResult
    public func reserve(_ n: Int32) -> Bool { lua_checkstack(L, n) != 0 }

    public func type(at index: Int32) -> LuaType { LuaType(rawValue: lua_type(L, index)) ?? .none }

    /// The type name as Lua's error messages give it: `__name` for userdata and tables
    /// that have one, else the basic type (lauxlib's `luaL_typename` plus `__name`).
    public func typeName(at index: Int32) -> String {
        let metaType = luaL_getmetafield(L, index, "__name")
        if metaType != LUA_TNIL {
            defer { pop() }
            if metaType == LUA_TSTRING, let name = hubsh_lua_tostring(L, -1) { return String(cString: name) }
        }
        if lua_type(L, index) == LUA_TLIGHTUSERDATA {
            return lua_touserdata(L, index) == hubsh_null_sentinel() ? "null" : "light userdata"
        }
        return String(cString: hubsh_lua_typename_of(L, index))
    }

    // MARK: Globals and registry

    public func pushGlobals() { hubsh_lua_pushglobaltable(L) }

    /// Pushes `_G[name]` without metamethods.
    public func pushGlobal(_ name: String) {
        pushGlobals()
        push(name)
        lua_rawget(L, -2)
        remove(at: -2)
    }

    /// `_G[name] = top` without metamethods; pops the value.
    public func setGlobal(_ name: String) {
        pushGlobals()
        insert(at: -2)
        push(name)
        insert(at: -2)
        lua_rawset(L, -3)
        pop()
    }

    // MARK: Tables (raw access: never runs a metamethod, never raises)

    public func newTable(arrayCapacity: Int32 = 0, fieldCapacity: Int32 = 0) {
        lua_createtable(L, arrayCapacity, fieldCapacity)
    }

    /// `t[key] = top` on the table at `index`, raw; pops the value.
    public func setField(_ key: String, in index: Int32) {
        let t = absolute(index)
        push(key)
        insert(at: -2)
        lua_rawset(L, t)
    }

    /// Pushes `t[key]` of the table at `index`, raw; returns its type.
    @discardableResult
    public func pushField(_ key: String, of index: Int32) -> LuaType {
        let t = absolute(index)
        push(key)
        return LuaType(rawValue: lua_rawget(L, t)) ?? .none
    }

    /// `t[i] = top` on the table at `index`, raw; pops the value.
    public func setElement(_ i: Int64, in index: Int32) { lua_rawseti(L, index, i) }

    /// Pushes `t[i]` of the table at `index`, raw; returns its type.
    @discardableResult
    public func pushElement(_ i: Int64, of index: Int32) -> LuaType {
        LuaType(rawValue: lua_rawgeti(L, index, i)) ?? .none
    }

    /// The raw length (`#t` without `__len`) of the value at `index`.
    public func rawLength(at index: Int32) -> Int { Int(lua_rawlen(L, index)) }

    /// Calls `body` for each key/value of the table at `index` with the key at -2 and
    /// the value at -1; `body` must leave the stack as it found it.
    public func forEachPair(in index: Int32, _ body: () throws -> Void) rethrows {
        let t = absolute(index)
        lua_pushnil(L)
        while lua_next(L, t) != 0 {
            do { try body() } catch { pop(2); throw error }
            pop()
        }
    }

    // MARK: Protected operations (may run metamethods)

    /// Pushes `t[k]` honouring `__index`; the key must be on top and is replaced.
    public func getTable(at index: Int32) throws {
        let status = hubsh_pgettable(L, index)
        if status != LUA_OK { throw popError(status: status) }
    }

    /// `tostring(v)` as Lua's own `tostring` computes it, `__tostring` and `__name` included.
    public func toDisplayString(at index: Int32) throws -> String {
        let status = hubsh_ptolstring(L, index)
        if status != LUA_OK { throw popError(status: status) }
        defer { pop() }
        return string(at: -1) ?? ""
    }

    /// `tostring(v)`, or nil when `__tostring` itself fails (its error is dropped, not
    /// described: describing it could fail the same way, forever).
    func displayStringIfItWorks(at index: Int32) -> String? {
        let status = hubsh_ptolstring(L, index)
        defer { pop() }
        return status == LUA_OK ? string(at: -1) : nil
    }

    /// Pops an error value left by a failed protected call and makes it a Swift error.
    func popError(status: Int32) -> LuaError {
        defer { pop() }
        hubsh_push_last_traceback(L)
        let traceback = string(at: -1)
        pop()
        return LuaError.from(stack: self, at: -1, status: status, traceback: traceback)
    }
}

/// Lua's basic types, with their `lua_type` codes.
public enum LuaType: Int32, Sendable, CustomStringConvertible {
    case none = -1
    case `nil` = 0
    case boolean = 1
    case lightUserdata = 2
    case number = 3
    case string = 4
    case table = 5
    case function = 6
    case userdata = 7
    case thread = 8

    public var description: String {
        switch self {
        case .none: return "no value"
        case .nil: return "nil"
        case .boolean: return "boolean"
        case .lightUserdata, .userdata: return "userdata"
        case .number: return "number"
        case .string: return "string"
        case .table: return "table"
        case .function: return "function"
        case .thread: return "thread"
        }
    }
}
