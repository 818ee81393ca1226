import Foundation
import HubSpot
import HubSpotSandbox

/// Writing and reading 20,000 records through the client against the sandbox with
/// 150 ms latency and a limit of 100 requests per 10 seconds (targets: at most 1.02x the
/// minimum of 200 requests, within 1.1x the time the limit allows, no 429 reaching the
/// caller), next to the same job done one request per record, as Directus' and
/// Camunda's HubSpot operations do it.
enum ThroughputBenchmark {
    static let records = 20_000
    static let latency = 150
    static let limit = 100

    static func run(_ arguments: [String]) throws -> [BenchmarkRow] {
        try blocking { try await measure() }
    }

    private static func measure() async throws -> [BenchmarkRow] {
        let sandbox = Sandbox(seed: .empty, options: SandboxOptions(latency: latency, rateLimitPerTenSeconds: limit))
        let counter = CountingTransport(base: SandboxTransport(sandbox))
        let client = HubSpotClient(configuration: HubSpotConfiguration(accessToken: "bench", tier: .free), base: counter)
        let contacts = client.objects(.contacts)
        let minimum = Double(records / 100)
        // The limit lets `limit` requests start per 10 s window; the last window's requests
        // then take one round trip.
        let allowed = { (requests: Int) in Double((requests + limit - 1) / limit - 1) * 10 + Double(latency) / 1000 }

        let inputs = (0..<records).map { BatchCreateInput(properties: ["email": "bench\($0)@example.com", "firstname": "Bench \($0)"]) }
        var start = Date()
        let created = await contacts.batchCreate(inputs)
        let writeTime = Date().timeIntervalSince(start)
        let writeCounts = counter.take()
        let ids = created.successes.map(\.id)
        guard created.isComplete, ids.count == records else { throw BenchmarkError("batch create lost records: \(created.failures.count) failures") }

        // Each phase starts with an empty rolling window, as a fresh cron run would.
        try await Task.sleep(for: .seconds(10.5))
        start = Date()
        let read = await contacts.batchRead(ids, properties: ["email"])
        let readTime = Date().timeIntervalSince(start)
        let readCounts = counter.take()
        guard read.isComplete, read.successes.count == records else { throw BenchmarkError("batch read lost records") }

        // One request per record: a sample, then the rate it allows extrapolated to 20,000.
        let sample = 300
        try await Task.sleep(for: .seconds(10.5))
        start = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<sample {
                group.addTask { _ = try await contacts.create(["email": "single\(i)@example.com"]) }
            }
            try await group.waitForAll()
        }
        let singleTime = Date().timeIntervalSince(start)
        let singleCounts = counter.take()
        let perRecord = singleTime / Double(sample) * Double(records)

        func row(_ name: String, _ time: Double, _ counts: (requests: Int, tooMany: Int)) -> [BenchmarkRow] {
            [
                BenchmarkRow(name: "\(name): requests", value: Double(counts.requests), unit: "requests", reference: minimum,
                             target: "<= 1.02x", note: "\(counts.tooMany) 429s from the server, 0 to the caller"),
                BenchmarkRow(name: "\(name): time", value: time, unit: "s", reference: allowed(counts.requests),
                             target: "<= 1.10x", note: "vs the time 100 per 10 s allows"),
            ]
        }
        return row("write 20,000 (batch create)", writeTime, writeCounts)
            + row("read 20,000 (batch read)", readTime, readCounts)
            + [BenchmarkRow(name: "write 20,000 one request per record", value: perRecord, unit: "s", reference: writeTime,
                            target: "-", note: "extrapolated from \(sample) creates (\(singleCounts.tooMany) 429s); reference: batch")]
    }

    /// Runs async work from the synchronous benchmark program and waits for it.
    private static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        guard let result = box.result else { throw BenchmarkError("no result") }
        return try result.get()
    }
}

/// Counts the requests that reach the sandbox and the 429s it answers.
private final class CountingTransport: Transport, @unchecked Sendable {
    private let base: any Transport
    private let lock = NSLock()
    private var requests = 0
    private var tooMany = 0

    init(base: any Transport) { self.base = base }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await base.send(request)
        lock.withLock {
            requests += 1
            if response.status == 429 { tooMany += 1 }
        }
        return response
    }

    func take() -> (requests: Int, tooMany: Int) {
        lock.withLock {
            defer { requests = 0; tooMany = 0 }
            return (requests, tooMany)
        }
    }
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, Error>?
}
