import Testing
@testable import LuaKit

/// Values go into Lua and come back unchanged.
@Suite struct ValueRoundTripTests {
    let lua: LuaState
    init() throws { lua = try LuaState() }

    /// Pushes, reads back, and also passes the value through a Lua function.
    func roundTrip(_ value: LuaValue) throws -> (read: LuaValue, throughLua: LuaValue) {
        lua.stack.push(value)
        let read = LuaValue.read(from: lua.stack, at: -1) ?? .nil
        lua.stack.pop()
        let identity = try lua.run("return function(...) return ... end", chunkName: "=test")
        guard case .function(let f) = identity.first else { Issue.record("no function"); return (read, .nil) }
        let through = try lua.call(f, [value]).first ?? .nil
        return (read, through)
    }

    nonisolated(unsafe) static let scalarValues: [LuaValue] = [
        LuaValue.nil, .boolean(true), .boolean(false), .integer(0), .integer(Int64.max), .integer(Int64.min),
        .number(3.0), .number(-0.5), .number(1e300), .string(""), .string("héllo ✓"), .string("a\0b\0"),
        .bytes([0xFF, 0x00, 0xC3]),
    ]

    @Test func scalars() throws {
        for value in Self.scalarValues {
            let (read, through) = try roundTrip(value)
            #expect(read == value)
            #expect(through == value)
        }
    }

    @Test func integersAndFloatsStayApart() throws {
        let results = try lua.run("return 3, 3.0, 2^53, 7 // 2, 7 / 2", chunkName: "=t")
        #expect(results[0] == .integer(3))
        #expect(results[1] == .number(3.0))
        #expect(results[2] == .number(9007199254740992))
        #expect(results[3] == .integer(3))
        #expect(results[4] == .number(3.5))
        lua.stack.push(Int64(3))
        #expect(LuaValue.read(from: lua.stack, at: -1) == .integer(3))
        lua.stack.pop()
        lua.setGlobal("f", 3.0)
        #expect(try lua.run("return math.type(f)", chunkName: "=t") == [.string("float")])
    }

    @Test func nestedTables() throws {
        let value: LuaValue = ["name": "Acme", "tags": ["a", "b"], "deep": ["x": ["y": ["z": 1]]]]
        let (read, through) = try roundTrip(value)
        #expect(read == value)
        #expect(through == value)
        lua.setGlobal("t", value)
        #expect(try lua.run("return t.deep.x.y.z, #t.tags, t.tags[2]", chunkName: "=t") == [.integer(1), .integer(2), .string("b")])
    }

    @Test func mixedTableKeepsSequenceAndFields() throws {
        let results = try lua.run("return { 10, 20, 30, n = 3, [2.5] = 'f', [true] = 'b' }", chunkName: "=t")
        let table = try #require(results.first?.tableValue)
        #expect(table.sequence == [.integer(10), .integer(20), .integer(30)])
        #expect(table["n"] == .integer(3))
        #expect(table.fields[.number(2.5)] == .string("f"))
        #expect(table.fields[.boolean(true)] == .string("b"))
    }

    @Test func swiftCollectionsPush() throws {
        lua.setGlobal("list", [1, 2, 3])
        lua.setGlobal("map", ["a": "x", "b": "y"])
        lua.setGlobal("maybe", Optional<String>.none)
        #expect(try lua.run("return #list, list[3], map.b, maybe", chunkName: "=t") == [.integer(3), .integer(3), .string("y"), .nil])
    }

    @Test func cyclicTableReadsWithoutRecursingForever() throws {
        let results = try lua.run("local t = { a = 1 }; t.self = t; return t", chunkName: "=t")
        let table = try #require(results.first?.tableValue)
        #expect(table["a"] == .integer(1))
        #expect(table["self"] == .table(LuaTable()))
    }

    @Test func functionsAndUserdataComeBackAsReferences() throws {
        let results = try lua.run("return print, io.stdout, coroutine.create(print)", chunkName: "=t")
        guard case .function = results[0], case .userdata = results[1], case .thread = results[2] else {
            Issue.record("unexpected \(results)")
            return
        }
        lua.setGlobal("p", results[0])
        #expect(try lua.run("return p == print", chunkName: "=t") == [.boolean(true)])
    }
}
