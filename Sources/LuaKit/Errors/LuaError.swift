import CLua
import CLuaShim

/// A Lua error that reached Swift: from loading a chunk, or raised while one ran.
///
/// `message` is what Lua's own interpreter would print (the string, or the error
/// object's `__tostring`); `value` is the error object itself, so a table error (a
/// HubSpot error, say) keeps its fields; `traceback` is Lua's, when one was taken.
///
/// Unchecked-Sendable because `Error` requires it: the message, kind and traceback are
/// plain data, but `value` may hold references into the state, which belong to the
/// thread that runs the state. Read `value` there only.
public struct LuaError: Error, CustomStringConvertible, @unchecked Sendable {
    public enum Kind: Sendable, Equatable {
        /// The chunk did not compile.
        case syntax
        /// The code raised an error while it ran.
        case runtime
        /// The memory limit was reached.
        case memory
        /// Ctrl-C or ``LuaInterruptHandle/interrupt()``.
        case interrupted
        /// The instruction or time budget ran out.
        case budget
        /// A chunk file could not be read.
        case file
    }

    public var kind: Kind
    public var message: String
    public var traceback: String?
    public var value: LuaValue
    /// The error object itself (tables and userdata), so Swift re-raises the very object,
    /// metatable and all, when the error goes back through Lua.
    var original: LuaReference?

    public init(kind: Kind, message: String, traceback: String? = nil, value: LuaValue? = nil) {
        self.kind = kind
        self.message = message
        self.traceback = traceback
        self.value = value ?? .string(message)
    }

    public var description: String { message }

    /// Whether a syntax error ended at the end of the input: the REPL then reads another
    /// line, as lua.c's `incomplete` does.
    public var isIncompleteInput: Bool { kind == .syntax && message.hasSuffix("<eof>") }

    static func from(stack: LuaStack, at index: Int32, status: Int32, traceback: String?) -> LuaError {
        // One level is enough to inspect an error; `original` keeps the whole object.
        let value = LuaValue.read(from: stack, at: index, depth: 1)
        let message: String
        if let s = stack.string(at: index) {
            message = s
        } else if stack.hasMetamethod("__tostring", at: index), let s = stack.displayStringIfItWorks(at: index) {
            message = s
        } else if lua_type(stack.L, index) == LUA_TNUMBER, let s = stack.withBytes(at: index, { String(decoding: $0, as: UTF8.self) }) {
            message = s
        } else {
            message = "(error object is a \(stack.typeName(at: index)) value)"
        }
        let kind: Kind
        switch status {
        case LUA_ERRSYNTAX: kind = .syntax
        case LUA_ERRMEM: kind = .memory
        case LUA_ERRFILE: kind = .file
        default:
            switch hubsh_stop_reason(stack.L) {
            case 1: kind = .interrupted
            case 2, 3: kind = .budget
            default: kind = .runtime
            }
        }
        var error = LuaError(kind: kind, message: message, traceback: traceback, value: value)
        switch lua_type(stack.L, index) {
        case LUA_TTABLE, LUA_TUSERDATA: error.original = LuaReference(stack: stack, index: index)
        default: break
        }
        return error
    }
}

extension LuaStack {
    func hasMetamethod(_ name: String, at index: Int32) -> Bool {
        guard luaL_getmetafield(L, index, name) != LUA_TNIL else { return false }
        pop()
        return true
    }
}
