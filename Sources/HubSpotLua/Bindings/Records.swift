import Foundation
import LuaKit

/// Records are HubSpot's JSON decoded straight from the response bytes into Lua tables,
/// with a metatable so `rec.email` reads `rec.properties.email` (the record's own fields
/// win: `rec.id` is the record id). JSON null becomes nil, so an empty property reads nil.
enum Records {
    static let typeName = "hubspot.Record"

    /// Pushes the JSON body as a Lua value (nil for an empty body, as a 204 has).
    static func decode(_ body: Data, onto stack: LuaStack) throws {
        if body.isEmpty { stack.pushNil(); return }
        try body.withUnsafeBytes { raw in
            try LuaJSON.decode(raw.bindMemory(to: UInt8.self), onto: stack, nullAsNil: true)
        }
    }

    /// Pushes the body as one record.
    static func pushRecord(_ body: Data, onto stack: LuaStack) throws {
        try decode(body, onto: stack)
        mark(stack, at: -1)
    }

    /// Gives the table at `index` the record metatable.
    static func mark(_ stack: LuaStack, at index: Int32) {
        guard stack.type(at: index) == .table else { return }
        let t = stack.absolute(index)
        pushMetatable(onto: stack)
        stack.setMetatable(of: t)
    }

    /// Marks every element of the list at `index`.
    static func markAll(_ stack: LuaStack, at index: Int32) {
        guard stack.type(at: index) == .table else { return }
        let t = stack.absolute(index)
        for i in 1...max(1, stack.rawLength(at: t)) where stack.rawLength(at: t) > 0 {
            stack.pushElement(Int64(i), of: t)
            mark(stack, at: -1)
            stack.pop()
        }
    }

    /// Pushes `{results =, after =, total =}` from a paged body (`results`, `paging.next.after`, `total`).
    static func pushPage(_ body: Data, onto stack: LuaStack) throws {
        try decode(body, onto: stack)
        let b = stack.absolute(-1)
        stack.newTable(fieldCapacity: 3)
        if stack.pushField("results", of: b) != .table { stack.pop(); stack.newTable(); stack.setJSONArrayMark(at: -1) }
        markAll(stack, at: -1)
        stack.setField("results", in: -2)
        if stack.pushField("total", of: b) != .nil { stack.setField("total", in: -2) } else { stack.pop() }
        pushAfter(stack, of: b)
        stack.setField("after", in: -2)
        stack.remove(at: b)
    }

    /// Pushes `paging.next.after` of the body at `index`, or nil.
    static func pushAfter(_ stack: LuaStack, of index: Int32) {
        let b = stack.absolute(index)
        guard stack.type(at: b) == .table, stack.pushField("paging", of: b) == .table else {
            if stack.type(at: b) == .table { stack.pop() }
            stack.pushNil(); return
        }
        guard stack.pushField("next", of: -1) == .table else { stack.pop(2); stack.pushNil(); return }
        stack.pushField("after", of: -1)
        stack.remove(at: -2)
        stack.remove(at: -2)
    }

    static func pushMetatable(onto stack: LuaStack) {
        guard stack.pushNamedMetatable(typeName) else { return }
        stack.push(function: { call in
            // __index(rec, key): rec.properties[key], read raw.
            guard let key = call.stack.string(at: 2), call.stack.pushField("properties", of: 1) == .table else { return .values(0) }
            call.stack.pushField(key, of: -1)
            return .values(1)
        })
        stack.setField("__index", in: -2)
    }
}
