import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HubSpot
import Testing
@testable import HubSpotSandbox

/// Hostile and careless clients against the real server: malformed bytes, oversize
/// requests, idle and slow connections, too many clients. Short limits, no long sleeps.
@Suite struct ServerRobustnessTests {
    @Test func malformedRequestGets400AndTheConnectionCloses() async throws {
        try await ServerFixture.withServer { _, port in
            let (response, closed) = try await onThread {
                let client = try RawClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n")
                return (try client.readResponse(), try client.readsEndOfInput())
            }
            #expect(response?.status == 400)
            #expect(response?.headers["connection"] == "close")
            #expect(closed)
        }
    }

    @Test func oversizeBodyGets413() async throws {
        try await ServerFixture.withServer(limits: ServerLimits(maxBodyBytes: 1024)) { _, port in
            let (response, closed) = try await onThread {
                let client = try RawClient(port: port)
                try client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n" + String(repeating: "x", count: 4096))
                return (try client.readResponse(), try client.readsEndOfInput())
            }
            #expect(response?.status == 413)
            #expect(closed)
        }
    }

    @Test func idleConnectionsAreClosed() async throws {
        try await ServerFixture.withServer(limits: ServerLimits(idleTimeout: 0.05)) { _, port in
            let (answered, closed) = try await onThread {
                let client = try RawClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                return (try client.readResponse()?.status, try client.readsEndOfInput())
            }
            #expect(answered == 200)
            #expect(closed)
        }
    }

    @Test func slowClientsGet408() async throws {
        try await ServerFixture.withServer(limits: ServerLimits(requestTimeout: 0.05)) { _, port in
            let (response, closed) = try await onThread {
                let client = try RawClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")  // …and never the rest
                return (try client.readResponse(), try client.readsEndOfInput())
            }
            #expect(response?.status == 408)
            #expect(closed)
        }
    }

    @Test func headersTooLargeGet431() async throws {
        try await ServerFixture.withServer(limits: ServerLimits(maxHeaderCount: 3)) { _, port in
            let status = try await onThread {
                let client = try RawClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n")
                return try client.readResponse()?.status
            }
            #expect(status == 431)
        }
    }

    @Test func clientsBeyondMaxConnectionsAreTurnedAway() async throws {
        try await ServerFixture.withServer(limits: ServerLimits(maxConnections: 2)) { _, port in
            let (served, turnedAway) = try await onThread {
                let first = try RawClient(port: port)
                let second = try RawClient(port: port)
                var served: [Int?] = []
                for client in [first, second] {
                    try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                    served.append(try client.readResponse()?.status)
                }
                let third = try RawClient(port: port)
                return (served, try third.readsEndOfInput())
            }
            #expect(served == [200, 200])
            #expect(turnedAway)
        }
    }
}
