import Foundation
import HubSpot
import HubSpotSandbox
import LuaKit
import Testing

@Suite struct ConcurrencyTests {
    @Test func parallelOverlapsRequestsAndKeepsOrder() async throws {
        let counter = CountingTransport.Box()
        let h = LuaHarness(wrap: { CountingTransport($0, counter, delay: .milliseconds(40)) })
        let out = try await h.run("""
            local a, b, c, d = hubspot.parallel(
                function() return hubspot.companies:count{} end,
                function() return hubspot.contacts:first{ sort = "email" }.email end,
                function() local r, err = hubspot.contacts:get("999999"); return err.status end,
                function() return "no request" end)
            return a == hubspot.companies:count{}, b ~= nil, c, d
            """)
        #expect(out == ["true", "true", "404", "no request"])
        #expect(counter.maxInFlight >= 3)
    }

    @Test func mapRespectsItsConcurrencyAndInputOrder() async throws {
        let counter = CountingTransport.Box()
        let h = LuaHarness(seed: .empty, wrap: { CountingTransport($0, counter, delay: .milliseconds(20)) })
        let out = try await h.run("""
            local emails = {}
            for i = 1, 12 do emails[i] = "m" .. i .. "@example.com" end
            local made = hubspot.map(emails, function(email, i)
                local c = hubspot.contacts:create{ email = email }
                return c.email .. "#" .. i
            end, { concurrency = 4 })
            for i = 1, 12 do assert(made[i] == emails[i] .. "#" .. i, made[i]) end
            return #made, hubspot.contacts:count{}
            """)
        #expect(out == ["12", "12"])
        #expect(counter.maxInFlight > 1)
        #expect(counter.maxInFlight <= 4)
    }

    @Test func iteratorsInsideParallelYieldPerPage() async throws {
        let counter = CountingTransport.Box()
        let h = LuaHarness(wrap: { CountingTransport($0, counter, delay: .milliseconds(20)) })
        let out = try await h.run("""
            local function walk(c)
                return function()
                    local n = 0
                    for _ in c:all{} do n = n + 1 end
                    return n
                end
            end
            local contacts, companies, found = hubspot.parallel(walk(hubspot.contacts), walk(hubspot.companies), function()
                local n = 0
                for _ in hubspot.contacts:find{ where = { lifecyclestage = "lead" } } do n = n + 1 end
                return n
            end)
            return contacts == hubspot.contacts:count{}, companies == hubspot.companies:count{},
                   found == hubspot.contacts:count{ where = { lifecyclestage = "lead" } }
            """)
        #expect(out == ["true", "true", "true"])
        #expect(counter.maxInFlight > 1)
    }

    @Test func aFailureLetsTheOthersFinishThenRaisesTheFirst() async throws {
        let h = LuaHarness(seed: .empty)
        let out = try await h.run("""
            hubspot.contacts:create{ email = "taken@example.com" }
            local ok, err = pcall(hubspot.parallel,
                function() return hubspot.contacts:create{ email = "fine@example.com" } end,
                function() return hubspot.contacts:create{ email = "taken@example.com" } end,
                function() error("plain failure") end)
            local fine = hubspot.contacts:get("fine@example.com", { id_property = "email" })
            return ok, type(err), err.status, fine ~= nil
            """)
        #expect(out == ["false", "table", "409", "true"])
        let message = try await h.failure("hubspot.parallel(function() error('boom') end)")
        #expect(message.hasSuffix("boom"))
    }

    @Test func usersOwnCoroutinesKeepBlockingSemantics() async throws {
        let h = LuaHarness()
        let out = try await h.run("""
            local function pages()
                return coroutine.wrap(function()
                    local page = hubspot.companies:list{ limit = 5 }
                    coroutine.yield(#page.results)
                    page = hubspot.companies:list{ limit = 5, after = page.after }
                    coroutine.yield(#page.results)
                end)
            end
            local outside = {}
            for n in pages() do outside[#outside + 1] = n end
            local inside = hubspot.parallel(function()
                local got = {}
                for n in pages() do got[#got + 1] = n end
                return #got
            end)
            return #outside, inside
            """)
        #expect(out == ["2", "2"])
    }

    @Test func limiterKeepsABurstUnderTheAccountLimit() async throws {
        var options = SandboxOptions.unlimited
        options.rateLimitPerTenSeconds = 10
        let counter = CountingTransport.Box()
        let rejected = RejectionCounter()
        let h = LuaHarness(seed: .empty, options: options, clock: SteppedClock(),
                           wrap: { RejectionCountingTransport(CountingTransport($0, counter), rejected) },
                           configure: { $0.tier = .custom(requests: 10, per: .seconds(10)) })
        let out = try await h.run("""
            local items = {}
            for i = 1, 35 do items[i] = i end
            local done = hubspot.map(items, function(i) return hubspot.contacts:create{ email = "b" .. i .. "@example.com" }.email end,
                                     { concurrency = 8 })
            return #done, done[35]
            """)
        #expect(out == ["35", "b35@example.com"])
        #expect(rejected.count == 0)
        #expect(counter.total == 35)
    }

    @Test func batchChunksOverlapWithinTheClientsConcurrency() async throws {
        let counter = CountingTransport.Box()
        let h = LuaHarness(seed: .empty, wrap: { CountingTransport($0, counter, delay: .milliseconds(20)) },
                           configure: { $0.maxConcurrentRequests = 3 })
        let out = try await h.run("""
            local rows = {}
            for i = 1, 1000 do rows[i] = { email = "c" .. i .. "@example.com" } end
            local made = hubspot.contacts:create_many(rows)
            return #made, made[1000].email
            """)
        #expect(out == ["1000", "c1000@example.com"])
        #expect(counter.maxInFlight > 1)
        #expect(counter.maxInFlight <= 3)
    }

    @Test func nestedParallelAndBatchesInsideMap() async throws {
        let h = LuaHarness(seed: .empty)
        let out = try await h.run("""
            local groups = { { "n1", "n2" }, { "n3" }, { "n4", "n5", "n6" } }
            local sizes = hubspot.map(groups, function(names)
                local rows = {}
                for i, n in ipairs(names) do rows[i] = { email = n .. "@example.com" } end
                local made = hubspot.contacts:create_many(rows)
                local a, b = hubspot.parallel(function() return #made end, function() return hubspot.contacts:count{} >= #made end)
                return a
            end)
            return sizes[1], sizes[2], sizes[3], hubspot.contacts:count{}
            """)
        #expect(out == ["2", "1", "3", "6"])
    }

    @Test func mapRaisesTheFirstFailureAfterEveryItemRan() async throws {
        let h = LuaHarness(seed: .empty)
        let out = try await h.run("""
            local ok, err = pcall(hubspot.map, { 1, 2, 3, 4 }, function(i)
                if i == 2 then error("item two failed") end
                return hubspot.contacts:create{ email = "item" .. i .. "@example.com" }.id
            end, { concurrency = 2 })
            return ok, err:match("item two failed$") ~= nil, hubspot.contacts:count{}
            """)
        #expect(out == ["false", "true", "3"])
    }

    /// Runs `code` against requests that take 30 s, interrupts it after 0.2 s, and returns
    /// how it ended and how many of those requests ran to their end.
    func interruptedRun(_ code: String) async throws -> (message: String, delayed: Int) {
        let counter = CountingTransport.Box()
        let h = LuaHarness(wrap: { CountingTransport($0, counter, delay: .seconds(30)) })
        let message: String = try await onThread {
            let lua = try h.makeState()
            let handle = lua.interruptHandle
            Thread.detachNewThread {
                Thread.sleep(forTimeInterval: 0.2)
                handle.interrupt()
            }
            do {
                try lua.run(code, chunkName: "=test")
                return "not interrupted"
            } catch let error as LuaError {
                return "\(error.kind): \(error.message)"
            }
        }
        return (message, counter.delayed)
    }

    @Test func interruptStopsParallelRequests() async throws {
        let (message, delayed) = try await interruptedRun(
            "hubspot.parallel(function() return hubspot.contacts:count{} end, function() return hubspot.deals:count{} end)")
        #expect(message.hasPrefix("interrupted"))
        // The 30-second requests were cancelled, not waited out (no clock in the assertion).
        #expect(delayed == 0)
    }

    @Test func interruptStopsABlockedRequest() async throws {
        // A pcall in the script cannot swallow the interrupt.
        let (message, delayed) = try await interruptedRun("local ok, e = pcall(hubspot.contacts.count, hubspot.contacts, {}); return 1")
        #expect(message.hasPrefix("interrupted"))
        #expect(message.contains("interrupted!"))
        #expect(delayed == 0)
    }
}

final class RejectionCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var count: Int { lock.withLock { value } }
    func add() { lock.withLock { value += 1 } }
}

/// Counts 429s from the sandbox before the client's retry layer sees them.
struct RejectionCountingTransport: Transport {
    let base: any Transport
    let counter: RejectionCounter
    init(_ base: any Transport, _ counter: RejectionCounter) {
        self.base = base
        self.counter = counter
    }
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await base.send(request)
        if response.status == 429 { counter.add() }
        return response
    }
}
