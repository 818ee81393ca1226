import HubSpot
import Testing
@testable import HubSpotSandbox

/// The connection's protocol decisions, fed events without a socket.
@Suite struct ServerConnectionStateMachineTests {
    typealias Action = HTTPConnectionStateMachine.Action

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func dispatched(_ actions: [Action]) -> [String] {
        actions.compactMap { if case .dispatch(let request) = $0 { return request.target } else { return nil } }
    }

    @Test func requestThenResponseOnAKeptAliveConnection() {
        var machine = HTTPConnectionStateMachine(limits: .standard)
        #expect(machine.phase == .reading)
        let actions = machine.bytesReceived(Self.bytes("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"))
        #expect(Self.dispatched(actions) == ["/a"])
        #expect(machine.phase == .handling)
        #expect(machine.responseReady([1, 2], keepAlive: true) == [.write([1, 2])])
        #expect(machine.phase == .reading)
        #expect(!machine.isMidRequest)
    }

    @Test func connectionCloseEndsAfterTheResponse() {
        var machine = HTTPConnectionStateMachine(limits: .standard)
        _ = machine.bytesReceived(Self.bytes("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
        #expect(machine.responseReady([9], keepAlive: false) == [.write([9]), .close])
        #expect(machine.phase == .closing)
        #expect(machine.bytesReceived(Self.bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n")) == [])
    }

    @Test func pipelinedRequestsAreDispatchedOneAtATime() {
        var machine = HTTPConnectionStateMachine(limits: .standard)
        let wire = "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\nGET /3 HTTP/1.1\r\nHost: x\r\n\r\n"
        #expect(Self.dispatched(machine.bytesReceived(Self.bytes(wire))) == ["/1"])
        var second = machine.responseReady([1], keepAlive: true)
        #expect(second.removeFirst() == .write([1]))
        #expect(Self.dispatched(second) == ["/2"])
        #expect(Self.dispatched(machine.responseReady([2], keepAlive: true)) == ["/3"])
        #expect(machine.responseReady([3], keepAlive: true) == [.write([3])])
    }

    @Test func bytesArrivingDuringHandlingWait() {
        var machine = HTTPConnectionStateMachine(limits: .standard)
        _ = machine.bytesReceived(Self.bytes("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"))
        #expect(machine.bytesReceived(Self.bytes("GET /2 HTTP/1.1\r\nHo")) == [])
        #expect(machine.wantsInput)
        #expect(machine.responseReady([1], keepAlive: true) == [.write([1])])
        #expect(machine.isMidRequest)
        #expect(Self.dispatched(machine.bytesReceived(Self.bytes("st: x\r\n\r\n"))) == ["/2"])
    }

    @Test func aFullPipelineBufferStopsReading() {
        var machine = HTTPConnectionStateMachine(limits: .standard)
        _ = machine.bytesReceived(Self.bytes("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"))
        _ = machine.bytesReceived([UInt8](repeating: 65, count: 200_000))
        #expect(!machine.wantsInput)
    }

    @Test func malformedInputIsAnsweredAndClosed() {
        var machine = HTTPConnectionStateMachine(limits: .standard)
        #expect(machine.bytesReceived(Self.bytes("NOT HTTP\r\n")) == [.writeError(.malformed("bad request line")), .close])
        #expect(machine.phase == .closing)
        #expect(machine.bytesReceived(Self.bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n")) == [])
    }

    @Test func expectContinueWritesTheInterimResponse() {
        var machine = HTTPConnectionStateMachine(limits: .standard)
        let head = "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"
        #expect(machine.bytesReceived(Self.bytes(head)) == [.writeContinue])
        #expect(Self.dispatched(machine.bytesReceived(Self.bytes("ok"))) == ["/"])
    }

    @Test func endOfInputWhileIdleOrMidRequestCloses() {
        var idle = HTTPConnectionStateMachine(limits: .standard)
        #expect(idle.inputClosed() == [.close])
        var partial = HTTPConnectionStateMachine(limits: .standard)
        _ = partial.bytesReceived(Self.bytes("GET / HTTP/1.1\r\n"))
        #expect(partial.inputClosed() == [.close])
        #expect(!partial.wantsInput)
    }

    @Test func endOfInputWhileHandlingAnswersPipelinedRequestsFirst() {
        var machine = HTTPConnectionStateMachine(limits: .standard)
        let wire = "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n"
        _ = machine.bytesReceived(Self.bytes(wire))
        #expect(machine.inputClosed() == [])
        #expect(Self.dispatched(machine.responseReady([1], keepAlive: true)) == ["/2"])
        #expect(machine.responseReady([2], keepAlive: true) == [.write([2]), .close])
    }

    @Test func timeoutsAnswer408OnlyMidRequest() {
        var idle = HTTPConnectionStateMachine(limits: .standard)
        #expect(idle.timedOut() == [.close])
        var slow = HTTPConnectionStateMachine(limits: .standard)
        _ = slow.bytesReceived(Self.bytes("GET / HTTP/1.1\r\nHost"))
        #expect(slow.isMidRequest)
        #expect(slow.timedOut() == [.writeError(.requestTimeout), .close])
    }

    @Test func aLateResponseAfterClosingIsIgnored() {
        var machine = HTTPConnectionStateMachine(limits: .standard)
        #expect(machine.responseReady([1], keepAlive: true) == [])
    }
}
