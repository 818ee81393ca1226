import Foundation
import Testing
@testable import HubSpot

@Suite struct BatchTests {
    /// A batch server: answers results shuffled (HubSpot does not keep order), echoing trace ids,
    /// failing inputs whose id or email starts with "bad" (207), and whole chunks whose first input is "boom" (500).
    static func server() -> MockTransport {
        MockTransport { request in
            guard let body = Fixtures.json(request.body), case .array(let inputs)? = body["inputs"] else {
                return Fixtures.response(400, #"{"status":"error","message":"no inputs","correlationId":"c","category":"VALIDATION_ERROR"}"#)
            }
            if inputs.first?["id"]?.stringValue == "boom" || inputs.first?["properties"]?["email"]?.stringValue == "boom" {
                return Fixtures.response(500, #"{"status":"error","message":"internal","correlationId":"c","category":"INTERNAL_ERROR"}"#)
            }
            if request.url.path.hasSuffix("/batch/archive") { return HTTPResponse(status: 204) }
            var results: [String] = []
            var errors: [String] = []
            for input in inputs {
                let id = input["id"]?.stringValue ?? "new-\(input["objectWriteTraceId"]?.stringValue ?? "?")"
                let email = input["properties"]?["email"]?.stringValue
                if id.hasPrefix("bad") || email?.hasPrefix("bad") == true {
                    let key = email ?? id
                    errors.append(#"{"status":"error","category":"VALIDATION_ERROR","message":"invalid \#(key)","context":{"ids":["\#(key)"]},"errors":[],"links":{}}"#)
                } else {
                    results.append(Fixtures.object(id, email.map { ["email": $0] } ?? [:], trace: input["objectWriteTraceId"]?.stringValue))
                }
            }
            results.reverse()
            let status = errors.isEmpty ? (request.url.path.hasSuffix("/create") ? 201 : 200) : 207
            let errorsField = errors.isEmpty ? "" : #","errors":[\#(errors.joined(separator: ","))],"numErrors":\#(errors.count)"#
            return Fixtures.response(status, #"{"status":"COMPLETE","startedAt":"s","completedAt":"c","results":[\#(results.joined(separator: ","))]\#(errorsField)}"#)
        }
    }

    @Test func readIsChunkedBy100AndKeepsInputOrder() async throws {
        let mock = Self.server()
        let client = Fixtures.client(mock)
        let ids = (1...250).map { String($0) }
        let result = await client.objects(.contacts).batchRead(ids, properties: ["email"])
        #expect(mock.count == 3)
        let sizes = mock.requests.compactMap { Fixtures.json($0.body)?["inputs"]?.arrayValue?.count }.sorted()
        #expect(sizes == [50, 100, 100])
        #expect(result.isComplete)
        #expect(result.successes.map(\.id) == ids)
        let body = try #require(Fixtures.json(mock.requests.first?.body))
        #expect(body["properties"] == ["email"])
        #expect(body["propertiesWithHistory"] == [])
    }

    @Test func partialFailureKeepsTheSuccesses() async throws {
        let mock = Self.server()
        let client = Fixtures.client(mock)
        let ids = ["1", "bad-2", "3", "bad-4", "5"]
        let result = await client.objects(.contacts).batchRead(ids)
        #expect(result.successes.map(\.id) == ["1", "3", "5"])
        #expect(result.failures.map(\.index) == [1, 3])
        #expect(result.failures[0].error.message == "invalid bad-2")
        #expect(result.failures[0].error.status == 207)
        #expect(!result.isComplete)
        #expect(throws: HubSpotError.self) { _ = try result.get() }
    }

    @Test func createMatchesByTraceIdAcrossChunks() async throws {
        let mock = Self.server()
        let client = Fixtures.client(mock)
        let inputs = (0..<205).map { BatchCreateInput(properties: ["email": $0 == 150 ? "bad@x" : "u\($0)@x"]) }
        let result = await client.objects(.contacts).batchCreate(inputs)
        #expect(result.outcomes.count == 205)
        #expect(result.failures.map(\.index) == [150])
        for (index, outcome) in result.outcomes.enumerated() where index != 150 {
            #expect(outcome.value?[property: "email"] == "u\(index)@x")
        }
        // Trace ids are global input indices.
        let traces = mock.requests.flatMap { Fixtures.json($0.body)?["inputs"]?.arrayValue ?? [] }.compactMap { $0["objectWriteTraceId"]?.stringValue }
        #expect(Set(traces) == Set((0..<205).map(String.init)))
        if SpecPaths.available { #expect(mock.requests.allSatisfy(SpecPaths.knows)) }
    }

    @Test func aFailedChunkDoesNotLoseTheOthers() async throws {
        let mock = Self.server()
        let client = Fixtures.client(mock)
        var inputs = (0..<300).map { BatchUpdateInput(id: "\($0)", properties: ["a": "b"]) }
        inputs[100] = BatchUpdateInput(id: "boom", properties: [:])  // first of the second chunk
        let result = await client.objects(.contacts).batchUpdate(inputs)
        #expect(result.successes.count == 200)
        #expect(result.failures.map(\.index) == Array(100..<200))
        #expect(result.failures.allSatisfy { $0.error.status == 500 })
        // Batch update is retry-safe: the failing chunk was tried 1 + maxRetries times.
        #expect(mock.count == 2 + 6)
    }

    @Test func upsertSendsIdProperty() async throws {
        let mock = Self.server()
        let client = Fixtures.client(mock)
        let result = await client.objects(.contacts).batchUpsert([BatchUpdateInput(id: "a@x", properties: ["email": "a@x"])], idProperty: "email")
        #expect(result.isComplete)
        let input = try #require(Fixtures.json(mock.last?.body)?["inputs"]?.arrayValue?.first)
        #expect(input["idProperty"] == "email")
        #expect(input["id"] == "a@x")
        #expect(mock.last?.url.path == "/crm/v3/objects/contacts/batch/upsert")
    }

    @Test func archiveReportsEachId() async throws {
        let mock = Self.server()
        let client = Fixtures.client(mock)
        let result = await client.objects(.deals).batchArchive((1...150).map(String.init))
        #expect(result.successes == (1...150).map(String.init))
        #expect(mock.count == 2)
    }

    @Test func sendAllKeepsOrderAndIsolatesFailures() async throws {
        let mock = MockTransport { request in
            request.url.path.hasSuffix("/2") ? Fixtures.response(404, #"{"message":"nope","category":"OBJECT_NOT_FOUND","correlationId":"c"}"#)
                                             : Fixtures.response(200, Fixtures.object(request.url.lastPathComponent))
        }
        let client = Fixtures.client(mock)
        let requests = (1...3).map { client.objects(.contacts).getRequest(String($0)) }
        let results = await client.sendAll(requests)
        #expect(results.count == 3)
        #expect((try? results[0].get().status) == 200)
        #expect(results[1].failureValue?.isNotFound == true)
        #expect((try? results[2].get().status) == 200)
    }
}

extension Result {
    var failureValue: Failure? { if case .failure(let e) = self { return e } else { return nil } }
}

@Suite struct ChunkedRawTests {
    @Test func rawChunksCarryGlobalTraceIds() async throws {
        let mock = BatchTests.server()
        let client = Fixtures.client(mock)
        let contacts = client.objects(.contacts)
        let inputs = (0..<250).map { BatchCreateInput(properties: ["email": "u\($0)@x"]) }
        let chunks = await client.sendChunked(inputs.count) { range in
            contacts.batchCreateRequest(Array(inputs[range]), offset: range.lowerBound)
        }
        #expect(chunks.map(\.range) == [0..<100, 100..<200, 200..<250])
        var byTrace: [Int: String] = [:]
        for chunk in chunks {
            let body = try JSONValue.decode(try chunk.result.get().body)
            for result in body["results"]?.arrayValue ?? [] {
                if let trace = result["objectWriteTraceId"]?.stringValue.flatMap({ Int($0) }) {
                    byTrace[trace] = result["properties"]?["email"]?.stringValue
                }
            }
        }
        #expect(byTrace.count == 250)
        #expect((0..<250).allSatisfy { byTrace[$0] == "u\($0)@x" })
    }
}
