import HubSpot
import Testing
@testable import HubSpotSandbox

/// The parser fed from memory: every edge of the grammar, every split point, every limit.
@Suite struct ServerParserTests {
    static let small = ServerLimits(maxRequestLineLength: 64, maxHeaderCount: 4, maxHeaderBytes: 128, maxBodyBytes: 32)

    /// Feeds `chunks` one after another and collects every event.
    static func events(_ chunks: [[UInt8]], limits: ServerLimits = .standard) -> [HTTPParserEvent] {
        var parser = HTTPParser(limits: limits)
        var events: [HTTPParserEvent] = []
        for chunk in chunks {
            parser.append(chunk)
            while let event = parser.next() { events.append(event) }
        }
        return events
    }

    static func events(_ text: String, limits: ServerLimits = .standard) -> [HTTPParserEvent] {
        events([Array(text.utf8)], limits: limits)
    }

    static func request(_ event: HTTPParserEvent?) -> ParsedRequest? {
        if case .request(let request) = event { return request }
        return nil
    }

    @Test func parsesASimpleGet() throws {
        let events = Self.events("GET /crm/v3/objects/contacts?limit=2 HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n")
        #expect(events.count == 1)
        let request = try #require(Self.request(events.first))
        #expect(request.method == "GET")
        #expect(request.target == "/crm/v3/objects/contacts?limit=2")
        #expect(request.minorVersion == 1)
        #expect(request.headers["accept"] == "*/*")
        #expect(request.headers.fields.count == 2)
        #expect(request.body.isEmpty)
        #expect(request.keepAlive)
    }

    static let samples: [String] = [
        "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world",
        "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n",
        "POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc",
        "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nPOST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nokGET /3 HTTP/1.0\r\n\r\n",
        "GET /lf HTTP/1.1\nHost: x\n\n",
        "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n",  // oversize under `small`
        "GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n",
    ]

    /// Splitting the bytes anywhere must not change what is parsed (the 100-continue
    /// event aside, which depends on whether the body is already there).
    @Test(arguments: samples)
    func splitAtEveryByteGivesTheSameRequests(sample: String) {
        let bytes = Array(sample.utf8)
        let whole = Self.events([bytes], limits: Self.small).filter { $0 != .sendContinue }
        let oneByOne = Self.events(bytes.map { [$0] }, limits: Self.small).filter { $0 != .sendContinue }
        #expect(oneByOne == whole)
        for cut in 1..<bytes.count {
            let split = Self.events([Array(bytes[..<cut]), Array(bytes[cut...])], limits: Self.small)
            #expect(split.filter { $0 != .sendContinue } == whole, "cut at \(cut)")
        }
    }

    @Test func pipelinedRequestsComeOutInOrder() {
        let events = Self.events(Self.samples[4])
        let requests = events.compactMap(Self.request)
        #expect(requests.map(\.target) == ["/1", "/2", "/3"])
        #expect(requests.map(\.body) == [[], Array("ok".utf8), []])
        #expect(requests.map(\.keepAlive) == [true, true, false])
        #expect(requests[2].minorVersion == 0)
    }

    @Test func chunkedBodyIsReassembledAndTrailersDropped() throws {
        let request = try #require(Self.request(Self.events(Self.samples[2]).first))
        #expect(request.body == Array("hello0123456789".utf8))
        #expect(request.headers["x-trailer"] == nil)
    }

    @Test func expectContinueIsAskedOnceBeforeTheBody() {
        let head = Array("POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n".utf8)
        var parser = HTTPParser(limits: .standard)
        parser.append(head)
        #expect(parser.next() == .sendContinue)
        #expect(parser.next() == nil)
        parser.append(Array("a".utf8))
        #expect(parser.next() == nil)
        parser.append(Array("bc".utf8))
        #expect(Self.request(parser.next())?.body == Array("abc".utf8))
        // Fed byte by byte, the interim response is still asked for exactly once.
        let all = head + Array("abc".utf8)
        #expect(Self.events(all.map { [$0] }).filter { $0 == .sendContinue }.count == 1)
        // When the body arrives with the head, the client is not waiting: no 100.
        #expect(!Self.events([all]).contains(.sendContinue))
    }

    @Test func expectContinueWithChunkedBody() {
        let head = "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n"
        let events = Self.events([Array(head.utf8), Array("3\r\nabc\r\n0\r\n\r\n".utf8)])
        #expect(events.first == .sendContinue)
        #expect(Self.request(events.last)?.body == Array("abc".utf8))
    }

    @Test func connectionSemantics() {
        let close = Self.request(Self.events("GET / HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n").first)
        #expect(close?.keepAlive == false)
        let old = Self.request(Self.events("GET / HTTP/1.0\r\n\r\n").first)
        #expect(old?.keepAlive == false)
        let oldKeep = Self.request(Self.events("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").first)
        #expect(oldKeep?.keepAlive == true)
    }

    @Test func absoluteFormTargetBecomesOriginForm() {
        #expect(Self.request(Self.events("GET http://h:1/a/b?c=1 HTTP/1.1\r\nHost: h\r\n\r\n").first)?.target == "/a/b?c=1")
        #expect(Self.request(Self.events("GET http://h HTTP/1.1\r\nHost: h\r\n\r\n").first)?.target == "/")
        #expect(Self.request(Self.events("GET http://h?x HTTP/1.1\r\nHost: h\r\n\r\n").first)?.target == "/?x")
    }

    @Test func leadingEmptyLinesAndHeaderWhitespaceAreTolerated() {
        let request = Self.request(Self.events("\r\n\r\nGET / HTTP/1.1\r\nHost:   x \t\r\n\r\n").first)
        #expect(request?.headers["host"] == "x")
    }

    static let malformed: [(String, HTTPServerError)] = [
        ("GARBAGE\r\n\r\n", .malformed("bad request line")),
        ("GET /\r\n\r\n", .malformed("bad request line")),
        ("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", .malformed("bad request line")),
        ("GET / HTTP/1.1 x\r\nHost: x\r\n\r\n", .malformed("bad HTTP version")),
        ("GET / HTTP/1.1x\r\nHost: x\r\n\r\n", .malformed("bad HTTP version")),
        ("G(T / HTTP/1.1\r\nHost: x\r\n\r\n", .malformed("bad method")),
        ("GET /a\u{7F}b HTTP/1.1\r\nHost: x\r\n\r\n", .malformed("bad request target")),
        ("GET * HTTP/1.1\r\nHost: x\r\n\r\n", .malformed("bad request target")),
        ("GET x.com:80 HTTP/1.1\r\nHost: x\r\n\r\n", .malformed("bad request target")),
        ("GET / HTTP/2.0\r\nHost: x\r\n\r\n", .versionNotSupported),
        ("GET / HTTP/1.2\r\nHost: x\r\n\r\n", .versionNotSupported),
        ("GET / HTTP/1.1\r\n\r\n", .malformed("an HTTP/1.1 request needs exactly one Host field")),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", .malformed("an HTTP/1.1 request needs exactly one Host field")),
        ("GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", .malformed("bad header field")),
        ("GET / HTTP/1.1\r\nHost: x\r\nName : v\r\n\r\n", .malformed("bad header field")),
        ("GET / HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n", .malformed("bad header field")),
        ("GET / HTTP/1.1\r\nHost: x\r\nA: b\r\n folded\r\n\r\n", .malformed("bad header field")),
        ("GET / HTTP/1.1\r\nHost: x\r\nA: b\0c\r\n\r\n", .malformed("bad header field")),
        ("GET / HTTP/1.1\r\nHost: x\r\nA: b\rc\r\n\r\n", .malformed("bad header field")),
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
         .malformed("both Content-Length and Transfer-Encoding")),
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", .malformed("bad Content-Length")),
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", .malformed("bad Content-Length")),
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: +1\r\n\r\n", .malformed("bad Content-Length")),
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: \r\n\r\n", .malformed("bad Content-Length")),
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n", .malformed("bad Content-Length")),
        ("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", .unsupportedTransferEncoding),
        ("GET / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", .malformed("Transfer-Encoding in HTTP/1.0")),
        ("GET / HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n", .expectationFailed),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", .malformed("bad chunk size")),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", .malformed("bad chunk size")),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nabc", .malformed("chunk not followed by CRLF")),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nbad trailer\r\n\r\n", .malformed("bad trailer field")),
        ("\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n", .malformed("bad request line")),
        ("\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}\u{00}\u{01}\u{fc}\u{03}\u{03}\r\n", .malformed("bad request line")),
    ]

    @Test(arguments: malformed)
    func malformedRequestsAreRefused(text: String, error: HTTPServerError) {
        #expect(Self.events(text) == [.error(error)])
    }

    @Test func theParserStaysFailedAfterAnError() {
        var parser = HTTPParser(limits: .standard)
        parser.append(Array("BAD\r\n".utf8))
        #expect(parser.next() == .error(.malformed("bad request line")))
        parser.append(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        #expect(parser.next() == nil)
    }

    @Test func limitsAreCheckedBeforeTheLineEnds() {
        // No line feed yet, but already past the limit: refused without waiting.
        let longLine = "GET /" + String(repeating: "a", count: 64)
        #expect(Self.events(longLine, limits: Self.small) == [.error(.requestLineTooLong)])
        let bigHeader = "GET / HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "b", count: 130)
        #expect(Self.events(bigHeader, limits: Self.small) == [.error(.headersTooLarge)])
    }

    @Test func headerCountAndSizeLimits() {
        let five = "GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n"
        #expect(Self.events(five, limits: Self.small) == [.error(.headersTooLarge)])
        let four = "GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"
        #expect(Self.request(Self.events(four, limits: Self.small).first) != nil)
        let manySmall = "GET / HTTP/1.1\r\nHost: x\r\n" + String(repeating: "Abcdefghij: 0123456789abcdefghijklmnopqrstu\r\n", count: 3) + "\r\n"
        #expect(Self.events(manySmall, limits: Self.small) == [.error(.headersTooLarge)])
        let trailers = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
            + String(repeating: "T: 1\r\n", count: 5) + "\r\n"
        #expect(Self.events(trailers, limits: Self.small) == [.error(.headersTooLarge)])
    }

    @Test func bodyLimits() {
        let big = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 33\r\n\r\n"
        #expect(Self.events(big, limits: Self.small) == [.error(.bodyTooLarge)])
        let fits = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 32\r\n\r\n" + String(repeating: "z", count: 32)
        #expect(Self.request(Self.events(fits, limits: Self.small).first)?.body.count == 32)
        let chunked = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n11\r\n"
        #expect(Self.events(chunked, limits: Self.small) == [.error(.bodyTooLarge)])
        let hugeChunk = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n"
        #expect(Self.events(hugeChunk, limits: Self.small) == [.error(.malformed("bad chunk size"))])
    }

    @Test func midRequestIsTrackedForTheSlowClientClock() {
        var parser = HTTPParser(limits: .standard)
        #expect(!parser.isMidRequest)
        parser.append(Array("GET / HT".utf8))
        #expect(parser.next() == nil)
        #expect(parser.isMidRequest)
        parser.append(Array("TP/1.1\r\nHost: x\r\n\r\n".utf8))
        #expect(Self.request(parser.next()) != nil)
        #expect(!parser.isMidRequest)
        #expect(parser.bufferedByteCount == 0)
    }

    /// Hostile bytes: a valid request with a few bytes replaced, many times over (from a
    /// fixed seed, so a failure repeats). The parser must neither crash nor depend on how
    /// the bytes were split.
    @Test func mutatedRequestsParseTheSameHoweverSplit() {
        var random = SplitMix64(seed: 0x5eed)
        for sample in Self.samples {
            let original = Array(sample.utf8)
            for _ in 0..<100 {
                var bytes = original
                for _ in 0..<(1 + Int(random.next() % 3)) {
                    bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
                }
                let whole = Self.events([bytes], limits: Self.small).filter { $0 != .sendContinue }
                let cut = 1 + Int(random.next() % UInt64(bytes.count - 1))
                let split = Self.events([Array(bytes[..<cut]), Array(bytes[cut...])], limits: Self.small)
                let single = Self.events(bytes.map { [$0] }, limits: Self.small)
                #expect(split.filter { $0 != .sendContinue } == whole)
                #expect(single.filter { $0 != .sendContinue } == whole)
            }
        }
    }
}

/// A tiny seeded generator, so the mutation test is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
