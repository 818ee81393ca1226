import LuaKit

/// Makes the Lua state a script or the REPL runs in: standard libraries, hubsh's
/// stdlib on `require`'s path, and the globals hubsh adds.
enum LuaEnvironment {
    static func make(options: GlobalOptions) throws -> LuaState {
        var luaOptions = LuaState.Options()
        if let stdlib = StdlibLocator.locate() { luaOptions.modulePaths = [stdlib] }
        return try LuaState(options: luaOptions)
    }

    /// Sets `arg` as lua(1) does: the script at 0, its arguments from 1, and what came
    /// before the script (the interpreter and its options) at negative indices.
    static func setArguments(_ lua: LuaState, before: [String], script: String, arguments: [String]) {
        var table = LuaTable()
        for (offset, word) in before.reversed().enumerated() { table.fields[.integer(Int64(-1 - offset))] = .string(word) }
        table.fields[.integer(0)] = .string(script)
        table.sequence = arguments.map { .string($0) }
        lua.setGlobal("arg", LuaValue.table(table))
    }
}
