import CLua
import CLuaShim

/// Any Lua value, as a Swift enum.
///
/// Integers and floats stay apart as Lua 5.4 keeps them (`3` and `3.0` are different
/// values here), strings that are not valid UTF-8 come out as `.bytes`, and tables are
/// copied into a ``LuaTable``. Functions, userdata and threads are held by reference.
public enum LuaValue: Hashable {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case bytes([UInt8])
    case table(LuaTable)
    case function(LuaReference)
    case userdata(LuaReference)
    case lightUserdata(UnsafeMutableRawPointer?)
    case thread(LuaReference)

    /// The JSON null sentinel (`json.null` in Lua): a light userdata, so it is never
    /// confused with a missing value.
    public static var jsonNull: LuaValue { .lightUserdata(hubsh_null_sentinel()) }

    public var isJSONNull: Bool {
        if case .lightUserdata(let p) = self { return p == hubsh_null_sentinel() }
        return false
    }

    public var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .bytes(let b): return String(decoding: b, as: UTF8.self)
        default: return nil
        }
    }

    public var tableValue: LuaTable? {
        if case .table(let t) = self { return t }
        return nil
    }

    public var integerValue: Int64? {
        switch self {
        case .integer(let i): return i
        case .number(let d): return Int64(exactly: d)
        default: return nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }

    /// The value's Lua type name, as `type()` gives it.
    public var typeName: String {
        switch self {
        case .nil: return "nil"
        case .boolean: return "boolean"
        case .integer, .number: return "number"
        case .string, .bytes: return "string"
        case .table: return "table"
        case .function: return "function"
        case .userdata, .lightUserdata: return "userdata"
        case .thread: return "thread"
        }
    }
}

extension LuaValue: LuaPushable {
    public func push(onto stack: LuaStack) {
        let L = stack.L
        switch self {
        case .nil: lua_pushnil(L)
        case .boolean(let b): lua_pushboolean(L, b ? 1 : 0)
        case .integer(let i): lua_pushinteger(L, lua_Integer(i))
        case .number(let d): lua_pushnumber(L, d)
        case .string(let s): stack.push(s)
        case .bytes(let b): b.withUnsafeBytes { stack.push(bytes: $0) }
        case .table(let t): t.push(onto: stack)
        case .function(let r), .userdata(let r), .thread(let r): r.push(onto: stack)
        case .lightUserdata(let p): lua_pushlightuserdata(L, p)
        }
    }
}

extension LuaValue: LuaReadable {
    public static var luaTypeName: String { "value" }

    /// How deep ``read(from:at:)`` copies nested tables; deeper ones are read as empty
    /// tables, so a hostile or runaway structure cannot exhaust the C stack.
    public static let maxReadDepth = 200

    /// Reads any value; tables are copied deeply (a table met again on the way, a cycle,
    /// or one nested past ``maxReadDepth``, is read as an empty table).
    public static func read(from stack: LuaStack, at index: Int32) -> LuaValue? {
        var seen = Set<UnsafeRawPointer>()
        return read(from: stack, at: stack.absolute(index), seen: &seen, depth: 0)
    }

    /// Reads a value, copying tables only `depth` levels deep.
    public static func read(from stack: LuaStack, at index: Int32, depth: Int) -> LuaValue {
        var seen = Set<UnsafeRawPointer>()
        return read(from: stack, at: stack.absolute(index), seen: &seen, depth: maxReadDepth - depth)
    }

    static func read(from stack: LuaStack, at index: Int32, seen: inout Set<UnsafeRawPointer>, depth: Int) -> LuaValue {
        let L = stack.L
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(L, index) != 0 { return .integer(Int64(lua_tointegerx(L, index, nil))) }
            return .number(lua_tonumberx(L, index, nil))
        case LUA_TSTRING:
            return stack.withBytes(at: index) { buffer in
                if let s = String(validating: buffer, as: UTF8.self) { return LuaValue.string(s) }
                return .bytes(Array(buffer))
            } ?? .nil
        case LUA_TTABLE:
            guard depth < maxReadDepth, stack.reserve(4) else { return .table(LuaTable()) }
            return .table(LuaTable.read(from: stack, at: index, seen: &seen, depth: depth + 1))
        case LUA_TLIGHTUSERDATA: return .lightUserdata(lua_touserdata(L, index))
        case LUA_TFUNCTION: return .function(LuaReference(stack: stack, index: index))
        case LUA_TTHREAD: return .thread(LuaReference(stack: stack, index: index))
        default: return .userdata(LuaReference(stack: stack, index: index))
        }
    }
}

extension LuaValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .nil }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: LuaValue...) { self = .table(LuaTable(sequence: elements)) }
    public init(dictionaryLiteral elements: (String, LuaValue)...) {
        var table = LuaTable()
        for (k, v) in elements { table[k] = v }
        self = .table(table)
    }
}
