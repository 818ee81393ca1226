import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HubSpot
import Testing
@testable import HubSpotSandbox

/// Starting and stopping: bind failures, stop() with connections open, clients leaving early.
@Suite struct ServerLifecycleTests {
    @Test func stopClosesOpenConnections() async throws {
        let gate = Gate()
        let server = SandboxServer(limits: .standard) { _ in
            await gate.wait()
            return HTTPResponse(status: 200)
        }
        let port = try server.start()
        let stopped = DispatchSemaphore(value: 0)
        async let closed = onThread {
            let idle = try RawClient(port: port)
            let partial = try RawClient(port: port)
            let waiting = try RawClient(port: port)
            try partial.send("GET / HTTP/1.1\r\nHo")
            try waiting.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            stopped.wait()
            return [try idle.readsEndOfInput(), try partial.readsEndOfInput(), try waiting.readsEndOfInput()]
        }
        try await gate.waitForArrivals(1)
        server.stop()
        stopped.signal()
        #expect(try await closed == [true, true, true])
        #expect(throws: RawClient.Failure.self) { try RawClient(port: port) }
        server.stop()  // idempotent
        gate.open()
        #expect(server.port == 0)
    }

    @Test func aClientLeavingBeforeItsResponseHarmsNoOne() async throws {
        // Several writes into a socket the client closed: EPIPE, never SIGPIPE.
        let gate = Gate()
        let big = Data(repeating: UInt8(ascii: "a"), count: 4 << 20)
        let handler: SandboxServer.Handler = { request in
            if request.url.path == "/big" {
                await gate.wait()
                return HTTPResponse(status: 200, body: big)
            }
            return HTTPResponse(status: 200)
        }
        try await ServerFixture.withServer(handler: handler) { _, port in
            try await onThread {
                let leaving = try RawClient(port: port)
                try leaving.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            }  // closed here
            try await gate.waitForArrivals(1)
            gate.open()
            let status = try await onThread {
                let client = try RawClient(port: port)
                try client.send("GET /small HTTP/1.1\r\nHost: x\r\n\r\n")
                return try client.readResponse()?.status
            }
            #expect(status == 200)
        }
    }

    @Test func startFailuresAreErrorsThatReadAsSentences() throws {
        let badHost = SandboxServer(host: "not-an-address") { _ in HTTPResponse(status: 200) }
        #expect(throws: SandboxServerError.self) { try badHost.start() }
        let first = SandboxServer { _ in HTTPResponse(status: 200) }
        let port = try first.start()
        defer { first.stop() }
        #expect(first.url.host == "127.0.0.1")
        let second = SandboxServer(port: port) { _ in HTTPResponse(status: 200) }
        do {
            try second.start()
            Issue.record("a second server bound the same port")
        } catch let error as SandboxServerError {
            #expect(error.description == "cannot bind 127.0.0.1:\(port) (Address already in use)")
        }
        #expect(throws: SandboxServerError.alreadyStarted) { try first.start() }
    }

    @Test func aDroppedReplyResetsTheConnection() async throws {
        let server = SandboxServer { request in
            request.url.path == "/drop" ? .dropConnection : .response(HTTPResponse(status: 200))
        }
        let port = try server.start()
        defer { server.stop() }
        let (dropped, next) = try await onThread {
            let client = try RawClient(port: port)
            try client.send("GET /drop HTTP/1.1\r\nHost: x\r\n\r\n")
            let dropped = try client.readResponse()
            let other = try RawClient(port: port)
            try other.send("GET /fine HTTP/1.1\r\nHost: x\r\n\r\n")
            return (dropped?.status, try other.readResponse()?.status)
        }
        #expect(dropped == nil)
        #expect(next == 200)
    }
}
