import HubSpot

/// What the parser has found in the bytes given so far.
enum HTTPParserEvent: Equatable, Sendable {
    /// A whole request, body included.
    case request(ParsedRequest)
    /// The head asked for `Expect: 100-continue` and no body byte has arrived yet: the
    /// client waits for an interim `100 Continue` before it sends the body.
    case sendContinue
    /// The bytes are not an acceptable request; the connection must be answered and closed.
    case error(HTTPServerError)
}

/// An incremental HTTP/1.x request parser: bytes in, requests out, no I/O.
///
/// Bytes may arrive split anywhere; ``append(_:)`` buffers them and ``next()`` returns
/// the next event, or nil when more bytes are needed. Every limit of ``ServerLimits`` is
/// checked while bytes accumulate, before a line or body completes, so a hostile client
/// cannot make the buffer grow past the limits. After an error the parser stays failed.
///
/// ```swift
/// var parser = HTTPParser(limits: .standard)
/// parser.append(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
/// parser.next()   // .request(ParsedRequest(method: "GET", target: "/", …))
/// parser.next()   // nil
/// ```
struct HTTPParser {
    private enum State: Equatable {
        case requestLine
        case headerLines
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case failed
    }

    let limits: ServerLimits
    private var state = State.requestLine
    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// Where the search for the next line feed resumes, so a line trickling in byte by
    /// byte is scanned once, not once per byte.
    private var scanIndex = 0

    // The request being assembled.
    private var method = ""
    private var target = ""
    private var minorVersion = 1
    private var fields: [(String, String)] = []
    private var headerBytes = 0
    private var trailerCount = 0
    private var body: [UInt8] = []
    private var keepAlive = true
    private var continuePending = false
    /// Empty lines seen before this request line; a few are tolerated, an endless
    /// trickle of them (which would keep a connection alive for free) is not.
    private var emptyLines = 0

    init(limits: ServerLimits) {
        self.limits = limits
    }

    /// Buffers more bytes from the client.
    mutating func append<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if readIndex > 0 && (readIndex == buffer.count || readIndex >= 16_384) {
            buffer.removeSubrange(0..<readIndex)
            scanIndex -= readIndex
            readIndex = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Bytes received and not yet consumed into a request.
    var bufferedByteCount: Int { buffer.count - readIndex }

    /// Whether part of a request has arrived: the clock for a slow client is running.
    var isMidRequest: Bool { state != .requestLine || readIndex < buffer.count }

    /// The next event from the buffered bytes, or nil when more bytes are needed.
    mutating func next() -> HTTPParserEvent? {
        while true {
            let step: Step
            switch state {
            case .failed: return nil
            case .requestLine: step = parseRequestLine()
            case .headerLines: step = parseHeaderLine()
            case .fixedBody(let remaining): step = readFixedBody(remaining: remaining)
            case .chunkSize: step = parseChunkSize()
            case .chunkData(let remaining): step = readChunkData(remaining: remaining)
            case .chunkDataEnd: step = parseChunkDataEnd()
            case .trailers: step = parseTrailer()
            }
            switch step {
            case .progress: continue
            case .needMore:
                if continuePending && body.isEmpty && readIndex == buffer.count {
                    continuePending = false
                    return .sendContinue
                }
                return nil
            case .event(let event): return event
            case .fail(let error):
                state = .failed
                return .error(error)
            }
        }
    }

    private enum Step {
        case progress, needMore
        case event(HTTPParserEvent)
        case fail(HTTPServerError)
    }

    // MARK: Lines

    private enum Line {
        case line(Range<Int>)
        case needMore
        case tooLong
    }

    /// The next line without its CRLF (a bare LF is accepted as well), once it is
    /// complete. `limit` bounds the line, terminator included, while it is still arriving.
    private mutating func nextLine(limit: Int) -> Line {
        let start = readIndex
        let searchFrom = max(scanIndex, start)
        guard let lf = buffer[searchFrom...].firstIndex(of: 10) else {
            scanIndex = buffer.count
            return buffer.count - start > limit ? .tooLong : .needMore
        }
        guard lf + 1 - start <= limit else { return .tooLong }
        readIndex = lf + 1
        scanIndex = readIndex
        let end = lf > start && buffer[lf - 1] == 13 ? lf - 1 : lf
        return .line(start..<end)
    }

    // MARK: Head

    private mutating func parseRequestLine() -> Step {
        switch nextLine(limit: limits.maxRequestLineLength) {
        case .needMore: return .needMore
        case .tooLong: return .fail(.requestLineTooLong)
        case .line(let range):
            // RFC 9112 §2.2: ignore empty lines before the request line (a few).
            if range.isEmpty {
                emptyLines += 1
                return emptyLines <= 4 ? .progress : .fail(.malformed("bad request line"))
            }
            emptyLines = 0
            return startRequest(line: buffer[range])
        }
    }

    private mutating func startRequest(line: ArraySlice<UInt8>) -> Step {
        let parts = line.split(separator: 32, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            return .fail(.malformed("bad request line"))
        }
        guard parts[0].allSatisfy(HTTPSyntax.isTokenByte) else { return .fail(.malformed("bad method")) }
        guard parts[1].allSatisfy(HTTPSyntax.isTargetByte) else { return .fail(.malformed("bad request target")) }
        switch HTTPSyntax.version(parts[2]) {
        case .some(let version) where version.major == 1 && version.minor <= 1: minorVersion = version.minor
        case .some: return .fail(.versionNotSupported)
        case .none: return .fail(.malformed("bad HTTP version"))
        }
        guard let originForm = HTTPSyntax.originForm(String(decoding: parts[1], as: UTF8.self)) else {
            return .fail(.malformed("bad request target"))
        }
        method = String(decoding: parts[0], as: UTF8.self)
        target = originForm
        fields.removeAll(keepingCapacity: true)
        headerBytes = 0
        state = .headerLines
        return .progress
    }

    private mutating func parseHeaderLine() -> Step {
        switch nextLine(limit: limits.maxHeaderBytes - headerBytes) {
        case .needMore: return .needMore
        case .tooLong: return .fail(.headersTooLarge)
        case .line(let range):
            headerBytes = readIndex - range.lowerBound + headerBytes
            if range.isEmpty { return finishHead() }
            guard fields.count < limits.maxHeaderCount else { return .fail(.headersTooLarge) }
            guard let field = HTTPSyntax.field(buffer[range]) else { return .fail(.malformed("bad header field")) }
            fields.append(field)
            return .progress
        }
    }

    /// Decides the framing and connection handling once the whole head is in.
    private mutating func finishHead() -> Step {
        let headers = HTTPHeaders(fields)
        let meta: HeadSemantics
        switch HeadSemantics.read(headers, minorVersion: minorVersion) {
        case .failure(let error): return .fail(error)
        case .success(let value): meta = value
        }
        keepAlive = meta.keepAlive
        body.removeAll()
        switch meta.framing {
        case .none:
            return completeRequest()
        case .length(let length):
            guard length <= limits.maxBodyBytes else { return .fail(.bodyTooLarge) }
            if length == 0 { return completeRequest() }
            body.reserveCapacity(min(length, 1 << 20))
            continuePending = meta.expectsContinue
            state = .fixedBody(remaining: length)
        case .chunked:
            continuePending = meta.expectsContinue
            state = .chunkSize
        }
        return .progress
    }

    private mutating func completeRequest() -> Step {
        let request = ParsedRequest(
            method: method, target: target, minorVersion: minorVersion,
            headers: HTTPHeaders(fields), body: body, keepAlive: keepAlive)
        body = []
        fields.removeAll(keepingCapacity: true)
        continuePending = false
        state = .requestLine
        return .event(.request(request))
    }

    // MARK: Bodies

    private mutating func takeBytes(upTo count: Int) -> Int {
        let n = min(count, buffer.count - readIndex)
        if n > 0 {
            body.append(contentsOf: buffer[readIndex..<(readIndex + n)])
            readIndex += n
            scanIndex = readIndex
            continuePending = false
        }
        return n
    }

    private mutating func readFixedBody(remaining: Int) -> Step {
        let left = remaining - takeBytes(upTo: remaining)
        if left == 0 { return completeRequest() }
        state = .fixedBody(remaining: left)
        return .needMore
    }

    private mutating func parseChunkSize() -> Step {
        switch nextLine(limit: 1024) {
        case .needMore: return .needMore
        case .tooLong: return .fail(.malformed("chunk size line too long"))
        case .line(let range):
            continuePending = false
            guard let size = HTTPSyntax.chunkSize(buffer[range]) else { return .fail(.malformed("bad chunk size")) }
            if size == 0 {
                headerBytes = 0
                trailerCount = 0
                state = .trailers
                return .progress
            }
            guard size <= limits.maxBodyBytes - body.count else { return .fail(.bodyTooLarge) }
            state = .chunkData(remaining: size)
            return .progress
        }
    }

    private mutating func readChunkData(remaining: Int) -> Step {
        let left = remaining - takeBytes(upTo: remaining)
        state = left == 0 ? .chunkDataEnd : .chunkData(remaining: left)
        return left == 0 ? .progress : .needMore
    }

    /// The CRLF (or bare LF) that must follow chunk data; checked byte by byte so that
    /// anything else is refused as soon as it arrives.
    private mutating func parseChunkDataEnd() -> Step {
        guard readIndex < buffer.count else { return .needMore }
        switch buffer[readIndex] {
        case 10:
            readIndex += 1
        case 13:
            guard readIndex + 1 < buffer.count else { return .needMore }
            guard buffer[readIndex + 1] == 10 else { return .fail(.malformed("chunk not followed by CRLF")) }
            readIndex += 2
        default:
            return .fail(.malformed("chunk not followed by CRLF"))
        }
        scanIndex = readIndex
        state = .chunkSize
        return .progress
    }

    /// Trailer fields are checked against the header limits and dropped: nothing in
    /// HubSpot's API uses them.
    private mutating func parseTrailer() -> Step {
        switch nextLine(limit: limits.maxHeaderBytes - headerBytes) {
        case .needMore: return .needMore
        case .tooLong: return .fail(.headersTooLarge)
        case .line(let range):
            headerBytes += readIndex - range.lowerBound
            if range.isEmpty { return completeRequest() }
            trailerCount += 1
            guard trailerCount <= limits.maxHeaderCount else { return .fail(.headersTooLarge) }
            guard HTTPSyntax.field(buffer[range]) != nil else { return .fail(.malformed("bad trailer field")) }
            return .progress
        }
    }
}
