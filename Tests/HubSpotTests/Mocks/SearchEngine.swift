import Foundation
import HubSpot

/// A tiny HubSpot search engine over `count` records with numeric ids 1…count and a
/// `bucket` property (id mod 3), which enforces the 10,000-result cap and the filter limits.
final class SearchEngine: @unchecked Sendable {
    let count: Int
    private let lock = NSLock()
    private(set) var bodies: [JSONValue] = []
    private var cache: [Data: [Int]] = [:]

    init(count: Int) { self.count = count }

    var transport: MockTransport {
        MockTransport { [self] request in handle(request) }
    }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        guard let body = Fixtures.json(request.body) else { return Fixtures.response(400, #"{"message":"no body","category":"VALIDATION_ERROR"}"#) }
        lock.withLock { bodies.append(body) }
        var limit = 10
        if case .number(let n)? = body["limit"] { limit = Int(n) }
        let after = Int(body["after"]?.stringValue ?? "0") ?? 0
        if after + limit > 10_000 {
            return Fixtures.response(400, #"{"status":"error","message":"after + limit past 10000","category":"VALIDATION_ERROR","correlationId":"c"}"#)
        }
        let groups = body["filterGroups"]?.arrayValue ?? []
        let filterCount = groups.reduce(0) { $0 + ($1["filters"]?.arrayValue?.count ?? 0) }
        if groups.count > 5 || filterCount > 18 || groups.contains(where: { ($0["filters"]?.arrayValue?.count ?? 0) > 6 }) {
            return Fixtures.response(400, #"{"status":"error","message":"too many filters","category":"VALIDATION_ERROR","correlationId":"c"}"#)
        }
        struct Condition { let onBucket: Bool; let op: String; let value: Int }
        let parsed: [[Condition]] = groups.map { group in
            (group["filters"]?.arrayValue ?? []).map { filter in
                Condition(onBucket: filter["propertyName"]?.stringValue == "bucket", op: filter["operator"]?.stringValue ?? "",
                          value: Int(filter["value"]?.stringValue ?? "") ?? 0)
            }
        }
        func matches(_ id: Int) -> Bool {
            if parsed.isEmpty { return true }
            return parsed.contains { group in
                group.allSatisfy { c in
                    let actual = c.onBucket ? id % 3 : id
                    switch c.op {
                    case "EQ": return actual == c.value
                    case "NEQ": return actual != c.value
                    case "GT": return actual > c.value
                    case "LT": return actual < c.value
                    default: return true
                    }
                }
            }
        }
        // Pages of one run share their filters: scan once per distinct filter set.
        let key = JSONValue.object(["f": body["filterGroups"] ?? .null, "s": body["sorts"] ?? .null]).encoded()
        let ids: [Int]
        if let cached = lock.withLock({ cache[key] }) {
            ids = cached
        } else {
            var found = (1...count).filter(matches)
            if body["sorts"]?.arrayValue?.first?["direction"]?.stringValue == "DESCENDING" { found.reverse() }
            lock.withLock { cache[key] = found }
            ids = found
        }
        let page = ids.dropFirst(after).prefix(limit)
        let results = page.map { Fixtures.object(String($0), ["bucket": String($0 % 3)]) }.joined(separator: ",")
        let next = after + limit < ids.count ? #","paging":{"next":{"after":"\#(after + limit)"}}"# : ""
        return Fixtures.response(200, #"{"total":\#(ids.count),"results":[\#(results)]\#(next)}"#)
    }
}
