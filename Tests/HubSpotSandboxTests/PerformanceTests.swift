import Foundation
import HubSpot
import Testing
@testable import HubSpotSandbox

/// Figures for the sandbox's hot paths. The 100,000-record run is opt-in
/// (`HUBSH_BENCH=1 swift test -c release --filter PerformanceTests`); the default run
/// uses 2,000 records so the suite stays fast.
@Suite struct PerformanceTests {
    static let full = ProcessInfo.processInfo.environment["HUBSH_BENCH"] == "1"

    func request(_ method: HTTPMethod, _ path: String, _ body: String? = nil) -> HTTPRequest {
        HTTPRequest(method: method, url: URL(string: "https://api.hubapi.com\(path)")!, headers: ["Authorization": "Bearer x"],
                    body: body.map { Data($0.utf8) })
    }

    @Test func singleFilterSearchOverManyContacts() async throws {
        let count = ProcessInfo.processInfo.environment["HUBSH_BENCH_COUNT"].flatMap(Int.init) ?? (Self.full ? 100_000 : 2_000)
        let sb = Sandbox(seed: .empty, options: .unlimited)
        let cities = ["Oslo", "Lima", "Pune", "Kyiv", "Quito", "Accra", "Hanoi", "Perth"]
        let loadStart = ContinuousClock.now
        for batch in 0..<(count / 100) {
            let inputs = (0..<100).map { i -> String in
                let n = batch * 100 + i
                return #"{"properties":{"email":"user\#(n)@example.com","firstname":"User\#(n)","lastname":"Number\#(n % 997)","city":"\#(cities[n % cities.count])"}}"#
            }.joined(separator: ",")
            let r = await sb.handle(request(.post, "/crm/v3/objects/contacts/batch/create", #"{"inputs":[\#(inputs)]}"#))
            #expect(r.status == 201)
        }
        let load = ContinuousClock.now - loadStart

        let body = #"{"filterGroups":[{"filters":[{"propertyName":"city","operator":"EQ","value":"oslo"}]}],"limit":100}"#
        var best = Duration.seconds(100)
        var total = 0
        for _ in 0..<5 {
            let start = ContinuousClock.now
            let r = await sb.handle(request(.post, "/crm/v3/objects/contacts/search", body))
            best = min(best, ContinuousClock.now - start)
            total = (try? JSONParser.parse(r.body))?["total"]?.intValue ?? 0
        }
        #expect(total == count / cities.count)

        let getStart = ContinuousClock.now
        let n = 2000
        for i in 0..<n { _ = await sb.handle(request(.get, "/crm/v3/objects/contacts/\(1001 + i % count)")) }
        let perGet = (ContinuousClock.now - getStart) / n
        print("sandbox perf: \(count) contacts loaded in \(load); single-filter search best \(best); GET by id \(perGet) each (\(Int(1.0 / (Double(perGet.components.attoseconds) / 1e18))) req/s on one thread)")
        if Self.full { #expect(best < .milliseconds(20)) }
    }
}
