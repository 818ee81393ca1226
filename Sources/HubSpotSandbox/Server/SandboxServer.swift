import Foundation
import HubSpot
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A loopback HTTP/1.1 server that hands every request to an async handler — how
/// `hubsh sandbox serve` exposes the sandbox to any HubSpot client.
///
/// It speaks keep-alive, pipelining, chunked request bodies and `Expect: 100-continue`,
/// enforces ``ServerLimits``, and answers malformed requests with 400 and a close. The
/// handler sees a request whose URL is `http://HOST:PORT` plus the request target, so
/// it can route by path; its response gets Content-Length, Date and, for JSON,
/// HubSpot's content type.
///
/// ```swift
/// let sandbox = Sandbox()
/// let server = SandboxServer { await sandbox.handle($0) }
/// let port = try server.start()
/// print(server.url)   // http://127.0.0.1:40321
/// // … curl http://127.0.0.1:40321/crm/v3/objects/contacts …
/// server.stop()
/// ```
///
/// The server is safe to start and stop from any thread; one event-loop thread of its
/// own does all socket I/O, and handlers run as tasks on Swift's global executor.
public final class SandboxServer: Sendable {
    /// Answers one request. It runs on Swift's cooperative pool; it should not block.
    public typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

    /// What a ``Replier`` does with a request: answer it, or drop the connection without
    /// a response, as a failing network does (the sandbox's fault injection uses this).
    public enum Reply: Sendable, Equatable {
        case response(HTTPResponse)
        /// Reset the connection (TCP RST): the client sees "connection reset by peer".
        case dropConnection
    }

    /// Answers one request, or drops the connection. Runs like a ``Handler``.
    public typealias Replier = @Sendable (HTTPRequest) async -> Reply

    public let host: String
    public let limits: ServerLimits
    private let requestedPort: UInt16
    private let replier: Replier

    /// Held across start and stop, so concurrent callers see one or the other whole.
    private let state = Mutex(State.idle)

    private enum State {
        case idle
        case running(port: UInt16, mailbox: LoopMailbox, finished: DispatchSemaphore)
        case stopped
    }

    /// - Parameters:
    ///   - host: an IPv4 address to listen on; tests and the default use loopback only.
    ///   - port: 0 lets the kernel pick a free port; ``start()`` returns the one chosen.
    ///   - limits: the bounds put on every client.
    ///   - handler: answers each request.
    public convenience init(host: String = "127.0.0.1", port: UInt16 = 0, limits: ServerLimits = .standard,
                            handler: @escaping Handler) {
        self.init(host: host, port: port, limits: limits, replier: { .response(await handler($0)) })
    }

    /// A server whose replier may also drop connections.
    ///
    /// ```swift
    /// let server = SandboxServer { request in
    ///     switch await sandbox.reply(to: request) {
    ///     case .response(let response): return .response(response)
    ///     case .dropConnection: return .dropConnection
    ///     }
    /// }
    /// ```
    public init(host: String = "127.0.0.1", port: UInt16 = 0, limits: ServerLimits = .standard,
                replier: @escaping Replier) {
        self.host = host
        self.requestedPort = port
        self.limits = limits
        self.replier = replier
    }

    deinit {
        stop()
    }

    /// Binds, starts the event-loop thread and returns the bound port.
    ///
    /// - Throws: ``SandboxServerError`` when the host is not an IPv4 address, the port is
    ///   taken, the server was already started, or the system refuses a descriptor.
    @discardableResult
    public func start() throws -> UInt16 {
        try state.withLock { state in
            guard case .idle = state else { throw SandboxServerError.alreadyStarted }
            let (listenerFD, port) = try PosixSocket.listen(host: host, port: requestedPort)
            let mailbox: LoopMailbox
            do {
                mailbox = try LoopMailbox()
            } catch {
                Glibc.close(listenerFD)
                throw error
            }
            let finished = DispatchSemaphore(value: 0)
            let limits = self.limits
            let replier = self.replier
            let baseURL = "http://\(host):\(port)"
            let thread = Thread {
                let loop = EventLoop(listenerFD: listenerFD, mailbox: mailbox,
                                     limits: limits, baseURL: baseURL, replier: replier)
                loop.run()
                finished.signal()
            }
            thread.name = "hubsh-sandbox-server"
            thread.start()
            state = .running(port: port, mailbox: mailbox, finished: finished)
            return port
        }
    }

    /// Closes the listener and every connection and waits for the loop thread to end.
    /// Handlers still running finish on their own; their responses are dropped.
    /// Calling it again, or before ``start()``, does nothing.
    public func stop() {
        state.withLock { state in
            switch state {
            case .idle:
                state = .stopped
            case .running(_, let mailbox, let finished):
                mailbox.requestStop()
                finished.wait()  // the loop thread has closed every descriptor when this returns
                state = .stopped
            case .stopped:
                break
            }
        }
    }

    /// The bound port, once started; 0 before ``start()`` and after ``stop()``.
    public var port: UInt16 {
        state.withLock { state in
            if case .running(let port, _, _) = state { return port }
            return 0
        }
    }

    /// `http://HOST:PORT`, the base URL to give a HubSpot client.
    public var url: URL {
        // Host is a validated IPv4 literal (or "localhost") and port a number: always a URL.
        URL(string: "http://\(host):\(port)") ?? URL(fileURLWithPath: "/")
    }
}
