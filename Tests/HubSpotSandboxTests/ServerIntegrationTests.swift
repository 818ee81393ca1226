import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HubSpot
import Testing
@testable import HubSpotSandbox

/// The real server on 127.0.0.1 and an ephemeral port, spoken to over raw sockets and
/// URLSession: the protocol as clients use it. Every server a test starts, the test stops.
@Suite struct ServerIntegrationTests {
    @Test func keepAliveServesRequestsOnOneConnection() async throws {
        try await ServerFixture.withServer { server, port in
            #expect(server.url.absoluteString == "http://127.0.0.1:\(port)")
            let answers = try await onThread {
                let client = try RawClient(port: port)
                var answers: [RawClient.Response?] = []
                try client.send("GET /crm/v3/objects/contacts?limit=1 HTTP/1.1\r\nHost: x\r\nX-Test: one\r\n\r\n")
                answers.append(try client.readResponse())
                try client.send("POST /created HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n{\"a\"")
                answers.append(try client.readResponse())
                try client.send("DELETE /gone HTTP/1.1\r\nHost: x\r\n\r\n")
                answers.append(try client.readResponse())
                return answers
            }
            #expect(answers.map { $0?.status } == [200, 201, 204])
            let first = ServerFixture.json(answers[0])
            #expect(first["url"] == "http://127.0.0.1:\(port)/crm/v3/objects/contacts?limit=1")
            #expect(first["method"] == "GET")
            #expect(first["x-test"] == "one")
            #expect(answers[0]?.headers["content-type"] == "application/json;charset=utf-8")
            #expect(answers[0]?.headers["x-served-by"] == "sandbox")
            #expect(answers[0]?.headers["date"] != nil)
            #expect(ServerFixture.json(answers[1])["body"] == "{\"a\"")
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        // The first request is the slowest to answer; its response must still come first.
        let handler: SandboxServer.Handler = { request in
            let n = Int(request.url.lastPathComponent) ?? 0
            try? await Task.sleep(for: .milliseconds(30 - 10 * n))
            return HTTPResponse(status: 200, body: Data(request.url.path.utf8))
        }
        try await ServerFixture.withServer(handler: handler) { _, port in
            let bodies = try await onThread {
                let client = try RawClient(port: port)
                try client.send((0..<3).map { "GET /p/\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
                return try (0..<3).map { _ in try client.readResponse()?.bodyText }
            }
            #expect(bodies == ["/p/0", "/p/1", "/p/2"])
        }
    }

    @Test func chunkedBodiesAndExpectContinue() async throws {
        try await ServerFixture.withServer { _, port in
            let (chunked, interim, final) = try await onThread {
                let client = try RawClient(port: port)
                try client.send("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
                try client.send("2\r\nde\r\n0\r\n\r\n")
                let chunked = try client.readResponse()
                try client.send("POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
                let interim = try client.readResponse()
                try client.send("hello")
                return (chunked, interim, try client.readResponse())
            }
            #expect(ServerFixture.json(chunked)["body"] == "abcde")
            #expect(interim?.status == 100)
            #expect(ServerFixture.json(final)["body"] == "hello")
        }
    }

    @Test func headAndConnectionCloseAndHTTP10() async throws {
        try await ServerFixture.withServer { _, port in
            let results = try await onThread {
                let client = try RawClient(port: port)
                try client.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
                let head = try client.readResponse(isHead: true)
                try client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                let last = try client.readResponse()
                let closed = try client.readsEndOfInput()
                let old = try RawClient(port: port)
                try old.send("GET /old HTTP/1.0\r\n\r\n")
                return (head, last, closed, try old.readResponse(), try old.readsEndOfInput())
            }
            #expect(results.0?.status == 200)
            #expect(Int(results.0?.headers["content-length"] ?? "") ?? 0 > 0)
            #expect(results.1?.status == 200)  // proves HEAD sent no body: the stream stayed in step
            #expect(results.2)
            #expect(results.3?.status == 200)
            #expect(results.4)
        }
    }

    @Test func manyClientsAtOnce() async throws {
        try await ServerFixture.withServer { _, port in
            try await withThrowingTaskGroup(of: [Int].self) { group in
                for client in 0..<40 {
                    group.addTask {
                        try await onThread {
                            let connection = try RawClient(port: port)
                            return try (0..<5).map { n in
                                try connection.send("GET /c/\(client)/\(n) HTTP/1.1\r\nHost: x\r\n\r\n")
                                let response = try connection.readResponse()
                                let url = ServerFixture.json(response)["url"] ?? ""
                                return url.hasSuffix("/c/\(client)/\(n)") ? 1 : 0
                            }
                        }
                    }
                }
                var good = 0
                for try await results in group { good += results.reduce(0, +) }
                #expect(good == 200)
            }
        }
    }

    @Test func urlSessionTalksToTheServer() async throws {
        try await ServerFixture.withServer { server, _ in
            let session = URLSession(configuration: .ephemeral)
            defer { session.invalidateAndCancel() }
            var get = URLRequest(url: server.url.appendingPathComponent("crm/v3/objects/contacts"))
            get.setValue("via-urlsession", forHTTPHeaderField: "X-Test")
            let (data, response) = try await session.data(for: get)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 200)
            #expect(http.value(forHTTPHeaderField: "Content-Type") == "application/json;charset=utf-8")
            let seen = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
            #expect(seen["x-test"] == "via-urlsession")

            var post = URLRequest(url: server.url.appendingPathComponent("created"))
            post.httpMethod = "POST"
            post.httpBody = Data(#"{"properties":{"email":"a@example.com"}}"#.utf8)
            post.setValue("application/json", forHTTPHeaderField: "Content-Type")
            let (posted, postResponse) = try await session.data(for: post)
            #expect((postResponse as? HTTPURLResponse)?.statusCode == 201)
            let echoed = try #require(try JSONSerialization.jsonObject(with: posted) as? [String: String])
            #expect(echoed["body"] == #"{"properties":{"email":"a@example.com"}}"#)

            // A large body (libcurl, under URLSession, may ask for 100-continue first).
            var large = URLRequest(url: server.url.appendingPathComponent("large"))
            large.httpMethod = "POST"
            large.httpBody = Data(String(repeating: "0123456789", count: 20_000).utf8)
            let (echoedLarge, _) = try await session.data(for: large)
            let largeSeen = try #require(try JSONSerialization.jsonObject(with: echoedLarge) as? [String: String])
            #expect(largeSeen["body"]?.utf8.count == 200_000)

            // Many at once over URLSession's own connection pool.
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<50 {
                    group.addTask {
                        let (_, response) = try await session.data(from: server.url.appendingPathComponent("n/\(n)"))
                        return (response as? HTTPURLResponse)?.statusCode ?? 0
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 50))
        }
    }

    @Test func aRequestTricklingInByteByByte() async throws {
        try await ServerFixture.withServer { _, port in
            let body = try await onThread {
                let client = try RawClient(port: port)
                for byte in "POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc".utf8 {
                    try client.send([byte])
                }
                return ServerFixture.json(try client.readResponse())["body"]
            }
            #expect(body == "abc")
        }
    }
}
