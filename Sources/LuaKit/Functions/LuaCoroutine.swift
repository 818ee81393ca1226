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
    // A failed coroutine is reset with an empty stack, so it reads as neither.

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
        hubsh_memory_pause(caller.L, 0)  // the coroutine's Lua code runs under the memory limit
        let status = lua_resume(stack.L, caller.L, count, &results)
        hubsh_memory_pause(caller.L, 1)
        switch status {
        case LUA_YIELD, LUA_OK:
            let values = (stack.top - results + 1 ..< stack.top + 1).map { LuaValue.read(from: stack, at: $0) ?? .nil }
            stack.pop(results)
            return status == LUA_YIELD ? .yielded(values) : .returned(values)
        default:
            // A dead coroutine takes no more calls: take its traceback, move the error
            // object to the caller and describe it there, then reset the coroutine.
            let traceback = tracebackOfFailedCoroutine()
            caller.reserve(2)
            lua_xmove(stack.L, caller.L, 1)
            let error = LuaError.from(stack: caller, at: -1, status: status, traceback: traceback)
            caller.pop()
            lua_resetthread(stack.L)
            stack.top = 0
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
