import Foundation
import HubSpot
#if canImport(Glibc)
import Glibc
#endif

/// A poll(2) loop on one thread that owns the listener and every connection.
///
/// All socket I/O and all protocol state live on this thread, so none of it needs a
/// lock. Handlers run elsewhere: each request becomes a `Task` on Swift's global
/// executor, which serializes its response off the loop and hands the bytes back
/// through the ``LoopMailbox`` (a self-pipe wake-up). No thread is created or blocked
/// per request, and the cooperative pool never waits on a socket.
///
/// poll rather than epoll because Glibc's Swift module exports no epoll; a poll costs
/// O(connections) per wake-up, which is noise at the ``ServerLimits/maxConnections``
/// a loopback sandbox sees, and changing interest is a store into the array, not a syscall.
final class EventLoop {
    private static let listenerSlot = 0
    private static let mailboxSlot = 1

    private let listenerFD: Int32
    private let mailbox: LoopMailbox
    private let limits: ServerLimits
    private let replier: SandboxServer.Replier
    private let baseURL: String

    /// Slot 0 is the listener, slot 1 the mailbox, then one per connection (`Connection.slot`).
    private var pollFDs: [pollfd] = []
    private var slotOwners: [Connection?] = []
    private var connections: [UInt64: Connection] = [:]
    private var nextID: UInt64 = 1
    private var acceptPausedUntil: Double?
    private var lastSweep = 0.0
    /// How often deadlines are checked: often enough for the shortest timeout, rarely
    /// enough that a sweep over all connections is noise.
    private let sweepInterval: Double
    private let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)

    init(listenerFD: Int32, mailbox: LoopMailbox, limits: ServerLimits,
         baseURL: String, replier: @escaping SandboxServer.Replier) {
        self.listenerFD = listenerFD
        self.mailbox = mailbox
        self.limits = limits
        self.baseURL = baseURL
        self.replier = replier
        self.sweepInterval = min(max(min(limits.idleTimeout, limits.requestTimeout) / 4, 0.005), 0.25)
        pollFDs = [pollfd(fd: listenerFD, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: mailbox.readFD, events: Int16(POLLIN), revents: 0)]
        slotOwners = [nil, nil]
    }

    deinit {
        readBuffer.deallocate()
    }

    /// Runs until ``LoopMailbox/requestStop()``, then closes every descriptor it owns.
    func run() {
        var ready: [(Connection, Int16)] = []
        var mailReady = false
        while true {
            // Mail first: responses that arrived while the loop was busy go out now, and
            // an empty mailbox lets the poll below block until the pipe says otherwise.
            let (deliveries, stop) = mailbox.take(drainPipe: mailReady)
            if stop { break }
            deliver(deliveries, now: PosixSocket.monotonicNow())
            let timeout = deliveries.isEmpty ? Int32((sweepInterval * 1000).rounded(.up)) : 0
            let count = pollFDs.withUnsafeMutableBufferPointer {
                poll($0.baseAddress, nfds_t($0.count), timeout)
            }
            if count < 0 && errno != EINTR { break }
            let now = PosixSocket.monotonicNow()
            mailReady = false
            if count > 0 {
                // Collect first: handling an event may close connections and move slots.
                ready.removeAll(keepingCapacity: true)
                for slot in 2..<pollFDs.count where pollFDs[slot].revents != 0 {
                    if let owner = slotOwners[slot] { ready.append((owner, pollFDs[slot].revents)) }
                }
                let listenerReady = pollFDs[Self.listenerSlot].revents != 0
                mailReady = pollFDs[Self.mailboxSlot].revents != 0
                for (connection, events) in ready where connections[connection.id] != nil {
                    connectionEvent(connection, events: events, now: now)
                }
                if listenerReady { acceptAll(now: now) }
            }
            if now - lastSweep >= sweepInterval {
                lastSweep = now
                sweep(now: now)
            }
        }
        shutdownAll()
    }

    // MARK: Accepting

    private func acceptAll(now: Double) {
        while true {
            switch PosixSocket.accept(listenerFD) {
            case .accepted(let fd):
                guard connections.count < limits.maxConnections else {
                    Glibc.close(fd)
                    continue
                }
                let connection = Connection(id: nextID, fd: fd, limits: limits, slot: pollFDs.count, now: now)
                nextID += 1
                connections[connection.id] = connection
                pollFDs.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
                slotOwners.append(connection)
            case .wouldBlock, .failed:
                return
            case .exhausted:
                // poll would report the listener again at once: step back until a
                // sweep after descriptors may have been freed.
                pollFDs[Self.listenerSlot].fd = -1
                acceptPausedUntil = now + 0.1
                return
            }
        }
    }

    // MARK: Connection events

    private func connectionEvent(_ connection: Connection, events: Int16, now: Double) {
        let errorOrHangUp = Int16(POLLERR) | Int16(POLLHUP) | Int16(POLLNVAL)
        if events & Int16(POLLOUT) != 0 {
            guard connection.flush(now: now) else { return close(connection) }
            afterWrite(connection, now: now)
            guard connections[connection.id] != nil else { return }
        }
        if events & (Int16(POLLIN) | errorOrHangUp) != 0 {
            if pollFDs[connection.slot].events & Int16(POLLIN) == 0 {
                // Not reading, yet the socket reports an error or hang-up: the client is gone.
                if events & errorOrHangUp != 0 { close(connection) }
                return
            }
            read(connection, now: now)
        }
    }

    private func read(_ connection: Connection, now: Double) {
        switch PosixSocket.read(connection.fd, into: readBuffer) {
        case .transferred(let n):
            connection.lastActivity = now
            if connection.lingeringSince != nil { return }  // discarding
            let bytes = UnsafeRawBufferPointer(rebasing: readBuffer[0..<n])
            perform(connection.machine.bytesReceived(bytes), on: connection, now: now)
        case .wouldBlock:
            return
        case .endOfInput:
            if connection.lingeringSince != nil { return close(connection) }
            perform(connection.machine.inputClosed(), on: connection, now: now)
        case .failed:
            close(connection)
        }
    }

    /// Carries out the state machine's actions in order, then brings the poll
    /// registration and the clocks up to date.
    private func perform(_ actions: [HTTPConnectionStateMachine.Action], on connection: Connection, now: Double) {
        for action in actions {
            switch action {
            case .dispatch(let request):
                dispatch(request, connection: connection.id)
            case .writeContinue:
                guard connection.send(HTTPResponseWriter.continueBytes, now: now) else { return close(connection) }
            case .writeError(let error):
                let bytes = HTTPResponseWriter.errorResponse(error, date: HTTPDate.now())
                guard connection.send(bytes, now: now) else { return close(connection) }
            case .write(let bytes):
                guard connection.send(bytes, now: now) else { return close(connection) }
            case .close:
                connection.closeWhenFlushed = true
            }
        }
        afterWrite(connection, now: now)
    }

    /// Closes or lingers once output is flushed, and re-registers interest if it changed.
    private func afterWrite(_ connection: Connection, now: Double) {
        if connection.closeWhenFlushed && !connection.hasPendingOutput && connection.lingeringSince == nil {
            if connection.machine.inputEnded { return close(connection) }
            shutdown(connection.fd, Int32(SHUT_WR))
            connection.lingeringSince = now
        }
        if connection.machine.isMidRequest {
            if connection.requestStarted == nil { connection.requestStarted = now }
        } else {
            connection.requestStarted = nil
        }
        pollFDs[connection.slot].events = connection.desiredEvents
    }

    /// Closes with a TCP reset instead of a FIN: SO_LINGER with a zero timeout.
    private func reset(_ connection: Connection) {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(connection.fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(connection)
    }

    /// Closes the socket and moves the last slot into the freed one.
    private func close(_ connection: Connection) {
        guard connections.removeValue(forKey: connection.id) != nil else { return }
        Glibc.close(connection.fd)
        let slot = connection.slot
        let last = pollFDs.count - 1
        if slot != last, let moved = slotOwners[last] {
            pollFDs[slot] = pollFDs[last]
            slotOwners[slot] = moved
            moved.slot = slot
        }
        pollFDs.removeLast()
        slotOwners.removeLast()
    }

    // MARK: Handlers

    private func dispatch(_ request: ParsedRequest, connection id: UInt64) {
        HandlerBridge.start(request, connection: id, baseURL: baseURL, replier: replier, mailbox: mailbox)
    }

    private func deliver(_ deliveries: [LoopMailbox.Delivery], now: Double) {
        for delivery in deliveries {
            guard let connection = connections[delivery.connection] else { continue }
            switch delivery.outcome {
            case .response(let bytes, let keepAlive):
                perform(connection.machine.responseReady(bytes, keepAlive: keepAlive), on: connection, now: now)
            case .drop:
                reset(connection)
            }
        }
    }

    // MARK: Deadlines

    private func sweep(now: Double) {
        if let until = acceptPausedUntil, now >= until {
            acceptPausedUntil = nil
            pollFDs[Self.listenerSlot].fd = listenerFD
        }
        for connection in Array(connections.values) {
            if let since = connection.lingeringSince {
                if now - since >= min(limits.requestTimeout, 2) { close(connection) }
            } else if connection.hasPendingOutput {
                if now - connection.lastWriteProgress >= limits.requestTimeout { close(connection) }
            } else if connection.machine.phase == .reading {
                let expired = if let started = connection.requestStarted {
                    now - started >= limits.requestTimeout
                } else {
                    now - connection.lastActivity >= limits.idleTimeout
                }
                if expired { perform(connection.machine.timedOut(), on: connection, now: now) }
            }
        }
    }

    private func shutdownAll() {
        for connection in Array(connections.values) { close(connection) }
        Glibc.close(listenerFD)
        mailbox.close()
    }
}
