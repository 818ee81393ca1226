import Testing
@testable import LuaKit

struct SampleFailure: Error, CustomStringConvertible {
    var description: String { "the sample failed" }
}

struct TableFailure: LuaErrorConvertible {
    let code: Int
    func pushLuaError(onto stack: LuaStack) {
        let table: LuaValue = ["status": .integer(Int64(code)), "message": "table failure"]
        stack.push(table)
    }
}

@Suite struct FunctionAndErrorTests {
    let lua: LuaState
    init() throws {
        lua = try LuaState()
        lua.register("add") { call in
            call.stack.push(try call.integer(1) + call.integer(2))
            return .values(1)
        }
        lua.register("fail") { _ in throw SampleFailure() }
        lua.register("fail_table") { call in throw TableFailure(code: Int(try call.integer(1))) }
        lua.register("get") { call in
            _ = try call.string(1)
            _ = try call.options(2, allowed: ["properties", "history"])
            return .none
        }
        lua.register("many") { call in
            for i in 1...3 { call.stack.push(i) }
            return .values(3)
        }
    }

    @discardableResult
    func run(_ code: String) throws -> [LuaValue] { try lua.run(code, chunkName: "=test") }

    @Test func callsReturnValues() throws {
        #expect(try run("return add(2, 3), many()") == [.integer(5), .integer(1), .integer(2), .integer(3)])
    }

    @Test func swiftErrorCaughtByPcallWithPosition() throws {
        #expect(try run("return pcall(fail)") == [.boolean(false), .string("the sample failed")])
        #expect(try run("local ok, e = pcall(function() fail() end); return e") == [.string("test:1: the sample failed")])
        #expect(try run("return add(1, 1)") == [.integer(2)])
    }

    @Test func errorObjectsStayTables() throws {
        let results = try run("local ok, e = pcall(fail_table, 404); return type(e), e.status, e.message")
        #expect(results == [.string("table"), .integer(404), .string("table failure")])
    }

    @Test func uncaughtErrorBecomesSwiftErrorWithTraceback() throws {
        do {
            try run("local function inner() fail() end\ninner()")
            Issue.record("no error")
        } catch let error as LuaError {
            #expect(error.kind == .runtime)
            #expect(error.message == "test:1: the sample failed")
            #expect(error.traceback?.contains("stack traceback:") == true)
            #expect(error.traceback?.contains("in local 'inner'") == true || error.traceback?.contains("inner") == true)
        }
        #expect(try run("return 1") == [.integer(1)])
    }

    @Test func tableErrorReachesSwiftAsTable() throws {
        do {
            try run("error({ status = 409, category = 'CONFLICT' })")
            Issue.record("no error")
        } catch let error as LuaError {
            #expect(error.value.tableValue?["status"] == .integer(409))
            #expect(error.message == "(error object is a table value)")
        }
    }

    @Test func syntaxErrorsSayWhereAndIncompleteInputIsRecognised() throws {
        do {
            try lua.load("x = = 1", chunkName: "=script.lua")
            Issue.record("no error")
        } catch let error as LuaError {
            #expect(error.kind == .syntax)
            #expect(error.message == "script.lua:1: unexpected symbol near '='")
            #expect(!error.isIncompleteInput)
        }
        do {
            try lua.load("function f()", chunkName: "=stdin")
            Issue.record("no error")
        } catch let error as LuaError {
            #expect(error.isIncompleteInput)
        }
    }

    @Test func errorRaisedFromLuaThroughSwiftKeepsItsObject() throws {
        lua.register("call_it") { call in
            let f = try call.function(1)
            try call.stack.call(f)
            return .none
        }
        let results = try run("""
            local mt = { __tostring = function() return 'custom' end }
            local ok, e = pcall(call_it, function() error(setmetatable({ code = 7 }, mt)) end)
            return ok, e.code, tostring(e)
            """)
        #expect(results == [.boolean(false), .integer(7), .string("custom")])
    }

    @Test func manyErrorsLeakNothing() throws {
        final class Tracked { nonisolated(unsafe) static var live = 0; init() { Tracked.live += 1 }; deinit { Tracked.live -= 1 } }
        lua.register("fail_with_object") { _ in
            let tracked = Tracked()
            _ = tracked
            throw SampleFailure()
        }
        try run("for i = 1, 1000 do pcall(fail_with_object) end collectgarbage() collectgarbage()")
        let before = lua.memoryUsed
        try run("for i = 1, 100000 do pcall(fail_with_object); pcall(add, 'x') end collectgarbage() collectgarbage()")
        let after = lua.memoryUsed
        #expect(Tracked.live == 0)
        #expect(after < before + 64 * 1024, "Lua memory grew from \(before) to \(after) bytes")
    }
}

