import CLua
import CLuaShim
import Foundation

/// A Lua 5.4 interpreter: owns a `lua_State`, opens the standard libraries, and runs
/// chunks under a traceback handler.
///
/// It is not thread-safe: one thread uses it at a time (design.md). Closing it (or
/// letting it go) runs every pending `__gc`, so Swift objects held by Lua are released.
///
/// ```swift
/// let lua = try LuaState()
/// let results = try lua.run("return 1 + 1", chunkName: "=example")   // [.integer(2)]
/// ```
public final class LuaState {
    public struct Options {
        /// Directories searched by `require` for `?.lua` and `?/init.lua` before the
        /// system's paths.
        public var modulePaths: [String] = []
        /// Directories searched by `require` for C modules (`?.so`) before the system's.
        public var cModulePaths: [String] = []
        /// The system's Lua directories, searched after `modulePaths`; Debian's and
        /// LuaRocks' locations by default, so apt- and luarocks-installed modules load.
        public var systemModulePaths: [String] = LuaState.defaultSystemModulePaths
        public var systemCModulePaths: [String] = LuaState.defaultSystemCModulePaths
        /// Bytes the state may allocate; 0 for no limit.
        public var memoryLimit: Int = 0

        public init() {}
    }

    public static let defaultSystemModulePaths = [
        "/usr/local/share/lua/5.4", "/usr/share/lua/5.4", "/usr/local/lib/lua/5.4",
    ]
    public static let defaultSystemCModulePaths = [
        "/usr/local/lib/lua/5.4", "/usr/lib/x86_64-linux-gnu/lua/5.4", "/usr/lib/aarch64-linux-gnu/lua/5.4",
        "/usr/lib/lua/5.4",
    ]

    let owner: LuaStateOwner
    /// The main thread's stack.
    public let stack: LuaStack

    /// - Throws: ``LuaError`` of kind `.memory` when no state can be made.
    public init(options: Options = Options()) throws {
        LuaRuntime.installOnce()
        guard let L = hubsh_newstate() else {
            throw LuaError(kind: .memory, message: "not enough memory to create a Lua state")
        }
        owner = LuaStateOwner(L)
        stack = LuaStack(L)
        luaL_openlibs(L)
        setPackagePaths(options)
        LuaJSON.install(in: stack)
        memoryLimit = options.memoryLimit
        hubsh_memory_set_limit(L, max(options.memoryLimit, 0))  // didSet does not run in init
    }

    deinit { owner.close() }

    /// Closes the state now; every `__gc` runs. Using the state afterwards is an error.
    public func close() { owner.close() }

    // MARK: Settings

    /// Bytes allocated by the state now.
    public var memoryUsed: Int { Int(hubsh_memory_used(stack.L)) }

    /// Bytes the state may allocate (0: no limit). Past it an allocation fails with Lua's
    /// "not enough memory" error and the state stays usable.
    public var memoryLimit: Int = 0 {
        didSet { hubsh_memory_set_limit(stack.L, max(memoryLimit, 0)) }
    }

    /// Limits for each chunk run by ``run(_:chunkName:)`` and ``call(_:_:)``: at most
    /// this many VM instructions, and this many milliseconds (0: none).
    public var instructionBudget: Int64 = 0
    public var timeBudgetMilliseconds: Int64 = 0

    /// A handle to stop the running chunk from another thread or a signal handler.
    public var interruptHandle: LuaInterruptHandle { LuaInterruptHandle(L: stack.L) }

    /// Ctrl-C stops the running chunk with the error "interrupted!" instead of ending the
    /// process. With `secondKills`, a second Ctrl-C before the first was honoured ends
    /// the process with status 130 (for scripts stuck outside Lua).
    public func trapInterruptSignal(secondKills: Bool) { hubsh_trap_sigint(stack.L, secondKills ? 1 : 0) }
    public func releaseInterruptSignal() { hubsh_trap_sigint(nil, 0) }

    /// Shared per-state objects, for libraries built on LuaKit.
    public subscript(userInfo key: String) -> AnyObject? {
        get { owner.userInfo[key] }
        set { owner.userInfo[key] = newValue }
    }

    // MARK: Globals

    public func setGlobal(_ name: String, _ value: some LuaPushable) {
        stack.push(value)
        stack.setGlobal(name)
    }

    public func global(_ name: String) -> LuaValue {
        stack.pushGlobal(name)
        defer { stack.pop() }
        return LuaValue.read(from: stack, at: -1) ?? .nil
    }

    /// Makes `body` the global function `name`.
    public func register(_ name: String, _ body: @escaping LuaFunction) {
        stack.push(function: body)
        stack.setGlobal(name)
    }

    private func setPackagePaths(_ options: Options) {
        func joined(_ dirs: [String], _ patterns: [String]) -> String {
            dirs.flatMap { dir in patterns.map { "\(dir)/\($0)" } }.joined(separator: ";")
        }
        let path = joined(options.modulePaths, ["?.lua", "?/init.lua"])
        let cpath = joined(options.cModulePaths, ["?.so"])
        let systemPath = joined(options.systemModulePaths, ["?.lua", "?/init.lua"])
        let systemCPath = joined(options.systemCModulePaths, ["?.so", "loadall.so"])
        stack.pushGlobal("package")
        defer { stack.pop() }
        guard stack.type(at: -1) == .table else { return }
        for (field, mine, system) in [("path", path, systemPath), ("cpath", cpath, systemCPath)] {
            stack.pushField(field, of: -1)
            // Keep what Lua computed (LUA_PATH_5_4 and friends, "./?.lua"), put ours first
            // and the system's after, without repeating entries.
            let current = stack.string(at: -1) ?? ""
            stack.pop()
            var seen = Set<String>()
            let entries = [mine, current, system].flatMap { $0.split(separator: ";").map(String.init) }
                .filter { !$0.isEmpty && seen.insert($0).inserted }
            stack.push(entries.joined(separator: ";"))
            stack.setField(field, in: -2)
        }
    }
}

/// Stops a state's running chunk from any thread, or from a signal handler.
///
/// Unchecked-Sendable by design: it only sets a `sig_atomic_t` flag and installs a hook,
/// the two things Lua allows from outside the running thread (lua.c does the same).
public struct LuaInterruptHandle: @unchecked Sendable {
    let L: OpaquePointer
    public func interrupt() { hubsh_interrupt(L) }
    /// Whether an interrupt is pending (for Swift code that waits while Lua is blocked).
    public var isInterrupted: Bool { hubsh_interrupted(L) != 0 }
}
