import CBenchReference
import CLua
import LuaKit

/// The cost of calling a Swift function bound through LuaKit's trampoline, against the
/// same function written as a plain `lua_CFunction` (target: at most 2x).
enum CallBenchmark {
    static func run(_ arguments: [String]) throws -> [BenchmarkRow] {
        let iterations = 5_000_000
        let lua = try LuaState()
        lua.register("swift_add") { call in
            call.stack.push(try call.integer(1) + call.integer(2))
            return .values(1)
        }
        lua_pushcclosure(lua.stack.L, hubsh_bench_add, 0)
        lua.stack.setGlobal("c_add")
        let loop = { (function: String) in
            "local f, s = \(function), 0 for i = 1, \(iterations) do s = f(s, 1) end return s"
        }
        try lua.load(loop("c_add"), chunkName: "=c")
        let cChunk = try lua.callLoaded(arguments: 0)
        guard cChunk == [.integer(Int64(iterations))] else { throw LuaError(kind: .runtime, message: "c_add gave \(cChunk)") }
        let empty = try Benchmarks.median(runs: 5) { try lua.run("local s = 0 for i = 1, \(iterations) do s = s + 1 end", chunkName: "=e") }
        let c = try Benchmarks.median(runs: 5) { try lua.run(loop("c_add"), chunkName: "=c") }
        let swift = try Benchmarks.median(runs: 5) { try lua.run(loop("swift_add"), chunkName: "=s") }
        let perCall = { (t: Double) in max(t - empty, 0) / Double(iterations) * 1e9 }
        return [BenchmarkRow(name: "bound Swift function call (add)", value: perCall(swift), unit: "ns/call",
                             reference: perCall(c), target: "<= 2.00x", note: "vs plain lua_CFunction, loop cost removed")]
    }
}
