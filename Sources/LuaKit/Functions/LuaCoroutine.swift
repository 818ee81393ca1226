import CLua
import CLuaShim

/// A Lua coroutine driven from Swift: the building block of schedulers that run
/// several Lua functions at once while each waits on I/O (as OpenResty does).
///
/// A Swift function called inside the coroutine can return ``LuaResults/yield(_:)``;
/// the scheduler sees `.yielded`, does the work, and resumes the coroutine with the
/// results (or with ``LuaStack/pushResumeErrorMarker()`` and an error to raise there).
///
/// ```swift
/// let co = try LuaCoroutine(function: f, in: lua.stack)
/// switch co.resume(with: []) {
/// case .yielded(let values): …   // resume later with the answer
/// case .returned(let values): …
/// case .failed(let error): …
/// }
/// ```
public final class LuaCoroutine {
    public enum Outcome {
        case yielded([LuaValue])
        case returned([LuaValue])
        case failed(LuaError)
    }

    /// The coroutine's own stack.
    public let stack: LuaStack
    private let anchor: LuaReference
    private let caller: LuaStack

    /// Makes a coroutine that will run `function`.
    public init(function: LuaReference, in caller: LuaStack) {
        self.caller = caller
        caller.reserve(2)
        let thread = lua_newthread(caller.L)!  // raises only on memory exhaustion
        anchor = LuaReference(stack: caller, index: -1)
        caller.pop()
        stack = LuaStack(thread)
        function.push(onto: stack)
    }

    /// Whether the coroutine can be resumed (it has not returned or failed).
    public var isSuspendedOrNew: Bool { lua_status(stack.L) == LUA_YIELD || (lua_status(stack.L) == LUA_OK && stack.top > 0) }

    /// Starts or resumes the coroutine with `values` and runs it until it yields,
    /// returns or fails.
    public func resume(with values: [LuaValue]) -> Outcome {
        stack.reserve(Int32(values.count) + 1)
        for value in values { stack.push(value) }
        return resume(pushed: Int32(values.count))
    }

    /// Resumes with an error: the Swift function the coroutine yielded from raises it.
    public func resume(raising error: LuaValue) -> Outcome {
        stack.reserve(2)
        stack.pushResumeErrorMarker()
        stack.push(error)
        return resume(pushed: 2)
    }

    /// Resumes with the `count` values already pushed on the coroutine's stack.
    public func resume(pushed count: Int32) -> Outcome {
        var results: Int32 = 0
        let status = lua_resume(stack.L, caller.L, count, &results)
        let values = (stack.top - results + 1 ..< stack.top + 1).map { LuaValue.read(from: stack, at: $0) ?? .nil }
        switch status {
        case LUA_YIELD:
            stack.pop(results)
            return .yielded(values)
        case LUA_OK:
            stack.pop(results)
            return .returned(values)
        default:
            // The error object is on top; the traceback is the coroutine's own.
            let traceback = tracebackOfFailedCoroutine()
            let error = LuaError.from(stack: stack, at: -1, status: status, traceback: traceback)
            lua_resetthread(stack.L)
            return .failed(error)
        }
    }

    private func tracebackOfFailedCoroutine() -> String? {
        let message = stack.string(at: -1)
        luaL_traceback(caller.L, stack.L, message, 0)
        defer { caller.pop() }
        return caller.string(at: -1)
    }
}
