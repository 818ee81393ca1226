import Testing
@testable import LuaKit

final class Counter {
    nonisolated(unsafe) static var released = 0
    var value = 0
    deinit { Counter.released += 1 }
}

@Suite(.serialized) struct UserdataTests {
    static var counterType: LuaUserdataType<Counter> {
        LuaUserdataType<Counter>(name: "test.Counter")
        .method("increment") { counter, call in
            counter.value += Int(try call.optional(2, call.integer) ?? 1)
            return .none
        }
        .method("value") { counter, call in
            call.stack.push(counter.value)
            return .values(1)
        }
        .meta(.tostring) { counter, call in
            call.stack.push("Counter(\(counter.value))")
            return .values(1)
        }
    }

    func makeState() throws -> LuaState {
        let lua = try LuaState()
        lua.register("new_counter") { call in
            call.stack.push(object: Counter(), type: UserdataTests.counterType)
            return .values(1)
        }
        return lua
    }

    @Test func methodsAndToString() throws {
        let lua = try makeState()
        let results = try lua.run("local c = new_counter(); c:increment(); c:increment(5); return c:value(), tostring(c)", chunkName: "=u")
        #expect(results == [.integer(6), .string("Counter(6)")])
    }

    @Test func gcReleasesTheSwiftObjectExactlyOnce() throws {
        let lua = try makeState()
        let before = Counter.released
        try lua.run("for i = 1, 1000 do local c = new_counter() end collectgarbage() collectgarbage()", chunkName: "=u")
        #expect(Counter.released - before == 1000)
        // An object resurrected by a __gc of another object, then collected again.
        try lua.run("""
            local keep
            local c = new_counter()
            setmetatable({}, { __gc = function() keep = c end })
            c = nil
            collectgarbage(); collectgarbage()
            keep = nil
            collectgarbage(); collectgarbage()
            """, chunkName: "=u")
        #expect(Counter.released - before == 1001)
    }

    @Test func closingTheStateReleasesWhatLuaHeld() throws {
        let before = Counter.released
        do {
            let lua = try makeState()
            try lua.run("held = { new_counter(), new_counter(), new_counter() }", chunkName: "=u")
            lua.close()
        }
        #expect(Counter.released - before == 3)
    }

    @Test func badSelfAndWrongTypeReadLikeLua() throws {
        let lua = try makeState()
        let results = try lua.run("""
            local c = new_counter()
            local _, e1 = pcall(c.increment, 42)
            local _, e2 = pcall(function() c.value({}) end)
            local _, e3 = pcall(function() c:increment('x') end)
            return e1, e2, e3
            """, chunkName: "=u")
        #expect(results == [
            .string("bad argument #1 to '?' (test.Counter expected, got number)"),
            .string("u:3: bad argument #1 to 'value' (test.Counter expected, got table)"),
            .string("u:4: bad argument #1 to 'increment' (number expected, got string)"),
        ])
    }
}
