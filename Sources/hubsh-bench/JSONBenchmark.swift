import Foundation
import LuaKit

/// JSON into Lua tables: hubsh's decoder (bytes straight onto the Lua stack) against
/// lua-cjson on a 100-record HubSpot search page (target: at most 1.5x cjson's time).
enum JSONBenchmark {
    static func run(_ arguments: [String]) throws -> [BenchmarkRow] {
        let lua = try LuaState()
        lua.setGlobal("page", hubSpotPage(records: 100))
        let hasCJSON = (try? lua.run("return pcall(require, 'cjson')", chunkName: "=b").first) == .boolean(true)
        guard hasCJSON else { throw BenchmarkError("lua-cjson is not installed (apt-get install lua-cjson)") }
        let iterations = 2_000
        let loop = { (decode: String) in
            "local decode, page = \(decode), page for i = 1, \(iterations) do local t = decode(page) end"
        }
        try lua.run("assert(require('hubsh.json').decode(page).results[100].properties.email)", chunkName: "=check")
        let hubsh = try Benchmarks.median(runs: 7) { try lua.run(loop("require('hubsh.json').decode"), chunkName: "=h") }
        let cjson = try Benchmarks.median(runs: 7) { try lua.run(loop("require('cjson').decode"), chunkName: "=c") }
        let bytes = hubSpotPage(records: 100).utf8.count
        return [BenchmarkRow(name: "JSON → Lua, 100-record page (\(bytes / 1024) KiB)", value: hubsh / Double(iterations) * 1e6,
                             unit: "µs/page", reference: cjson / Double(iterations) * 1e6, target: "<= 1.50x",
                             note: "vs lua-cjson decode")]
    }

    /// A search page shaped like HubSpot's: ids, ten string properties, timestamps.
    static func hubSpotPage(records: Int) -> String {
        let results = (0..<records).map { i -> String in
            let id = 1001 + i
            return """
            {"id":"\(id)","properties":{"createdate":"2024-03-\(10 + i % 18)T09:15:22.123Z","email":"person\(i)@example.com",\
            "firstname":"First\(i)","lastname":"Last\(i)","hs_object_id":"\(id)","lastmodifieddate":"2024-05-01T12:00:00.000Z",\
            "phone":"+1 555 01\(String(format: "%02d", i % 100))","company":"Company \(i % 17)","lifecyclestage":"lead",\
            "city":null},"createdAt":"2024-03-10T09:15:22.123Z","updatedAt":"2024-05-01T12:00:00.000Z","archived":false}
            """
        }
        return #"{"total":12345,"results":["# + results.joined(separator: ",") + #"],"paging":{"next":{"after":"100"}}}"#
    }
}
