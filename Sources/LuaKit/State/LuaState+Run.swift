import CLua
import CLuaShim
import Foundation

extension LuaState {
    /// Compiles and runs a chunk, returning what it returns.
    ///
    /// `chunkName` follows Lua's convention: `"=stdin"` is shown as `stdin`,
    /// `"@script.lua"` as `script.lua`, so errors read `script.lua:12: message`.
    /// - Throws: ``LuaError`` (syntax, runtime, memory, interrupted, budget).
    @discardableResult
    public func run(_ source: String, chunkName: String) throws -> [LuaValue] {
        try load(source, chunkName: chunkName)
        return try callLoaded(arguments: 0)
    }

    /// Runs the file at `path` (`-` for standard input) with `arguments` as `...`.
    @discardableResult
    public func run(file path: String, arguments: [LuaValue] = []) throws -> [LuaValue] {
        try load(file: path)
        try reserve(arguments.count)
        for argument in arguments { stack.push(argument) }
        return try callLoaded(arguments: Int32(arguments.count))
    }

    /// Compiles a chunk and leaves the function on the stack.
    /// - Throws: ``LuaError`` of kind `.syntax` (or `.memory`).
    public func load(_ source: String, chunkName: String) throws {
        var source = source
        let status = source.withUTF8 { buffer in
            luaL_loadbufferx(stack.L, UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self),
                             buffer.count, chunkName, nil)
        }
        if status != LUA_OK { throw stack.popError(status: status) }
    }

    /// Compiles a file (`-`: standard input) and leaves the function on the stack.
    public func load(file path: String) throws {
        let status = path == "-" ? luaL_loadfilex(stack.L, nil, nil) : luaL_loadfilex(stack.L, path, nil)
        if status != LUA_OK { throw stack.popError(status: status) }
    }

    /// Calls the function below `arguments` values on the stack, in protected mode under
    /// the traceback handler and the state's budgets; returns its results.
    public func callLoaded(arguments: Int32) throws -> [LuaValue] {
        let base = stack.top - arguments - 1
        let status = protectedCall(arguments: arguments, results: hubsh_lua_multret())
        if status != LUA_OK { throw stack.popError(status: status) }
        defer { stack.top = base }
        return (base + 1 ..< stack.top + 1).map { LuaValue.read(from: stack, at: $0) ?? .nil }
    }

    /// Calls a Lua function held by reference.
    @discardableResult
    public func call(_ function: LuaReference, _ arguments: [LuaValue] = []) throws -> [LuaValue] {
        try reserve(arguments.count + 2)
        function.push(onto: stack)
        for argument in arguments { stack.push(argument) }
        return try callLoaded(arguments: Int32(arguments.count))
    }

    /// Makes room for `count` more values on the main stack.
    /// - Throws: ``LuaError`` when the stack cannot grow (Lua's limit is about a million).
    public func reserve(_ count: Int) throws {
        guard count < Int(Int32.max), stack.reserve(Int32(count) + 1) else {
            throw LuaError(kind: .runtime, message: "too many arguments (\(count)) for the Lua stack")
        }
    }

    /// A protected call with the watch hook armed for it when this is the outermost
    /// call. Leaves the results or the error.
    func protectedCall(arguments: Int32, results: Int32) -> Int32 {
        let outermost = !owner.isRunning
        if outermost {
            owner.isRunning = true
            hubsh_watch(stack.L, instructionBudget, timeBudgetMilliseconds)
        }
        defer {
            if outermost {
                owner.isRunning = false
                hubsh_unwatch(stack.L)
            }
        }
        return stack.rawProtectedCall(arguments: arguments, results: results)
    }
}
