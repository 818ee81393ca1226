/// A bad argument to a Swift function called from Lua.
///
/// Thrown by ``LuaCall``'s typed accessors and raised in Lua through `luaL_argerror`
/// and `luaL_typeerror` themselves, after the Swift frame has returned, so the message
/// is Lua's own, word for word: `bad argument #1 to 'get' (string expected, got nil)`,
/// with the caller's position and the `self` adjustment for method calls.
public struct LuaArgumentError: Error, CustomStringConvertible {
    public enum Detail: Sendable, Equatable {
        /// `luaL_typeerror`: "<expected> expected, got <actual>".
        case type(expected: String)
        /// `luaL_argerror` with a free-form detail, e.g. "invalid option 'x'".
        case message(String)
    }

    /// The 1-based argument position, counting `self` for methods as Lua's stack does.
    public var position: Int32
    public var detail: Detail

    public init(position: Int32, detail: Detail) {
        self.position = position
        self.detail = detail
    }

    public static func type(_ position: Int32, expected: String) -> LuaArgumentError {
        LuaArgumentError(position: position, detail: .type(expected: expected))
    }

    public static func message(_ position: Int32, _ text: String) -> LuaArgumentError {
        LuaArgumentError(position: position, detail: .message(text))
    }

    public var description: String {
        switch detail {
        case .type(let expected): return "bad argument #\(position) (\(expected) expected)"
        case .message(let text): return "bad argument #\(position) (\(text))"
        }
    }
}

/// Thrown by Swift code that gave up waiting because the state was interrupted
/// (Ctrl-C while a request was in flight): raised in Lua as the hook would raise it,
/// `interrupted!`, and seen from Swift as a ``LuaError`` of kind `.interrupted`.
public struct LuaInterruption: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "interrupted!" }
}

/// A Swift error that knows how to stand in Lua as an error value (a table with fields,
/// say) rather than as a message string.
public protocol LuaErrorConvertible: Error {
    /// Pushes exactly one value: the Lua error object.
    func pushLuaError(onto stack: LuaStack)
}
