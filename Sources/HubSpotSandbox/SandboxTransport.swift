import Foundation
import HubSpot
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The sandbox as a ``Transport``: requests go to ``Sandbox/reply(to:)`` in process, with
/// no sockets.
///
/// ```swift
/// let client = HubSpotClient(transport: SandboxTransport(Sandbox()))
/// ```
///
/// - Throws: `URLError(.networkConnectionLost)` when fault injection drops the connection,
///   as URLSession would.
public struct SandboxTransport: Transport {
    public let sandbox: Sandbox

    public init(_ sandbox: Sandbox) { self.sandbox = sandbox }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        switch await sandbox.reply(to: request) {
        case .response(let response): return response
        case .dropConnection: throw URLError(.networkConnectionLost)
        }
    }
}

/// What the sandbox does with a request: answer it, or (fault injection) drop the connection.
public enum SandboxReply: Sendable, Equatable {
    case response(HTTPResponse)
    /// Close the connection without a response; the loopback server closes its socket.
    case dropConnection
}
