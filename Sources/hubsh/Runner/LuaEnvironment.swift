import Foundation
import HubSpot
import HubSpotLua
import HubSpotSandbox
import LuaKit

/// Makes the Lua state a script or the REPL runs in: standard libraries, hubsh's
/// stdlib on `require`'s path, and the globals hubsh adds (`hubspot`).
enum LuaEnvironment {
    /// - Throws: ``CommandError`` (exit 3) for a configuration hubsh cannot use.
    static func make(options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LuaState {
        var luaOptions = LuaState.Options()
        if let stdlib = StdlibLocator.locate() { luaOptions.modulePaths = [stdlib] }
        let lua = try LuaState(options: luaOptions)
        let client = try HubSpotAccount.client(options: options, environment: environment)
        try HubSpotLua.install(in: lua, client: client) { request in
            try HubSpotAccount.client(connecting: request, environment: environment)
        }
        return lua
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
