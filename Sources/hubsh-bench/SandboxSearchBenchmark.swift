import Foundation
import HubSpot
import HubSpotSandbox

/// A single-filter search over 100,000 contacts in the sandbox, in process (target:
/// under 20 ms).
enum SandboxSearchBenchmark {
    static func run(_ arguments: [String]) throws -> [BenchmarkRow] {
        let box = TimingBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await measure()
            done.signal()
        }
        done.wait()
        guard let (median, matches) = box.value else { throw BenchmarkError("search failed") }
        return [BenchmarkRow(name: "sandbox search, 100,000 contacts, one filter", value: median * 1000, unit: "ms",
                             reference: nil, target: "< 20 ms", note: "median of 21, \(matches) matches, first page of 100")]
    }

    private static func measure() async -> (Double, Int)? {
        let sandbox = Sandbox(seed: .empty, options: .unlimited)
        let base = URL(string: "http://sandbox.local") ?? URL(fileURLWithPath: "/")
        func send(_ method: HTTPMethod, _ path: String, _ body: String) async -> HTTPResponse {
            await sandbox.handle(HTTPRequest(method: method, url: base.appendingPathComponent(path),
                                             headers: ["Authorization": "Bearer bench", "Content-Type": "application/json"],
                                             body: Data(body.utf8)))
        }
        let stages = ["lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other", "subscriber"]
        for chunk in 0..<1000 {
            let inputs = (0..<100).map { i -> String in
                let n = chunk * 100 + i
                return #"{"properties":{"email":"c\#(n)@example.com","firstname":"F\#(n)","lifecyclestage":"\#(stages[n % 8])"}}"#
            }
            let response = await send(.post, "/crm/v3/objects/contacts/batch/create", #"{"inputs":["# + inputs.joined(separator: ",") + "]}")
            guard response.isSuccess else { return nil }
        }
        let query = #"{"filterGroups":[{"filters":[{"propertyName":"lifecyclestage","operator":"EQ","value":"customer"}]}],"limit":100}"#
        var samples: [Double] = []
        var total = 0
        for _ in 0..<21 {
            let start = DispatchTime.now().uptimeNanoseconds
            let response = await send(.post, "/crm/v3/objects/contacts/search", query)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            guard response.isSuccess else { return nil }
            if let json = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any], let t = json["total"] as? Int { total = t }
        }
        samples.sort()
        return (samples[samples.count / 2], total)
    }
}

private final class TimingBox: @unchecked Sendable {
    var value: (Double, Int)?
}
