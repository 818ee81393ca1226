import CLua
import CLuaShim

extension LuaStack {
    /// Pushes the metatable registered under `name` (`luaL_newmetatable`), creating it
    /// with `__name = name` the first time; returns true when it was just created, so the
    /// caller fills it once.
    ///
    /// Libraries that give plain tables a type (an error table with `__tostring`, a record
    /// whose fields fall back to another table) need this without a userdata.
    @discardableResult
    public func pushNamedMetatable(_ name: String) -> Bool {
        reserve(2)
        return luaL_newmetatable(L, name) != 0
    }

    /// Pops the table (or nil) on top and makes it the metatable of the value at `index`
    /// (an index counted with the metatable still on the stack). Never raises.
    public func setMetatable(of index: Int32) {
        let target = absolute(index)
        lua_setmetatable(L, target)
    }
}
