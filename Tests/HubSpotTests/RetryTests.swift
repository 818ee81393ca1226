import Foundation
import Testing
@testable import HubSpot

@Suite struct RetryTests {
    struct Reset: Error {}

    /// Answers with `statuses` in turn (an Int status, or nil to drop the connection), then 200.
    static func scripted(_ statuses: [Int?], body: String = #"{"id":"1","properties":{},"archived":false}"#,
                         headers: HTTPHeaders = [:]) -> MockTransport {
        let counter = Counter()
        return MockTransport { _ in
            let n = counter.next() - 1
            guard n < statuses.count else { return Fixtures.response(200, body) }
            guard let status = statuses[n] else { throw Reset() }
            let json = status == 429
                ? #"{"status":"error","message":"You have reached your ten_secondly_rolling limit.","category":"RATE_LIMITS","policyName":"TEN_SECONDLY_ROLLING","correlationId":"c"}"#
                : #"{"status":"error","message":"oops","category":"INTERNAL_ERROR","correlationId":"c"}"#
            return Fixtures.response(status, json, headers: headers)
        }
    }

    @Test func rateLimitedRequestsAreRetriedAfterRetryAfter() async throws {
        let mock = Self.scripted([429, 429], headers: ["Retry-After": "2"])
        let clock = VirtualClock()
        let client = Fixtures.client(mock, clock: clock)
        // A create is retried after a 429: HubSpot did not process it.
        let created = try await client.objects(.contacts).create(["email": "a@b.c"])
        #expect(created.id == "1")
        #expect(mock.count == 3)
        #expect(clock.now() >= .seconds(4))
    }

    @Test func dailyLimitIsNotRetried() async throws {
        let mock = MockTransport { _ in
            Fixtures.response(429, #"{"status":"error","message":"You have reached your daily limit.","category":"RATE_LIMITS","policyName":"DAILY","correlationId":"c"}"#)
        }
        let client = Fixtures.client(mock)
        let error = await #expect(throws: HubSpotError.self) { _ = try await client.objects(.contacts).get("1") }
        #expect(error?.status == 429)
        #expect(error?.policyName == "DAILY")
        #expect(mock.count == 1)
    }

    @Test func exhaustedRetriesSurfaceThe429() async throws {
        let mock = Self.scripted(Array(repeating: 429, count: 10))
        let client = Fixtures.client(mock) { $0.maxRetries = 3 }
        let error = await #expect(throws: HubSpotError.self) { _ = try await client.objects(.contacts).get("1") }
        #expect(error?.category == "RATE_LIMITS")
        #expect(mock.count == 4)
    }

    @Test(arguments: [500, 502, 503, 504])
    func serverErrorsAreRetriedForReads(status: Int) async throws {
        let mock = Self.scripted([status, status])
        let clock = VirtualClock()
        let client = Fixtures.client(mock, clock: clock)
        _ = try await client.objects(.contacts).get("1")
        #expect(mock.count == 3)
        // Backoff: 0.25–0.5 s, then 0.5–1 s.
        let sleeps = clock.requestedSleeps.filter { $0 > .zero }
        #expect(sleeps.count == 2)
        #expect(sleeps[0] >= .milliseconds(250) && sleeps[0] <= .milliseconds(500))
        #expect(sleeps[1] >= .milliseconds(500) && sleeps[1] <= .seconds(1))
    }

    @Test(arguments: [500, 502, 503, 504])
    func createsAreNotRetriedAfterAServerError(status: Int) async throws {
        let mock = Self.scripted([status])
        let client = Fixtures.client(mock)
        let error = await #expect(throws: HubSpotError.self) { _ = try await client.objects(.contacts).create(["email": "a@b.c"]) }
        #expect(error?.status == status)
        #expect(mock.count == 1)
    }

    @Test func createsAreNotRetriedAfterAConnectionReset() async throws {
        let mock = Self.scripted([nil])
        let client = Fixtures.client(mock)
        let error = await #expect(throws: HubSpotError.self) { _ = try await client.objects(.contacts).create(["email": "a@b.c"]) }
        #expect(error?.kind == .transport)
        #expect(mock.count == 1)
        let batchMock = Self.scripted([nil])
        let batch = await Fixtures.client(batchMock).objects(.contacts).batchCreate([BatchCreateInput(properties: ["email": "x@y.z"])])
        #expect(batch.failures.count == 1)
        #expect(batch.failures.first?.error.kind == .transport)
        #expect(batchMock.count == 1)
    }

    @Test func safePostsAreRetriedAfterAConnectionReset() async throws {
        for make in [
            { (c: HubSpotClient) async throws in _ = try await c.objects(.contacts).search(SearchRequest()) },
            { (c: HubSpotClient) async throws in _ = await c.objects(.contacts).batchRead(["1"]) },
            { (c: HubSpotClient) async throws in _ = await c.objects(.contacts).batchUpdate([BatchUpdateInput(id: "1", properties: [:])]) },
            { (c: HubSpotClient) async throws in _ = try await c.objects(.contacts).update("1", ["a": "b"]) },
            { (c: HubSpotClient) async throws in try await c.objects(.contacts).archive("1") },
        ] {
            let mock = Self.scripted([nil, 503], body: #"{"results":[],"total":0,"status":"COMPLETE"}"#)
            let client = Fixtures.client(mock)
            try? await make(client)
            #expect(mock.count == 3)
        }
    }

    @Test func policyClassification() {
        let policy = RetryPolicy()
        func request(_ method: HTTPMethod, _ path: String) -> HTTPRequest {
            HTTPRequest(method: method, url: URL(string: "https://api.hubapi.com" + path)!)
        }
        #expect(policy.isRetrySafe(request(.get, "/crm/v3/objects/contacts")))
        #expect(policy.isRetrySafe(request(.put, "/crm/v4/objects/contacts/1/associations/default/companies/2")))
        #expect(policy.isRetrySafe(request(.delete, "/crm/v3/objects/contacts/1")))
        #expect(policy.isRetrySafe(request(.post, "/crm/v3/objects/contacts/search")))
        #expect(policy.isRetrySafe(request(.post, "/crm/v3/objects/contacts/batch/read")))
        #expect(policy.isRetrySafe(request(.post, "/crm/v3/objects/contacts/batch/upsert")))
        #expect(!policy.isRetrySafe(request(.post, "/crm/v3/objects/contacts")))
        #expect(!policy.isRetrySafe(request(.post, "/crm/v3/objects/contacts/batch/create")))
        #expect(!policy.isRetrySafe(request(.post, "/crm/v3/objects/contacts/merge")))
        #expect(!policy.isRetrySafe(request(.post, "/submissions/v3/integration/submit/1/abc")))
        #expect(!policy.isRetrySafe(request(.post, "/automation/v2/workflows/1/enrollments/contacts/a@b.c")))
    }

    @Test func deadlineStopsWaiting() async throws {
        let mock = Self.scripted([429], headers: ["Retry-After": "30"])
        let client = Fixtures.client(mock) { $0.deadline = .seconds(10) }
        let error = await #expect(throws: HubSpotError.self) { _ = try await client.objects(.contacts).get("1") }
        #expect(error?.kind == .deadlineExceeded)
        #expect(mock.count == 1)
        #expect("\(error!)".contains("exceeded its deadline"))
    }

    @Test func transportAndDeadlineFailuresAreDistinct() async throws {
        let reset = Fixtures.client(Self.scripted([nil, nil, nil, nil, nil, nil, nil]))
        let error = await #expect(throws: HubSpotError.self) { _ = try await reset.objects(.contacts).get("1") }
        #expect(error?.kind == .transport)
        #expect(error?.status == nil)
    }
}
