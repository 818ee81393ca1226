import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way into the event loop from other threads: handler tasks deliver responses
/// here, ``SandboxServer/stop()`` asks the loop to stop, and a self-pipe wakes the loop
/// (Glibc's Swift module has no eventfd; a pipe does the same job).
///
/// It is `@unchecked Sendable` because every mutable field is guarded by `lock`. The
/// pipe is written while the lock is held and closed under the lock after `closed`
/// is set, so a task finishing after the server stopped can never write into a
/// descriptor number the process has since reused for something else.
final class LoopMailbox: @unchecked Sendable {
    struct Delivery {
        var connection: UInt64
        var bytes: [UInt8]
        var keepAlive: Bool
    }

    private let lock = NSLock()
    private var deliveries: [Delivery] = []
    private var stopRequested = false
    private var closed = false
    /// Readable when there is something to take; the loop polls it.
    let readFD: Int32
    private let writeFD: Int32

    init() throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw SandboxServerError.system("cannot create a pipe", errno: errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    /// Queues a response; wakes the loop only when the queue was empty, so a burst of
    /// responses costs one wake-up.
    func deliver(_ delivery: Delivery) {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        deliveries.append(delivery)
        if deliveries.count == 1 { wake() }
    }

    func requestStop() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        stopRequested = true
        wake()
    }

    /// Everything delivered since the last call, and whether to stop. Called by the loop
    /// when the pipe is readable; the pipe is drained before the queue is taken, so a
    /// delivery racing with this call leaves the pipe readable rather than getting lost.
    func take() -> (deliveries: [Delivery], stop: Bool) {
        var scratch = [UInt8](repeating: 0, count: 256)
        while Glibc.read(readFD, &scratch, scratch.count) > 0 {}
        lock.lock()
        defer { lock.unlock() }
        let taken = deliveries
        deliveries = []
        return (taken, stopRequested)
    }

    /// Closes the pipe; later deliveries are dropped.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        deliveries = []
        Glibc.close(readFD)
        Glibc.close(writeFD)
    }

    private func wake() {
        var one: UInt8 = 1
        _ = Glibc.write(writeFD, &one, 1)
    }
}
