import Foundation
import Testing
@testable import LuaKit

/// Interrupts, budgets and the memory limit stop a chunk cleanly and leave the state usable.
@Suite struct LimitsTests {
    @Test func interruptStopsAnEndlessLoopAndTheStateRunsOn() throws {
        let lua = try LuaState()
        let interrupter = Interrupter(lua)
        defer { interrupter.stop() }
        do {
            try lua.run("while true do end", chunkName: "=loop")
            Issue.record("the loop ended by itself")
        } catch let error as LuaError {
            #expect(error.kind == .interrupted)
            #expect(error.message.hasSuffix("interrupted!"))
        }
        interrupter.stop()
        #expect(try lua.run("return 40 + 2", chunkName: "=next") == [.integer(42)])
    }

    @Test func pcallCannotSwallowAnInterrupt() throws {
        let lua = try LuaState()
        let interrupter = Interrupter(lua)
        defer { interrupter.stop() }
        do {
            try lua.run("while true do pcall(function() while true do end end) end", chunkName: "=loop")
            Issue.record("the loop ended by itself")
        } catch let error as LuaError {
            #expect(error.kind == .interrupted)
        }
        interrupter.stop()
        #expect(try lua.run("return 1", chunkName: "=next") == [.integer(1)])
    }

    @Test func interruptReachesCoroutines() throws {
        let lua = try LuaState()
        let interrupter = Interrupter(lua)
        defer { interrupter.stop() }
        #expect(throws: LuaError.self) {
            try lua.run("coroutine.wrap(function() while true do end end)()", chunkName: "=co")
        }
    }

    @Test func instructionBudget() throws {
        let lua = try LuaState()
        lua.instructionBudget = 100_000
        do {
            try lua.run("local n = 0 while true do n = n + 1 end", chunkName: "=b")
            Issue.record("no budget error")
        } catch let error as LuaError {
            #expect(error.kind == .budget)
            #expect(error.message.hasSuffix("instruction budget exceeded"))
        }
        #expect(try lua.run("local s = 0 for i = 1, 100 do s = s + i end return s", chunkName: "=b") == [.integer(5050)])
    }

    @Test func timeBudget() throws {
        let lua = try LuaState()
        lua.timeBudgetMilliseconds = 50
        do {
            try lua.run("while true do end", chunkName: "=t")
            Issue.record("no budget error")
        } catch let error as LuaError {
            #expect(error.kind == .budget)
            #expect(error.message.hasSuffix("time budget of 50 ms exceeded"))
        }
        #expect(try lua.run("return 'fine'", chunkName: "=t") == [.string("fine")])
    }

    @Test func memoryLimitIsACleanErrorAndTheStateStaysUsable() throws {
        var options = LuaState.Options()
        options.memoryLimit = 8 * 1024 * 1024
        let lua = try LuaState(options: options)
        do {
            try lua.run("local t = {} for i = 1, 1e8 do t[i] = string.rep('x', 100) .. i end", chunkName: "=m")
            Issue.record("no memory error")
        } catch let error as LuaError {
            #expect(error.kind == .memory)
            #expect(error.message == "not enough memory")
        }
        try lua.run("collectgarbage()", chunkName: "=m")
        #expect(lua.memoryUsed < options.memoryLimit)
        #expect(try lua.run("return #string.rep('y', 1000)", chunkName: "=m") == [.integer(1000)])
    }
}

@Suite struct RequireTests {
    @Test func findsModulesInConfiguredPathsAndTheSystem() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("luakit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("demo"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "return { answer = 42 }".write(to: directory.appendingPathComponent("demo/mod.lua"), atomically: true, encoding: .utf8)
        var options = LuaState.Options()
        options.modulePaths = [directory.path]
        let lua = try LuaState(options: options)
        #expect(try lua.run("return require('demo.mod').answer", chunkName: "=r") == [.integer(42)])
        let path = try lua.run("return package.path, package.cpath", chunkName: "=r")
        #expect(path[0].stringValue?.hasPrefix(directory.path + "/?.lua") == true)
        #expect(path[0].stringValue?.contains("/usr/share/lua/5.4/?.lua") == true)
        #expect(path[1].stringValue?.contains("/usr/lib/x86_64-linux-gnu/lua/5.4/?.so") == true)
    }

    @Test func loadsADebianCModule() throws {
        // lua-cjson is installed by scripts/setup.
        guard FileManager.default.fileExists(atPath: "/usr/lib/x86_64-linux-gnu/lua/5.4/cjson.so") else { return }
        let lua = try LuaState()
        #expect(try lua.run("return require('cjson').encode({1, 2})", chunkName: "=r") == [.string("[1,2]")])
    }
}

/// Interrupts a state every 20 ms from another thread until stopped: the first request
/// may land before the chunk starts, and each chunk re-arms the flag.
final class Interrupter: Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(_ lua: LuaState) {
        let handle = lua.interruptHandle
        let done = self.done
        DispatchQueue.global().async {
            while done.wait(timeout: .now() + .milliseconds(20)) == .timedOut { handle.interrupt() }
            done.signal()  // let a second stop() return at once
        }
    }

    func stop() { done.signal() }
}
