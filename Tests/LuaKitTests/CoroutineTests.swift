import Testing
@testable import LuaKit

/// Swift functions that yield, driven by a scheduler written in Swift.
@Suite struct CoroutineTests {
    @Test func swiftFunctionYieldsAndIsResumedWithResults() throws {
        let lua = try LuaState()
        lua.register("fetch") { call in
            // Hand the request to the scheduler; the resume values become our results.
            guard call.isYieldable else { throw LuaArgumentError.message(1, "not in a coroutine") }
            call.stack.push("request:" + (try call.string(1)))
            return .yield(1)
        }
        let function = try #require(try lua.run("return function(a, b) local x = fetch(a) local y = fetch(b) return x .. '+' .. y end",
                                                chunkName: "=co").first)
        guard case .function(let f) = function else { Issue.record("no function"); return }
        let co = LuaCoroutine(function: f, in: lua.stack)
        guard case .yielded(let first) = co.resume(with: ["one", "two"]) else { Issue.record("no yield"); return }
        #expect(first == [.string("request:one")])
        guard case .yielded(let second) = co.resume(with: ["ONE"]) else { Issue.record("no second yield"); return }
        #expect(second == [.string("request:two")])
        guard case .returned(let result) = co.resume(with: ["TWO"]) else { Issue.record("no return"); return }
        #expect(result == [.string("ONE+TWO")])
    }

    @Test func resumeWithErrorRaisesAtTheYieldPoint() throws {
        let lua = try LuaState()
        lua.register("fetch") { _ in .yield(0) }
        let function = try #require(try lua.run("""
            return function()
              local ok, e = pcall(fetch)
              local again = fetch()
              return ok, e, again
            end
            """, chunkName: "=co").first)
        guard case .function(let f) = function else { Issue.record("no function"); return }
        let co = LuaCoroutine(function: f, in: lua.stack)
        _ = co.resume(with: [])
        guard case .yielded = co.resume(raising: "HubSpot said no") else { Issue.record("no second yield"); return }
        guard case .returned(let result) = co.resume(with: [42]) else { Issue.record("no return"); return }
        #expect(result == [.boolean(false), .string("HubSpot said no"), .integer(42)])
    }

    @Test func failureCarriesMessageAndTraceback() throws {
        let lua = try LuaState()
        let function = try #require(try lua.run("return function() local t = nil; return t.x end", chunkName: "=co").first)
        guard case .function(let f) = function else { Issue.record("no function"); return }
        let co = LuaCoroutine(function: f, in: lua.stack)
        guard case .failed(let error) = co.resume(with: []) else { Issue.record("no failure"); return }
        #expect(error.message == "co:1: attempt to index a nil value (local 't')")
        #expect(error.traceback?.contains("stack traceback") == true)
        #expect(try lua.run("return 1", chunkName: "=after") == [.integer(1)])
    }
}
