import Foundation
import Testing
@testable import HubSpot

@Suite struct RateLimiterTests {
    @Test func burstIsSpreadOverWindows() async {
        let limiter = RateLimiter(capacity: 100, window: .seconds(10))
        var times: [Duration] = []
        for _ in 0..<250 { times.append(await limiter.reserve(now: .zero)) }
        #expect(times[0..<100].allSatisfy { $0 == .zero })
        #expect(times[100..<200].allSatisfy { $0 == .seconds(10) + limiter.margin })
        #expect(times[200..<250].allSatisfy { $0 == (.seconds(10) + limiter.margin) * 2 })
        // Every window holds at most 100: the 101st after any booking is a full window later.
        for i in 0..<(times.count - 100) { #expect(times[i + 100] - times[i] >= .seconds(10)) }
    }

    @Test func slotsFreeAsTimePasses() async {
        let limiter = RateLimiter(capacity: 2, window: .seconds(1), margin: .zero)
        #expect(await limiter.reserve(now: .zero) == .zero)
        #expect(await limiter.reserve(now: .milliseconds(500)) == .milliseconds(500))
        #expect(await limiter.reserve(now: .milliseconds(600)) == .seconds(1))
        #expect(await limiter.reserve(now: .seconds(5)) == .seconds(5))
    }

    @Test func headersCorrectTheLimiter() async {
        let limiter = RateLimiter(capacity: 100, window: .seconds(10), margin: .zero)
        await limiter.observe(["X-HubSpot-RateLimit-Max": "190", "X-HubSpot-RateLimit-Interval-Milliseconds": "10000"], now: .zero)
        #expect(await limiter.capacity == 190)
        // Another process used 150 of 190: only 40 are left now.
        await limiter.observe(["X-HubSpot-RateLimit-Remaining": "40"], now: .zero)
        #expect(await limiter.used(at: .zero) == 150)
        var immediate = 0
        for _ in 0..<60 where await limiter.reserve(now: .zero) == .zero { immediate += 1 }
        #expect(immediate == 40)
        // The same report again adds nothing.
        await limiter.observe(["X-HubSpot-RateLimit-Remaining": "0"], now: .zero)
        #expect(await limiter.used(at: .zero) == 190)
    }

    @Test func a429BlocksNewBookings() async {
        let limiter = RateLimiter(capacity: 100, window: .seconds(10))
        await limiter.block(until: .seconds(3))
        #expect(await limiter.reserve(now: .seconds(1)) == .seconds(3))
    }

    /// A server that enforces 100 requests per rolling 10 s on the virtual clock, answers
    /// with HubSpot's headers, and counts the 429s it had to send.
    final class LimitedServer: @unchecked Sendable {
        let lock = NSLock()
        var arrivals: [Duration] = []
        var rejected = 0
        let clock: any HubSpotClock
        let limit: Int
        init(clock: any HubSpotClock, limit: Int) { self.clock = clock; self.limit = limit }

        func handle(_ request: HTTPRequest) -> HTTPResponse {
            lock.withLock {
                let now = RateLimitTransport.bookedSendTime ?? clock.now()
                let recent = arrivals.filter { $0 > now - .seconds(10) }
                if recent.count >= limit {
                    rejected += 1
                    return Fixtures.response(429, #"{"status":"error","message":"ten secondly","category":"RATE_LIMITS","policyName":"TEN_SECONDLY_ROLLING","correlationId":"c"}"#,
                                             headers: ["X-HubSpot-RateLimit-Remaining": "0", "X-HubSpot-RateLimit-Max": "\(limit)"])
                }
                arrivals.append(now)
                return Fixtures.response(200, #"{"status":"COMPLETE","results":[],"startedAt":"x","completedAt":"y"}"#,
                                         headers: ["X-HubSpot-RateLimit-Remaining": "\(limit - recent.count - 1)", "X-HubSpot-RateLimit-Max": "\(limit)"])
            }
        }
    }

    @Test func concurrentChunksRunAsFastAsTheLimitAllowsAndNoFaster() async throws {
        let clock = SteppedClock()
        let server = LimitedServer(clock: clock, limit: 100)
        let mock = MockTransport { server.handle($0) }
        let client = Fixtures.client(mock, clock: clock)
        // 25,000 ids → 250 batch-read chunks sent concurrently.
        let ids = (1...25_000).map(String.init)
        let result = await client.objects(.contacts).batchRead(ids)
        #expect(result.outcomes.count == 25_000)
        #expect(server.rejected == 0)
        #expect(mock.count == 250)
        // Three windows: 0 s, ~10.2 s, ~20.4 s — never a fourth.
        #expect(clock.now() >= .seconds(20))
        #expect(clock.now() < .seconds(30))
    }

    @Test func searchesHaveTheirOwnPerSecondLimit() async throws {
        let clock = VirtualClock()
        let mock = MockTransport(json: #"{"total":0,"results":[]}"#)
        let client = Fixtures.client(mock, clock: clock)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 { group.addTask { _ = try await client.objects(.contacts).search(SearchRequest()) } }
            try await group.waitForAll()
        }
        #expect(mock.count == 12)
        #expect(clock.now() >= .seconds(2))
        #expect(clock.now() < .seconds(3))
    }
}

@Suite struct SearchClassificationTests {
    @Test func onlyObjectSearchesCountAgainstTheSearchLimit() {
        func post(_ path: String) -> HTTPRequest { HTTPRequest(method: .post, url: URL(string: "https://api.hubapi.com" + path)!) }
        #expect(RateLimitTransport.isSearch(post("/crm/v3/objects/contacts/search")))
        #expect(RateLimitTransport.isSearch(post("/crm/objects/2026-03/p_cars/search")))
        #expect(!RateLimitTransport.isSearch(post("/crm/v3/lists/search")))
        #expect(!RateLimitTransport.isSearch(HTTPRequest(method: .get, url: URL(string: "https://api.hubapi.com/crm/v3/objects/contacts/search")!)))
    }
}
