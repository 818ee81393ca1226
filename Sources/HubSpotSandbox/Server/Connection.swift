#if canImport(Glibc)
import Glibc
#endif

/// One accepted socket as the event loop sees it: the protocol state machine, the
/// bytes still to send, and the clocks for its timeouts.
///
/// Owned and touched by the event loop's thread only, hence not Sendable. Handler
/// tasks refer to a connection by ``id`` (never by descriptor, which the kernel reuses).
final class Connection {
    let id: UInt64
    let fd: Int32
    var machine: HTTPConnectionStateMachine

    /// Response bytes the socket did not take yet; sent from `outputOffset`.
    private var output: [UInt8] = []
    private var outputOffset = 0
    /// A `.close` action came: close once `output` is sent.
    var closeWhenFlushed = false
    /// Lingering close: our side is shut down and the client's remaining bytes are read
    /// and dropped, so the kernel does not answer them with a reset that could destroy
    /// the error response we just sent before the client reads it.
    var lingeringSince: Double?

    /// Where this connection's entry sits in the loop's `pollfd` array.
    var slot: Int
    /// Last time bytes moved in either direction (the idle clock).
    var lastActivity: Double
    /// When the first byte of the request now being received arrived (the slow-client clock).
    var requestStarted: Double?
    /// When the socket last accepted output bytes while some were pending (the slow-reader clock).
    var lastWriteProgress: Double

    init(id: UInt64, fd: Int32, limits: ServerLimits, slot: Int, now: Double) {
        self.id = id
        self.fd = fd
        self.machine = HTTPConnectionStateMachine(limits: limits)
        self.slot = slot
        self.lastActivity = now
        self.lastWriteProgress = now
    }

    var hasPendingOutput: Bool { outputOffset < output.count }

    /// Queues bytes and sends as many as the socket takes now. False when the socket failed.
    func send(_ bytes: [UInt8], now: Double) -> Bool {
        if !hasPendingOutput {
            output = bytes
            outputOffset = 0
            lastWriteProgress = now
        } else {
            output.append(contentsOf: bytes)
        }
        return flush(now: now)
    }

    /// Sends pending bytes until done or the socket would block. False when the socket failed.
    func flush(now: Double) -> Bool {
        while hasPendingOutput {
            let result = output.withUnsafeBytes { all in
                PosixSocket.write(fd, UnsafeRawBufferPointer(rebasing: all[outputOffset...]))
            }
            switch result {
            case .transferred(let n):
                outputOffset += n
                lastWriteProgress = now
                lastActivity = now
            case .wouldBlock:
                return true
            case .endOfInput, .failed:
                return false
            }
        }
        output.removeAll(keepingCapacity: output.capacity <= 64 * 1024)
        outputOffset = 0
        return true
    }

    /// The poll events this connection waits for now.
    var desiredEvents: Int16 {
        var events: Int16 = 0
        if lingeringSince != nil || (machine.wantsInput && !closeWhenFlushed) { events |= Int16(POLLIN) }
        if hasPendingOutput { events |= Int16(POLLOUT) }
        return events
    }
}
