import CLua
import CLuaShim

extension LuaStack {
    /// Calls the function below `arguments` values in protected mode, under the
    /// traceback handler, leaving `results` values (or all, with `nil`).
    ///
    /// This is how Swift code, a bound function included, calls into Lua: an error in the
    /// callee comes back as a thrown ``LuaError`` instead of a longjmp through Swift.
    /// - Throws: ``LuaError``; the function and its arguments are gone from the stack.
    public func call(arguments: Int32, results: Int32? = nil) throws {
        let status = rawProtectedCall(arguments: arguments, results: results ?? hubsh_lua_multret())
        if status != LUA_OK { throw popError(status: status) }
    }

    /// Calls a function held by reference with `arguments`, returning its results.
    @discardableResult
    public func call(_ function: LuaReference, _ arguments: [LuaValue] = []) throws -> [LuaValue] {
        guard arguments.count < 1_000_000, reserve(Int32(arguments.count) + 2) else {
            throw LuaError(kind: .runtime, message: "too many arguments (\(arguments.count)) for the Lua stack")
        }
        let base = top
        function.push(onto: self)
        for argument in arguments { push(argument) }
        try call(arguments: Int32(arguments.count))
        defer { top = base }
        return (base + 1 ..< top + 1).map { LuaValue.read(from: self, at: $0) ?? .nil }
    }

    /// `lua_pcall` with the traceback handler slipped in below the function.
    func rawProtectedCall(arguments: Int32, results: Int32) -> Int32 {
        let functionIndex = top - arguments
        lua_pushcclosure(L, hubsh_msghandler, 0)
        insert(at: functionIndex)
        hubsh_memory_pause(L, 0)  // Lua code runs under the memory limit; Swift code does not
        let status = hubsh_lua_pcall(L, arguments, results, functionIndex)
        hubsh_memory_pause(L, 1)
        remove(at: functionIndex)
        return status
    }
}
