import Foundation

/// A transport layer that reports each exchange as one line: method, path, status, time.
///
/// It logs neither headers nor bodies nor the query, so the token and personal
/// data never reach the log.
///
/// ```
/// POST /crm/v3/objects/contacts/search -> 200 (84 ms)
/// ```
public struct LoggingTransport: Transport {
    public let base: any Transport
    public let clock: any HubSpotClock
    public let log: @Sendable (String) -> Void

    public init(base: any Transport, clock: any HubSpotClock, log: @escaping @Sendable (String) -> Void) {
        self.base = base
        self.clock = clock
        self.log = log
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let start = clock.now()
        let line = "\(request.method.rawValue) \(request.url.path)"
        do {
            let response = try await base.send(request)
            log("\(line) -> \(response.status) (\(Self.milliseconds(clock.now() - start)) ms)")
            return response
        } catch {
            log("\(line) -> no response (\(type(of: error)))")
            throw error
        }
    }

    static func milliseconds(_ d: Duration) -> Int64 {
        d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    }
}
