import CLua
import CLuaShim

/// The body of a Swift function callable from Lua.
///
/// It reads its arguments from the ``LuaCall``, pushes its results and says how many.
/// It reports failure by throwing, never by raising: the C trampoline raises the Lua
/// error after this Swift frame has returned.
///
/// ```swift
/// lua.register("add") { call in
///     let a = try call.integer(1), b = try call.integer(2)
///     call.stack.push(a + b)
///     return .values(1)
/// }
/// ```
public typealias LuaFunction = (LuaCall) throws -> LuaResults

/// What a ``LuaFunction`` returns: how many values it pushed, and whether to yield them.
public struct LuaResults: Sendable, Equatable {
    let code: Int32

    public static let none = LuaResults(code: 0)
    public static func values(_ n: Int32) -> LuaResults { LuaResults(code: max(n, 0)) }
    /// Yields the `n` values on top of the stack from the running coroutine. When the
    /// coroutine is resumed, the resume values become the function's results (or, when
    /// the first is ``LuaStack/pushResumeErrorMarker()``, the second is raised).
    /// Check ``LuaCall/isYieldable`` first.
    public static func yield(_ n: Int32) -> LuaResults { LuaResults(code: HUBSH_CALL_YIELD_BASE - max(n, 0)) }
}

/// A Swift function as a Lua value: push it to put the function on the stack.
public struct LuaClosure: LuaPushable {
    let body: LuaFunction
    public init(_ body: @escaping LuaFunction) { self.body = body }

    public func push(onto stack: LuaStack) {
        LuaRuntime.installOnce()
        let box = Unmanaged.passRetained(LuaFunctionBox(body)).toOpaque()
        hubsh_push_swift_function(stack.L, box)
    }
}

final class LuaFunctionBox {
    let body: LuaFunction
    init(_ body: @escaping LuaFunction) { self.body = body }
}

/// The Swift side of the trampoline: the single place where Swift errors become Lua
/// errors.
enum LuaRuntime {
    private static let installed: Void = hubsh_install(dispatch, release)

    static func installOnce() { _ = installed }

    private static let dispatch: hubsh_dispatch_fn = { L, box in
        let stack = LuaStack(L)
        // The box is alive for the call (its userdata is the running closure's upvalue):
        // borrow it without a retain/release pair on this hot path.
        return Unmanaged<LuaFunctionBox>.fromOpaque(box)._withUnsafeGuaranteedRef { function in
            do {
                return try function.body(LuaCall(stack: stack)).code
            } catch {
                return push(error: error, onto: stack)
            }
        }
    }

    private static let release: hubsh_release_fn = { box in
        Unmanaged<AnyObject>.fromOpaque(box).release()
    }

    /// Pushes what the trampoline should raise for `error` and returns its code.
    static func push(error: Error, onto stack: LuaStack) -> Int32 {
        stack.reserve(3)
        switch error {
        case let error as LuaArgumentError:
            stack.push(Int64(error.position))
            switch error.detail {
            case .type(let expected):
                stack.push(expected)
                return HUBSH_CALL_TYPEERROR
            case .message(let text):
                stack.push(text)
                return HUBSH_CALL_ARGERROR
            }
        case is LuaInterruption:
            hubsh_note_interrupted(stack.L)
            stack.push("interrupted!")
        case let error as LuaErrorConvertible:
            error.pushLuaError(onto: stack)
        case let error as LuaError:
            // An error from Lua code that Swift called: raise the original value again.
            if let original = error.original { original.push(onto: stack) } else { error.value.push(onto: stack) }
        default:
            // Like luaL_error: the position of the Lua code that called us, then the message.
            luaL_where(stack.L, 1)
            stack.push(String(describing: error))
            lua_concat(stack.L, 2)
        }
        return HUBSH_CALL_ERROR
    }
}

extension LuaStack {
    /// Pushes the marker that makes a coroutine yielded from Swift raise on resume.
    public func pushResumeErrorMarker() { lua_pushlightuserdata(L, hubsh_resume_error_marker()) }

    /// Pushes a Swift function.
    public func push(function body: @escaping LuaFunction) { LuaClosure(body).push(onto: self) }
}
