import Foundation
import Testing
import HubSpotSandbox
@testable import HubSpot

/// The sandbox enforcing HubSpot's limits and injecting faults, on the client's virtual clock.
@Suite struct SandboxLimitsTests {
    @Test func aBurstNeverMeetsA429() async throws {
        var options = SandboxOptions()
        options.rateLimitPerTenSeconds = 100
        options.searchPerSecond = 5
        let h = SandboxHarness(seed: .empty, options: options, checkSpecs: true, clock: SteppedClock())
        let contacts = h.client.objects(.contacts)
        // 300 batch reads (30,000 ids) at once, and 20 searches.
        let ids = (1...30_000).map(String.init)
        async let reads = contacts.batchRead(ids)
        async let searches: Void = withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 { group.addTask { _ = try await contacts.search(SearchRequest(limit: 1)) } }
            try await group.waitForAll()
        }
        let result = await reads
        try await searches
        #expect(result.outcomes.count == 30_000)
        #expect(result.failures.allSatisfy { $0.error.status != 429 })
        // 320 requests at 100 per 10 s need three waits of one window (+2% margin) each, and
        // searches landing in the last window are spaced 5 per second: 30.6 s to 33.75 s.
        // Never a fifth window. (The exact schedule is pinned in RateLimiterTests.)
        #expect(h.clock.now() >= .seconds(30))
        #expect(h.clock.now() < .milliseconds(40_800))
        #expect(h.checker.rateLimitedCount == 0)
        #expect(h.checker.problems == [])
    }

    @Test func readsSurviveInjectedFaults() async throws {
        var options = SandboxOptions.unlimited
        options.faults = FaultInjection(serverError: 0.15, badGateway: 0.1, serviceUnavailable: 0.1, tooManyRequests: 0.1,
                                        connectionDrop: 0.1, seed: 42)
        let h = SandboxHarness(seed: .demo, options: options, checkSpecs: false) { $0.maxRetries = 8 }
        for _ in 0..<30 {
            let page = try await h.client.objects(.contacts).list(limit: 5)
            #expect(page.results.count == 5)
        }
    }

    @Test func createsAreNeverDuplicatedByRetries() async throws {
        var options = SandboxOptions.unlimited
        options.faults = FaultInjection(serverError: 0.2, badGateway: 0.2, connectionDrop: 0.2, seed: 7)
        let h = SandboxHarness(seed: .empty, options: options, checkSpecs: false) { $0.maxRetries = 10 }
        var failures = 0
        for i in 0..<40 {
            do { _ = try await h.client.objects(.companies).create(["name": "Co\(i)"]) }
            catch let error as HubSpotError {
                #expect(error.kind == .transport || (error.status ?? 0) >= 500)
                failures += 1
            }
        }
        #expect(failures > 0)
        // Read back what the sandbox holds, with faults still on (reads are retried): no name twice.
        let names = try await h.client.objects(.companies).all(properties: ["name"]).collect().compactMap { $0[property: "name"] }
        #expect(names.count == Set(names).count)
        #expect(names.count >= 40 - failures)
    }
}
