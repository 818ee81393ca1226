import Foundation
import HubSpot
import Testing
@testable import HubSpotSandbox
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Rate limits (with an injected clock: no waiting), fault injection, latency, transport.
@Suite struct LimitsAndFaultsTests {
    func limited(perTen: Int = 5, search: Int = 2, daily: Int = 0) -> (Sandbox, ManualClock) {
        let clock = ManualClock(start: 1_705_314_600_000)
        let sb = Sandbox(seed: .empty, options: SandboxOptions(rateLimitPerTenSeconds: perTen, searchPerSecond: search, dailyLimit: daily,
                                                               clock: .manual(clock)))
        return (sb, clock)
    }

    @Test func tenSecondRollingWindow() async throws {
        let (sb, clock) = limited()
        for i in 0..<5 {
            let e = await call(sb, "GET", "/crm/v3/objects/contacts")
            #expect(e.status == 200)
            #expect(e.headers["X-HubSpot-RateLimit-Remaining"] == String(4 - i))
            #expect(e.headers["X-HubSpot-RateLimit-Max"] == "5")
            #expect(e.headers["X-HubSpot-RateLimit-Interval-Milliseconds"] == "10000")
            clock.advance(by: 1000)
        }
        let refused = await call(sb, "GET", "/crm/v3/objects/contacts", validate: false)
        #expect(refused.status == 429)
        #expect(refused["policyName"]?.stringValue == "TEN_SECONDLY_ROLLING")
        #expect(refused["errorType"]?.stringValue == "RATE_LIMIT")
        #expect(refused["message"]?.stringValue == "You have reached your ten_secondly_rolling limit.")
        #expect(refused["correlationId"]?.stringValue?.count == 36)
        #expect(refused.headers["Retry-After"] != nil)
        // The oldest request leaves the window 10 s after it was made.
        clock.advance(by: 5001)
        #expect(await call(sb, "GET", "/crm/v3/objects/contacts").status == 200)
    }

    @Test func searchSecondlyLimit() async throws {
        let (sb, clock) = limited(perTen: 100, search: 2)
        let body = #"{"filterGroups":[]}"#
        #expect(await call(sb, "POST", "/crm/v3/objects/contacts/search", body).status == 200)
        #expect(await call(sb, "POST", "/crm/v3/objects/contacts/search", body).status == 200)
        let refused = await call(sb, "POST", "/crm/v3/objects/contacts/search", body, validate: false)
        #expect(refused.status == 429)
        #expect(refused["policyName"]?.stringValue == "SECONDLY")
        // Other endpoints are not held back by the search limit.
        #expect(await call(sb, "GET", "/crm/v3/objects/contacts").status == 200)
        clock.advance(by: 1001)
        #expect(await call(sb, "POST", "/crm/v3/objects/contacts/search", body).status == 200)
    }

    @Test func dailyLimit() async throws {
        let (sb, clock) = limited(perTen: 0, search: 0, daily: 3)
        for _ in 0..<3 { #expect(await call(sb, "GET", "/crm/v3/objects/contacts").status == 200) }
        let refused = await call(sb, "GET", "/crm/v3/objects/contacts", validate: false)
        #expect(refused["policyName"]?.stringValue == "DAILY")
        clock.advance(by: 86_400_000)
        let next = await call(sb, "GET", "/crm/v3/objects/contacts")
        #expect(next.status == 200)
        #expect(next.headers["X-HubSpot-RateLimit-Daily-Remaining"] == "2")
    }

    @Test func faultsAreRepeatable() async throws {
        func statuses() async -> [Int] {
            var options = SandboxOptions.unlimited
            options.faults = FaultInjection(serverError: 0.2, badGateway: 0.1, serviceUnavailable: 0.1, tooManyRequests: 0.1, seed: 42)
            let sb = Sandbox(seed: .empty, options: options)
            var out: [Int] = []
            for _ in 0..<40 { out.append(await call(sb, "GET", "/crm/v3/objects/contacts", validate: false).status) }
            return out
        }
        let a = await statuses(), b = await statuses()
        #expect(a == b)
        #expect(Set(a).isSuperset(of: [200, 500]))
        #expect(a.filter { $0 != 200 }.count > 5)
    }

    @Test func droppedConnectionThrowsThroughTransport() async throws {
        var options = SandboxOptions.unlimited
        options.faults = FaultInjection(connectionDrop: 1.0)
        let transport = SandboxTransport(Sandbox(seed: .empty, options: options))
        let request = HTTPRequest(method: .get, url: URL(string: "https://api.hubapi.com/crm/v3/objects/contacts")!,
                                  headers: ["Authorization": "Bearer x"])
        await #expect(throws: URLError.self) { _ = try await transport.send(request) }
        let plain = SandboxTransport(makeSandbox())
        let ok = try await plain.send(request)
        #expect(ok.status == 200)
        #expect(ok.headers["Content-Type"]?.hasPrefix("application/json") == true)
    }

    @Test func slowFaultAndLatencyDelay() async throws {
        var options = SandboxOptions.unlimited
        options.faults = FaultInjection(slowResponse: 1.0, slowMilliseconds: 30)
        let sb = Sandbox(seed: .empty, options: options)
        let start = ContinuousClock.now
        #expect(await call(sb, "GET", "/crm/v3/objects/contacts").status == 200)
        #expect(ContinuousClock.now - start >= .milliseconds(30))
    }
}
