import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A blocking HTTP/1.1 client on a raw socket, for saying to the server exactly the
/// bytes a test needs (split, pipelined, malformed, never finished).
///
/// Its calls block, so tests run it through ``onThread(_:)`` and never on Swift's
/// cooperative pool, where the server's handlers need the threads. A receive timeout
/// only keeps a broken server from hanging the suite; no test asserts on time.
final class RawClient {
    struct Response {
        var status: Int
        var headers: [String: String]  // lower-cased names
        var body: [UInt8]
        var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let fd: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw Failure(description: "connect failed: errno \(errno)")
        }
    }

    deinit { Glibc.close(fd) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            offset += n
        }
    }

    /// Reads more bytes; false at end of input (or a reset, which a closed server may send).
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = recv(fd, &chunk, chunk.count, 0)
        if n > 0 {
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
        if n == 0 || errno == ECONNRESET { return false }
        throw Failure(description: "recv failed: errno \(errno)")
    }

    /// The next response (an interim 100 included), or nil if the server closed first.
    func readResponse(isHead: Bool = false) throws -> Response? {
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            if let range = buffer.firstRange(of: separator) {
                headEnd = range.upperBound
            } else if try !fill() {
                return nil
            }
        }
        guard let end = headEnd else { return nil }
        let lines = String(decoding: buffer[0..<(end - 4)], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "bad status line \(lines[0])")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        buffer.removeFirst(end)
        let length = isHead || status < 200 || status == 204 ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < length {
            guard try fill() else { throw Failure(description: "closed mid-body") }
        }
        let body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return Response(status: status, headers: headers, body: body)
    }

    /// True when the server closed the connection (after any bytes still buffered).
    func readsEndOfInput() throws -> Bool {
        buffer.removeAll()
        return try !fill()
    }

    func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }
}

/// Runs blocking work on a thread of its own and awaits it, so sockets never block the
/// cooperative pool that the server's handlers run on.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
        }
        thread.start()
    }
}

/// A handler that holds its requests until the test opens the gate.
final class Gate: Sendable {
    private struct State {
        var isOpen = false
        var waiting: [CheckedContinuation<Void, Never>] = []
        var arrived = 0
    }

    private let state = Mutex(State())

    /// Suspends until ``open()`` (at once if it was opened already).
    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state in
                state.arrived += 1
                if !state.isOpen { state.waiting.append(continuation) }
                return state.isOpen
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// How many requests have reached the gate.
    var arrived: Int { state.withLock { $0.arrived } }

    /// Waits until `count` requests have reached the gate; gives up (and fails) after
    /// a generous while, so a broken server fails the test instead of hanging it.
    func waitForArrivals(_ count: Int) async throws {
        for _ in 0..<4000 where arrived < count {
            try await Task.sleep(for: .milliseconds(5))
        }
        guard arrived >= count else { throw RawClient.Failure(description: "no request reached the handler") }
    }

    func open() {
        let resumed = state.withLock { state in
            state.isOpen = true
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in resumed { continuation.resume() }
    }
}
