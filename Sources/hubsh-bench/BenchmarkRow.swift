import Foundation

/// One line of scripts/bench's table.
struct BenchmarkRow {
    var name: String
    var value: Double
    var unit: String
    var reference: Double?
    var target: String
    var note: String

    var line: String {
        let ratio = reference.map { $0 > 0 ? String(format: "%.2fx", value / $0) : "-" } ?? "-"
        let referenceText = reference.map { format($0) } ?? "-"
        return [name, format(value), unit, referenceText, ratio, target, note].joined(separator: "\t")
    }

    private func format(_ x: Double) -> String { x >= 100 ? String(format: "%.0f", x) : String(format: "%.2f", x) }
}

enum Benchmarks {
    static let all: [String: @Sendable ([String]) throws -> [BenchmarkRow]] = [
        "call": CallBenchmark.run,
        "startup": StartupBenchmark.run,
        "json": JSONBenchmark.run,
        "throughput": ThroughputBenchmark.run,
        "search": SandboxSearchBenchmark.run,
    ]

    /// The median of `runs` timings of `body`, in seconds.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        samples.sort()
        return samples[samples.count / 2]
    }
}
