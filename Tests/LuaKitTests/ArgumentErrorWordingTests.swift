import Foundation
import Testing
@testable import LuaKit

/// A Swift function's argument errors read word for word like those of Lua's own C
/// functions: the same calls to `string.rep` and to a Swift `rep` give the same message.
@Suite struct ArgumentErrorWordingTests {
    static let calls = [
        "X.rep()",
        "X.rep(1)",
        "X.rep({}, 2)",
        "X.rep('x', 'y')",
        "X.rep('x', 1.5)",
        "X.rep('x', nil)",
        "X.rep(io.stdout, 1)",
        "('x'):rep({})",
        "X.rep('x', 2, 3)",
    ]

    @Test(arguments: calls)
    func sameMessageAsLua(call: String) throws {
        let lua = try LuaState()
        lua.stack.newTable()
        lua.stack.push(function: { call in
            let s = try call.string(1)
            let n = try call.integer(2)
            let separator = try call.optional(3, call.string) ?? ""
            call.stack.push(Array(repeating: s, count: max(Int(n), 0)).joined(separator: separator))
            return .values(1)
        })
        lua.stack.setField("rep", in: -2)
        lua.stack.setGlobal("swift")
        // For the method form, give strings a metatable whose rep is the Swift one.
        let swiftCall = call.contains("X.") ? call.replacingOccurrences(of: "X.", with: "swift.") : call
        let luaCall = call.replacingOccurrences(of: "X.", with: "string.")
        let results = try lua.run("""
            local function message(f) local ok, e = pcall(f) return ok and 'ok' or (string.gsub(e, '^wording:%d+: ', 'wording: ')) end
            local lua_message = message(function() return \(luaCall) end)
            getmetatable('').__index = swift
            local swift_message = message(function() return \(swiftCall) end)
            getmetatable('').__index = string
            return lua_message, swift_message
            """, chunkName: "=wording")
        #expect(results[0] == results[1], "Lua said \(results[0]), Swift said \(results[1])")
    }

    @Test func optionNamesAreChecked() throws {
        let lua = try LuaState()
        lua.register("get") { call in
            _ = try call.options(2, allowed: ["properties"])
            return .none
        }
        let results = try lua.run("""
            local _, a = pcall(function() get('1', { propertes = {} }) end)
            local _, b = pcall(function() get('1', 'x') end)
            local _, c = pcall(function() get('1', { 'a' }) end)
            return a, b, c
            """, chunkName: "=opts")
        #expect(results == [
            .string("opts:1: bad argument #2 to 'get' (invalid option 'propertes')"),
            .string("opts:2: bad argument #2 to 'get' (table expected, got string)"),
            .string("opts:3: bad argument #2 to 'get' (options must be named (key = value), got a list)"),
        ])
    }
}
