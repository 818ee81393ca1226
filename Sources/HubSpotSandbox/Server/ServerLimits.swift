/// The bounds the loopback server puts on every client, so that no client can make it
/// hold unbounded memory or a connection forever.
///
/// The defaults suit HubSpot's own API: batch bodies of 100 records stay far below the
/// 10 MiB body limit, and the header limits are those of common front-end proxies.
/// Tests pass much shorter timeouts so that idle and slow clients are cut off quickly.
///
/// ```swift
/// let limits = ServerLimits(idleTimeout: 0.2, requestTimeout: 0.2)
/// let server = SandboxServer(limits: limits) { _ in HTTPResponse(status: 204) }
/// ```
public struct ServerLimits: Sendable, Equatable {
    /// Longest request line (method, target, version) in bytes; longer gets 414.
    public var maxRequestLineLength: Int
    /// Most header fields in one request (trailers of a chunked body included); more gets 431.
    public var maxHeaderCount: Int
    /// Most bytes in the header section (and, separately, in chunked trailers); more gets 431.
    public var maxHeaderBytes: Int
    /// Largest request body in bytes, whether framed by Content-Length or chunked; larger gets 413.
    public var maxBodyBytes: Int
    /// Seconds a keep-alive connection may wait with no request before it is closed quietly.
    public var idleTimeout: Double
    /// Seconds a client has to send a whole request once it has sent its first byte, and to
    /// read a whole response; past that it gets 408 (or is closed) — the slowloris defence.
    public var requestTimeout: Double
    /// Most open connections; a client beyond that is accepted and closed at once.
    public var maxConnections: Int

    public init(
        maxRequestLineLength: Int = 8 * 1024,
        maxHeaderCount: Int = 100,
        maxHeaderBytes: Int = 64 * 1024,
        maxBodyBytes: Int = 10 * 1024 * 1024,
        idleTimeout: Double = 60,
        requestTimeout: Double = 30,
        maxConnections: Int = 1024
    ) {
        self.maxRequestLineLength = maxRequestLineLength
        self.maxHeaderCount = maxHeaderCount
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeout = idleTimeout
        self.requestTimeout = requestTimeout
        self.maxConnections = maxConnections
    }

    /// The defaults: 8 KiB request line, 100 headers in 64 KiB, 10 MiB bodies, 60 s idle, 30 s per request.
    public static let standard = ServerLimits()
}
