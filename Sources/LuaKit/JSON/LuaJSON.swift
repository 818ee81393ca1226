import CLua
import CLuaShim

/// JSON between Lua values and bytes, and the Lua library `hubsh.json` built on it.
///
/// In Lua:
/// ```lua
/// local json = require "hubsh.json"
/// json.encode({ a = 1, b = { 1, 2 } })   --> {"a":1,"b":[1,2]}
/// json.decode('[]')                       --> an empty table that encodes back as []
/// json.encode({ x = json.null })          --> {"x":null}
/// json.encode(json.array({}))             --> []
/// ```
public enum LuaJSON {
    /// Registry key of the metatable that marks a table as a JSON array.
    static let arrayMarkKey = "LuaKit.json.array"

    /// Creates the array-mark metatable and preloads the `hubsh.json` module.
    static func install(in stack: LuaStack) {
        stack.newTable()
        stack.setField(arrayMarkKey, in: hubsh_lua_registryindex())
        stack.pushGlobal("package")
        guard stack.type(at: -1) == .table else { stack.pop(); return }
        stack.pushField("preload", of: -1)
        stack.push(function: { call in
            pushLibrary(onto: call.stack)
            return .values(1)
        })
        stack.setField("hubsh.json", in: -2)
        stack.pop(2)
    }

    /// Pushes the library table: `encode`, `decode`, `null`, `array`, `is_array`.
    public static func pushLibrary(onto stack: LuaStack) {
        stack.newTable(fieldCapacity: 5)
        stack.push(function: { call in
            if call.count < 1 { throw LuaArgumentError.message(1, "value expected") }
            let options = try call.options(2, allowed: ["pretty", "sort_keys"])
            let bytes = try encode(call.stack, at: 1, pretty: options?["pretty"] == .boolean(true),
                                   sortKeys: options?["sort_keys"] == .boolean(true))
            bytes.withUnsafeBytes { call.stack.push(bytes: $0) }
            return .values(1)
        })
        stack.setField("encode", in: -2)
        stack.push(function: { call in
            guard call.type(1) == .string else { throw LuaArgumentError.type(1, expected: "string") }
            let options = try call.options(2, allowed: ["null_as_nil"])
            let nullAsNil = options?["null_as_nil"] == .boolean(true)
            // The string stays anchored at index 1 while we read it in place: no copy.
            let failure: Error? = call.stack.withBytes(at: 1) { text in
                do { try decode(text, onto: call.stack, nullAsNil: nullAsNil); return nil } catch { return error }
            } ?? nil
            if let failure { throw failure }
            return .values(1)
        })
        stack.setField("decode", in: -2)
        lua_pushlightuserdata(stack.L, hubsh_null_sentinel())
        stack.setField("null", in: -2)
        stack.push(function: { call in
            if call.isNoneOrNil(1) {
                call.stack.top = 0
                call.stack.newTable()
            } else {
                try call.table(1)
                call.stack.top = 1
            }
            call.stack.setJSONArrayMark(at: 1)
            return .values(1)
        })
        stack.setField("array", in: -2)
        stack.push(function: { call in
            call.stack.push(call.type(1) == .table && call.stack.hasJSONArrayMark(at: 1))
            return .values(1)
        })
        stack.setField("is_array", in: -2)
    }

    /// The JSON text of the value at `index`.
    /// - Throws: ``LuaJSONError`` for values JSON cannot express.
    public static func encode(_ stack: LuaStack, at index: Int32, pretty: Bool = false, sortKeys: Bool = false) throws -> [UInt8] {
        var encoder = LuaJSONEncoder(pretty: pretty, sortKeys: sortKeys)
        try encoder.encode(stack, at: index)
        return encoder.output
    }

    /// Pushes the value of the JSON text `bytes`.
    /// - Throws: ``LuaJSONError`` naming the line and column of the first problem.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, onto stack: LuaStack, nullAsNil: Bool = false) throws {
        var decoder = LuaJSONDecoder(stack: stack, nullAsNil: nullAsNil)
        try decoder.decode(bytes)
    }
}

extension LuaStack {
    /// Whether the table at `index` carries the JSON array mark.
    public func hasJSONArrayMark(at index: Int32) -> Bool {
        let t = absolute(index)
        guard lua_getmetatable(L, t) != 0 else { return false }
        pushField(LuaJSON.arrayMarkKey, of: hubsh_lua_registryindex())
        defer { pop(2) }
        return lua_rawequal(L, -1, -2) != 0
    }

    /// Gives the table at `index` the JSON array mark (its metatable).
    public func setJSONArrayMark(at index: Int32) {
        let t = absolute(index)
        pushField(LuaJSON.arrayMarkKey, of: hubsh_lua_registryindex())
        lua_setmetatable(L, t)
    }
}
