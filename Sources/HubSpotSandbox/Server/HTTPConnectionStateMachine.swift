/// The life of one HTTP/1.1 connection as a pure state machine: events in, actions out.
///
/// The event loop feeds it what happened on the socket (bytes, end of input, a
/// handler's response, a timeout) and performs the ``Action``s it returns, in order.
/// One request is handled at a time: pipelined requests wait, parsed lazily, in the
/// buffer until the response before them has been queued, which keeps responses in
/// request order without bookkeeping and bounds what a client can make us hold.
///
/// ```swift
/// var machine = HTTPConnectionStateMachine(limits: .standard)
/// machine.bytesReceived(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))  // [.dispatch(…)]
/// machine.responseReady(bytes, keepAlive: true)                           // [.write(bytes)]
/// ```
struct HTTPConnectionStateMachine {
    enum Action: Equatable {
        /// Hand the request to the handler; ``responseReady(_:keepAlive:)`` follows.
        case dispatch(ParsedRequest)
        /// Send the interim `100 Continue`.
        case writeContinue
        /// Answer with this error; a ``close`` always follows.
        case writeError(HTTPServerError)
        /// Send these response bytes.
        case write([UInt8])
        /// Close once everything queued has been sent.
        case close
    }

    enum Phase: Equatable {
        /// Waiting for (more of) a request.
        case reading
        /// A request is with the handler.
        case handling
        /// No more requests will be read; the connection ends after its last write.
        case closing
    }

    private(set) var phase = Phase.reading
    private var parser: HTTPParser
    /// The client has shut down its sending side: finish what is buffered, then close.
    private(set) var inputEnded = false
    /// How many bytes may wait in the buffer while a request is handled; past this the
    /// loop stops reading from the socket until the response is out.
    private let pipelineBufferLimit: Int

    init(limits: ServerLimits) {
        parser = HTTPParser(limits: limits)
        pipelineBufferLimit = max(64 * 1024, limits.maxRequestLineLength + limits.maxHeaderBytes)
    }

    /// Whether the loop should read from the socket now.
    var wantsInput: Bool {
        guard !inputEnded else { return false }
        switch phase {
        case .reading, .closing: return true
        case .handling: return parser.bufferedByteCount < pipelineBufferLimit
        }
    }

    /// Whether part of a request has arrived and the rest is awaited (the slow-client clock runs).
    var isMidRequest: Bool { phase == .reading && parser.isMidRequest }

    mutating func bytesReceived<Bytes: Collection>(_ bytes: Bytes) -> [Action] where Bytes.Element == UInt8 {
        switch phase {
        case .closing:
            return []  // draining a connection we are closing
        case .handling:
            parser.append(bytes)
            return []
        case .reading:
            parser.append(bytes)
            return advance()
        }
    }

    /// The client closed its sending side (read returned 0).
    mutating func inputClosed() -> [Action] {
        inputEnded = true
        switch phase {
        case .reading:
            // Whatever partial request is buffered can never complete.
            phase = .closing
            return [.close]
        case .handling, .closing:
            return []
        }
    }

    /// The handler's serialized response for the request last dispatched.
    mutating func responseReady(_ bytes: [UInt8], keepAlive: Bool) -> [Action] {
        guard phase == .handling else { return [] }
        if !keepAlive {
            phase = .closing
            return [.write(bytes), .close]
        }
        phase = .reading
        return [.write(bytes)] + advance()
    }

    /// The slow-client or idle deadline passed: answer 408 if a request was under way.
    mutating func timedOut() -> [Action] {
        let midRequest = isMidRequest
        phase = .closing
        return midRequest ? [.writeError(.requestTimeout), .close] : [.close]
    }

    /// Parses buffered bytes until a request is dispatched or more bytes are needed.
    private mutating func advance() -> [Action] {
        var actions: [Action] = []
        while phase == .reading {
            guard let event = parser.next() else {
                if inputEnded {
                    phase = .closing
                    actions.append(.close)
                }
                break
            }
            switch event {
            case .sendContinue:
                actions.append(.writeContinue)
            case .request(let request):
                phase = .handling
                actions.append(.dispatch(request))
            case .error(let error):
                phase = .closing
                actions.append(.writeError(error))
                actions.append(.close)
            }
        }
        return actions
    }
}
