import CLua
import CLuaShim

/// Owns a `lua_State` and knows whether it is still open.
///
/// Every thread of the state can find its owner through the main thread's extra space
/// (Lua copies it into each new coroutine), so a Swift function called from any
/// coroutine can make references and reach the state's settings.
final class LuaStateOwner {
    private(set) var L: OpaquePointer?
    /// Per-state data that bound functions share (the JSON array metatable ref, …).
    var userInfo: [String: AnyObject] = [:]
    /// Whether a chunk is running; a call from Swift into Lua made inside it is nested
    /// and must not re-arm or disarm the watch hook.
    var isRunning = false

    init(_ L: OpaquePointer) {
        self.L = L
        hubsh_lua_getextraspace(L)?.storeBytes(of: Unmanaged.passUnretained(self).toOpaque(), as: UnsafeMutableRawPointer.self)
    }

    static func of(_ stack: LuaStack) -> LuaStateOwner {
        // The extra space is set before any Swift code can see the state.
        let raw = hubsh_lua_getextraspace(stack.L)!.load(as: UnsafeMutableRawPointer.self)
        return Unmanaged<LuaStateOwner>.fromOpaque(raw).takeUnretainedValue()
    }

    func close() {
        guard let L else { return }
        self.L = nil
        hubsh_closestate(L)
        userInfo.removeAll()
    }

    deinit { close() }
}
