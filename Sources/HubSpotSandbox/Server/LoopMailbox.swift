#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The one way into the event loop from other threads: handler tasks deliver responses
/// here, ``SandboxServer/stop()`` asks the loop to stop, and a self-pipe wakes the loop
/// (Glibc's Swift module has no eventfd; a pipe does the same job).
///
/// All mutable state sits in one `Mutex`. The pipe is written while the mutex is held
/// and closed under it after `closed` is set, so a task finishing after the server
/// stopped can never write into a descriptor number the process has since reused.
final class LoopMailbox: Sendable {
    struct Delivery: Sendable {
        enum Outcome: Sendable {
            /// A serialized response, and whether the connection stays open after it.
            case response([UInt8], keepAlive: Bool)
            /// Reset the connection without answering.
            case drop
        }

        var connection: UInt64
        var outcome: Outcome
    }

    private struct State {
        var deliveries: [Delivery] = []
        var stopRequested = false
        var closed = false
        /// The loop is (about to be) blocked in poll and needs the pipe to wake it. While
        /// it is busy it takes the mail on its next turn anyway, so under load most
        /// deliveries cost no pipe write and no extra wake-up.
        var loopSleeping = false
    }

    private let state = Mutex(State())
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

    /// Queues a response; writes the pipe only if the loop is asleep in poll.
    func deliver(_ delivery: Delivery) {
        state.withLock { state in
            guard !state.closed else { return }
            state.deliveries.append(delivery)
            if state.loopSleeping {
                state.loopSleeping = false
                wake()
            }
        }
    }

    func requestStop() {
        state.withLock { state in
            guard !state.closed else { return }
            state.stopRequested = true
            wake()
        }
    }

    /// Everything delivered since the last call, and whether to stop; called by the loop
    /// once per turn, before it polls. When there is nothing, the loop is marked asleep
    /// in the same critical section, so a delivery that comes after this call writes
    /// the pipe and the poll that follows returns at once: nothing is left waiting, and
    /// each turn of the loop takes the lock once. `drainPipe` when poll said the pipe
    /// is readable.
    func take(drainPipe: Bool) -> (deliveries: [Delivery], stop: Bool) {
        if drainPipe {
            var scratch = [UInt8](repeating: 0, count: 256)
            while Glibc.read(readFD, &scratch, scratch.count) > 0 {}
        }
        return state.withLock { state in
            let taken = state.deliveries
            state.deliveries = []
            state.loopSleeping = taken.isEmpty && !state.stopRequested
            return (taken, state.stopRequested)
        }
    }

    /// Closes the pipe; later deliveries are dropped.
    func close() {
        state.withLock { state in
            guard !state.closed else { return }
            state.closed = true
            state.deliveries = []
            Glibc.close(readFD)
            Glibc.close(writeFD)
        }
    }

    private func wake() {
        var one: UInt8 = 1
        _ = Glibc.write(writeFD, &one, 1)
    }
}
