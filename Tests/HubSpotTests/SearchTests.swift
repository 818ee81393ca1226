import Foundation
import Testing
@testable import HubSpot

@Suite struct SearchTests {
    @Test func bodyUsesSortObjectsAndEveryOperator() async throws {
        let mock = MockTransport(json: #"{"total":0,"results":[]}"#)
        let client = Fixtures.client(mock)
        let filters: [Filter] = [
            Filter("a", .eq, "1"), Filter("b", .neq, "2"), Filter("c", .lt, "3"), Filter("d", .lte, "4"),
            Filter("e", .gt, "5"), Filter("f", .gte, "6"),
        ]
        let more: [Filter] = [
            Filter("g", .between, "1", "9"), Filter("h", .in, values: ["x", "y"]), Filter("i", .notIn, values: ["z"]),
            Filter("j", .hasProperty), Filter("k", .notHasProperty), Filter("l", .containsToken, "*@x.com"),
        ]
        var search = SearchRequest(filterGroups: [FilterGroup(filters), FilterGroup(more + [Filter("m", .notContainsToken, "spam")].prefix(0)),
                                                  FilterGroup([Filter("m", .notContainsToken, "spam")])],
                                   query: "ada", sorts: [SearchSort("createdate", .descending)], properties: ["email"], limit: 200, after: "200")
        _ = try await client.objects(.contacts).search(search)
        let body = try #require(Fixtures.json(mock.last?.body))
        #expect(body["sorts"] == [["propertyName": "createdate", "direction": "DESCENDING"]])
        #expect(body["query"] == "ada")
        #expect(body["limit"] == 200)
        #expect(body["after"] == "200")
        let sent = (body["filterGroups"]?.arrayValue ?? []).flatMap { $0["filters"]?.arrayValue ?? [] }
        #expect(Set(sent.compactMap { $0["operator"]?.stringValue }) == Set(Filter.Operator.allCases.map(\.rawValue)))
        #expect(sent.first { $0["operator"] == "BETWEEN" } == ["propertyName": "g", "operator": "BETWEEN", "value": "1", "highValue": "9"])
        #expect(sent.first { $0["operator"] == "IN" } == ["propertyName": "h", "operator": "IN", "values": ["x", "y"]])
        #expect(sent.first { $0["operator"] == "HAS_PROPERTY" } == ["propertyName": "j", "operator": "HAS_PROPERTY"])
        #expect(mock.last?.url.path == "/crm/v3/objects/contacts/search")
        search.after = nil
        #expect(Fixtures.json(try client.objects(.contacts).searchRequest(search).body)?["after"] == nil)
    }

    @Test func limitsAreEnforcedBeforeSending() async throws {
        let mock = MockTransport(json: #"{"total":0,"results":[]}"#)
        let client = Fixtures.client(mock)
        let one = Filter("a", .eq, "1")
        let cases: [(SearchRequest, String)] = [
            (SearchRequest(filterGroups: Array(repeating: FilterGroup([one]), count: 6)), "6 filter groups"),
            (SearchRequest(filterGroups: [FilterGroup(Array(repeating: one, count: 7))]), "7 filters; HubSpot allows at most 6 per group"),
            (SearchRequest(filterGroups: Array(repeating: FilterGroup(Array(repeating: one, count: 4)), count: 5)), "20 filters in all"),
            (SearchRequest(limit: 201), "limit 201"),
            (SearchRequest(limit: 0), "limit 0"),
            (SearchRequest(limit: 100, after: "9901"), "10000-result cap"),
            (SearchRequest(filterGroups: [FilterGroup([Filter("a", .between, "1")])]), "BETWEEN needs"),
            (SearchRequest(filterGroups: [FilterGroup([Filter("a", .in, values: [])])]), "non-empty list"),
            (SearchRequest(filterGroups: [FilterGroup([Filter("a", .eq)])]), "EQ needs a value"),
        ]
        for (search, text) in cases {
            let error = await #expect(throws: HubSpotError.self) { _ = try await client.objects(.contacts).search(search) }
            #expect(error?.kind == .invalidRequest)
            #expect(error?.message.contains(text) == true, "\(error?.message ?? "") should mention \(text)")
        }
        #expect(mock.count == 0)
        // 5 groups, 18 filters, limit 200, after 9800: allowed.
        let edge = SearchRequest(filterGroups: (0..<5).map { FilterGroup(Array(repeating: one, count: $0 < 3 ? 4 : 3)) }, limit: 200, after: "9800")
        _ = try await client.objects(.contacts).search(edge)
        #expect(mock.count == 1)
    }

    @Test func searchAllReadsPastTheCapByKeyset() async throws {
        let engine = SearchEngine(count: 25_000)
        let mock = engine.transport
        let client = Fixtures.client(mock)
        var seen: [Int] = []
        for try await record in client.objects(.contacts).searchAll(SearchRequest(limit: 200)) { seen.append(Int(record.id) ?? -1) }
        #expect(seen == Array(1...25_000))
        #expect(mock.count == 125)
        // Every request stayed under the cap, sorted by hs_object_id, and the restarts used GT the last id.
        let bodies = engine.bodies
        #expect(bodies.allSatisfy { $0["sorts"] == [["propertyName": "hs_object_id", "direction": "ASCENDING"]] })
        let keyed = bodies.compactMap { $0["filterGroups"]?.arrayValue?.first?["filters"]?.arrayValue?.last?["value"]?.stringValue }
        #expect(Set(keyed) == ["10000", "20000"])
    }

    @Test func searchAllAddsTheKeyToEveryGroup() async throws {
        let engine = SearchEngine(count: 40_000)
        let client = Fixtures.client(engine.transport)
        // bucket 0 OR bucket 1: 26,667 matches.
        let search = SearchRequest(filterGroups: [FilterGroup([Filter("bucket", .eq, "0")]), FilterGroup([Filter("bucket", .eq, "1")])], limit: 200)
        var count = 0
        var last = 0
        for try await record in client.objects(.contacts).searchAll(search) {
            let id = Int(record.id) ?? 0
            #expect(id > last)
            #expect(id % 3 != 2)
            last = id
            count += 1
        }
        #expect(count == 26_667)
        let restarted = engine.bodies.filter { ($0["filterGroups"]?.arrayValue?.first?["filters"]?.arrayValue?.count ?? 0) == 2 }
        #expect(!restarted.isEmpty)
        #expect(restarted.allSatisfy { ($0["filterGroups"]?.arrayValue ?? []).allSatisfy { $0["filters"]?.arrayValue?.last?["operator"] == "GT" } })
    }

    @Test func descendingKeySortIsKept() async throws {
        let engine = SearchEngine(count: 10_500)
        let client = Fixtures.client(engine.transport)
        var ids: [Int] = []
        for try await record in client.objects(.contacts).searchAll(SearchRequest(sorts: [SearchSort("hs_object_id", .descending)], limit: 200)) {
            ids.append(Int(record.id) ?? 0)
        }
        #expect(ids == Array((1...10_500).reversed()))
    }

    @Test func userSortPastTheCapFailsClearly() async throws {
        let engine = SearchEngine(count: 12_000)
        let client = Fixtures.client(engine.transport)
        let sorted = SearchRequest(sorts: [SearchSort("createdate", .descending)], limit: 200)
        let error = await #expect(throws: HubSpotError.self) {
            for try await _ in client.objects(.contacts).searchAll(sorted) {}
        }
        #expect(error?.message.contains("sorts by createdate") == true)
        #expect(error?.message.contains("12000") == true)
        // Under the cap, the user's sort is fine.
        let small = SearchEngine(count: 500)
        let smallClient = Fixtures.client(small.transport)
        #expect(try await smallClient.objects(.contacts).searchAll(sorted).reduce(0) { n, _ in n + 1 } == 500)
    }

    @Test func fullGroupsPastTheCapFailClearly() async throws {
        let engine = SearchEngine(count: 12_000)
        let client = Fixtures.client(engine.transport)
        let crowded = SearchRequest(filterGroups: [FilterGroup(Array(repeating: Filter("bucket", .neq, "9"), count: 6))], limit: 200)
        let error = await #expect(throws: HubSpotError.self) {
            for try await _ in client.objects(.contacts).searchAll(crowded) {}
        }
        #expect(error?.message.contains("group 1 already has 6 filters") == true)
        let total = SearchRequest(filterGroups: Array(repeating: FilterGroup(Array(repeating: Filter("bucket", .neq, "9"), count: 4)), count: 4)
                                  + [FilterGroup([Filter("bucket", .neq, "9"), Filter("bucket", .neq, "9")])], limit: 200)
        let error2 = await #expect(throws: HubSpotError.self) {
            for try await _ in client.objects(.contacts).searchAll(total) {}
        }
        #expect(error2?.message.contains("would make 23 filters") == true)
    }

    @Test func countAndFirst() async throws {
        let engine = SearchEngine(count: 42)
        let client = Fixtures.client(engine.transport)
        #expect(try await client.objects(.contacts).count(SearchRequest()) == 42)
        #expect(try await client.objects(.contacts).first(SearchRequest(where: [Filter("hs_object_id", .gt, "40")]))?.id == "41")
    }
}
