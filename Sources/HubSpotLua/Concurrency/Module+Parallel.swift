import HubSpot
import LuaKit

/// `hubspot.parallel` and `hubspot.map`: concurrent work from plain Lua functions.
///
/// Each function runs in a coroutine of a ``SchedulerRun``; a binding called there starts
/// its request and yields, so other coroutines run while it is in flight. Everything still
/// goes through the client's rate limiter.
extension Module {
    /// `hubspot.parallel(f1, f2, ...)`: each function's first result, in order. When one
    /// fails the others still finish, then the first error (by position) is raised.
    func parallel(_ call: LuaCall) throws -> LuaResults {
        let count = Int(call.count)
        let functions = try (1...max(1, call.count)).filter { _ in count > 0 }.map { try call.function($0) }
        if functions.isEmpty { return .none }
        call.stack.newTable(arrayCapacity: Int32(count))
        let resultsIndex = call.stack.top
        let results = LuaReference(stack: call.stack, index: resultsIndex)
        let runner = shared.runParallel, caller = call.stack
        guard let errors = try SchedulerRun(bridge: bridge).run(count: count, width: count, begin: { i in
            let co = LuaCoroutine(function: runner, in: caller)
            results.push(onto: co.stack)
            co.stack.push(i + 1)
            functions[i].push(onto: co.stack)
            return (co, 3)
        }) else { throw LuaInterruption() }
        if let first = errors.keys.min(), let error = errors[first] { throw error }
        call.stack.reserve(Int32(count) + 1)
        for i in 1...count { call.stack.pushElement(Int64(i), of: resultsIndex) }
        return .values(Int32(count))
    }

    /// `hubspot.map(list, fn, {concurrency = n})`: `fn(item, index)` for every item, at most
    /// `n` at once (default 8), results in input order (nil where `fn` returned nothing).
    func map(_ call: LuaCall) throws -> LuaResults {
        try call.table(1)
        let function = try call.function(2)
        let options = try Options(call, 3, allowed: ["concurrency"])
        let width = try options.integer("concurrency") ?? 8
        guard width >= 1 else { throw LuaArgumentError.message(3, "option 'concurrency' must be at least 1") }
        let list = LuaReference(stack: call.stack, index: 1)
        let count = call.stack.rawLength(at: 1)
        call.stack.newTable(arrayCapacity: Int32(clamping: count))
        call.stack.setJSONArrayMark(at: -1)
        let results = LuaReference(stack: call.stack, index: -1)
        if count == 0 { return .values(1) }
        let runner = shared.runMap, caller = call.stack
        guard let errors = try SchedulerRun(bridge: bridge).run(count: count, width: width, begin: { i in
            let co = LuaCoroutine(function: runner, in: caller)
            results.push(onto: co.stack)
            list.push(onto: co.stack)
            co.stack.push(i + 1)
            function.push(onto: co.stack)
            return (co, 4)
        }) else { throw LuaInterruption() }
        if let first = errors.keys.min(), let error = errors[first] { throw error }
        return .values(1)
    }
}
