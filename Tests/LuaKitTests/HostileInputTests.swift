import Testing
@testable import LuaKit

/// What a script can do to the host must end in a Lua error, never a crash: each case
/// here once crashed or corrupted the state (found in review).
@Suite struct HostileInputTests {
    @Test func manyArgumentsFitOnTheStack() throws {
        let lua = try LuaState()
        let f = try #require(try lua.run("return function(...) return select('#', ...) end", chunkName: "=a").first)
        guard case .function(let function) = f else { Issue.record("no function"); return }
        let arguments = (0..<5_000).map { LuaValue.integer(Int64($0)) }
        #expect(try lua.call(function, arguments) == [.integer(5_000)])
    }

    @Test func deeplyNestedTablesAreReadToALimit() throws {
        let lua = try LuaState()
        let results = try lua.run("local t = {} for i = 1, 200000 do t = { t } end return t", chunkName: "=d")
        #expect(results.count == 1)
        do {
            try lua.run("local t = {} for i = 1, 200000 do t = { t } end error(t)", chunkName: "=d")
        } catch let error as LuaError {
            #expect(error.message == "(error object is a table value)")
        }
    }

    @Test func errorObjectWhoseToStringFails() throws {
        let lua = try LuaState()
        do {
            try lua.run("""
                local n = 0
                local mt = {}
                mt.__tostring = function() n = n + 1 if n == 1 then return 'first' end error(setmetatable({}, mt)) end
                error(setmetatable({}, mt))
                """, chunkName: "=t")
            Issue.record("no error")
        } catch let error as LuaError {
            #expect(error.kind == .runtime)
        }
        #expect(try lua.run("return 1", chunkName: "=t") == [.integer(1)])
    }

    @Test func boxFinaliserRefusesOtherUserdataAndReleasedFunctionsRaise() throws {
        let lua = try LuaState()
        let results = try lua.run("""
            local json = require 'hubsh.json'
            local _, box = debug.getupvalue(json.encode, 1)
            getmetatable(box).__gc(io.stdout)          -- not ours: ignored
            local ok1 = pcall(json.encode, 1)
            getmetatable(box).__gc(box)                -- released early
            local ok2, e = pcall(json.encode, 1)
            return ok1, ok2, e
            """, chunkName: "=b")
        #expect(results == [.boolean(true), .boolean(false), .string("a Swift function was called after it was released")])
    }

    @Test func jsonArrayOfNothingLeavesNilAlone() throws {
        let lua = try LuaState()
        #expect(try lua.run("local j = require 'hubsh.json' local a = j.array(nil) return j.is_array(a), getmetatable(nil) == nil",
                            chunkName: "=j") == [.boolean(true), .boolean(true)])
    }

    @Test func jsonRefusesInvalidUTF8() throws {
        let lua = try LuaState()
        let results = try lua.run("""
            local j = require 'hubsh.json'
            local ok1, e1 = pcall(j.encode, { name = '\\xff\\xfe' })
            local ok2, e2 = pcall(j.encode, { ['\\xff'] = 1 })
            return ok1, e1, ok2, e2
            """, chunkName: "=u")
        #expect(results[0] == .boolean(false))
        #expect(results[1].stringValue?.contains("not valid UTF-8 at .name") == true)
        #expect(results[2] == .boolean(false))
    }

    @Test func memoryLimitNeverFailsSwiftsOwnPushes() throws {
        var options = LuaState.Options()
        options.memoryLimit = 2 * 1024 * 1024
        let lua = try LuaState(options: options)
        lua.register("big") { call in
            // Swift builds a value larger than the limit on the stack: it must not longjmp.
            call.stack.push(Array(repeating: "0123456789abcdef", count: 200_000))
            return .values(1)
        }
        do {
            try lua.run("local t = big() local u = {} for i = 1, #t do u[i] = t[i] .. i end", chunkName: "=m")
            Issue.record("no memory error")
        } catch let error as LuaError {
            #expect(error.kind == .memory)
        }
        try lua.run("collectgarbage()", chunkName: "=m")
        #expect(try lua.run("return 1 + 1", chunkName: "=m") == [.integer(2)])
    }

    @Test func yieldOutsideACoroutineIsAnError() throws {
        let lua = try LuaState()
        lua.register("wait") { _ in .yield(0) }
        let results = try lua.run("return pcall(wait)", chunkName: "=y")
        #expect(results == [.boolean(false), .string("attempt to yield from outside a coroutine")])
    }
}
