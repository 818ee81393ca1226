import CLua
import CLuaShim

/// One call of a Swift function from Lua: its arguments, with typed access that fails
/// as Lua's own `luaL_check*` functions do.
///
/// Positions count from 1 as in Lua, `self` included for methods (Lua's message then
/// says "calling 'f' on bad self" or shifts the number, as for any C method).
public struct LuaCall {
    public let stack: LuaStack
    /// The number of arguments.
    public let count: Int32

    init(stack: LuaStack) {
        self.stack = stack
        self.count = stack.top
    }

    /// Whether the calling coroutine can yield (see ``LuaResults/yield(_:)``).
    public var isYieldable: Bool { lua_isyieldable(stack.L) != 0 }

    public func type(_ position: Int32) -> LuaType { stack.type(at: position) }
    public func isNoneOrNil(_ position: Int32) -> Bool { hubsh_lua_isnoneornil(stack.L, position) != 0 }

    /// Any value (`luaL_checkany`: "value expected" when absent).
    public func value(_ position: Int32) throws -> LuaValue {
        guard position <= count else { throw LuaArgumentError.message(position, "value expected") }
        return LuaValue.read(from: stack, at: position) ?? .nil
    }

    public func string(_ position: Int32) throws -> String {
        guard let s = String.read(from: stack, at: position) else { throw LuaArgumentError.type(position, expected: "string") }
        return s
    }

    public func bytes(_ position: Int32) throws -> [UInt8] {
        guard let b = [UInt8].read(from: stack, at: position) else { throw LuaArgumentError.type(position, expected: "string") }
        return b
    }

    public func integer(_ position: Int32) throws -> Int64 {
        if let i = Int64.read(from: stack, at: position) { return i }
        if lua_isnumber(stack.L, position) != 0 {
            throw LuaArgumentError.message(position, "number has no integer representation")
        }
        throw LuaArgumentError.type(position, expected: "number")
    }

    public func number(_ position: Int32) throws -> Double {
        guard let d = Double.read(from: stack, at: position) else { throw LuaArgumentError.type(position, expected: "number") }
        return d
    }

    public func boolean(_ position: Int32) -> Bool { lua_toboolean(stack.L, position) != 0 }

    /// Checks that the argument is a table, in the words of Lua's own table check.
    public func table(_ position: Int32) throws {
        guard stack.type(at: position) == .table else { throw LuaArgumentError.type(position, expected: "table") }
    }

    public func function(_ position: Int32) throws -> LuaReference {
        guard stack.type(at: position) == .function else { throw LuaArgumentError.type(position, expected: "function") }
        return LuaReference(stack: stack, index: position)
    }

    /// A reference to the argument, whatever its type, to keep past the call.
    public func reference(_ position: Int32) -> LuaReference { LuaReference(stack: stack, index: position) }

    /// `nil` when the argument is absent or nil, else the typed value.
    public func optional<T>(_ position: Int32, _ read: (Int32) throws -> T) throws -> T? {
        isNoneOrNil(position) ? nil : try read(position)
    }

    /// An options table: nil when absent, else its fields, every name checked against
    /// `allowed` ("invalid option 'x'", as `luaL_checkoption` words it).
    public func options(_ position: Int32, allowed: Set<String>) throws -> LuaTable? {
        if isNoneOrNil(position) { return nil }
        try table(position)
        let options = LuaValue.read(from: stack, at: position)?.tableValue ?? LuaTable()
        for key in options.fields.keys {
            guard case .string(let name) = key else {
                throw LuaArgumentError.message(position, "option names must be strings, got \(key.typeName)")
            }
            if !allowed.contains(name) { throw LuaArgumentError.message(position, "invalid option '\(name)'") }
        }
        if !options.sequence.isEmpty {
            throw LuaArgumentError.message(position, "options must be named (key = value), got a list")
        }
        return options
    }

    /// The Swift object of a userdata argument of `type`.
    public func object<T: AnyObject>(_ position: Int32, of type: LuaUserdataType<T>) throws -> T {
        guard let object = type.object(in: stack, at: position) else {
            throw LuaArgumentError.type(position, expected: type.name)
        }
        return object
    }
}
