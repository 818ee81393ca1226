import CLua
import CLuaShim

/// A Lua value held in the registry, so Swift can keep it past the current call.
///
/// A reference that outlives its ``LuaState`` (closed or deallocated) is inert: it
/// pushes nil. Release references on the thread that runs the state: unreferencing
/// touches the state.
public final class LuaReference: Hashable {
    let ref: Int32
    let owner: LuaStateOwner

    /// References the value at `index` (the stack is unchanged), for Swift code that keeps a
    /// Lua value past the current call: an iterator's page, an error object built in Lua.
    public init(stack: LuaStack, index: Int32) {
        owner = LuaStateOwner.of(stack)
        lua_pushvalue(stack.L, index)
        ref = luaL_ref(stack.L, hubsh_lua_registryindex())
    }

    deinit {
        if let L = owner.L { luaL_unref(L, hubsh_lua_registryindex(), ref) }
    }

    public func push(onto stack: LuaStack) {
        if owner.L == nil { stack.pushNil() } else { _ = lua_rawgeti(stack.L, hubsh_lua_registryindex(), lua_Integer(ref)) }
    }

    public static func == (lhs: LuaReference, rhs: LuaReference) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
