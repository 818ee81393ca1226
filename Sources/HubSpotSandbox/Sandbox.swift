import Foundation
import HubSpot
import Synchronization

/// An offline HubSpot account: HubSpot's REST API, answered from memory.
///
/// Every endpoint the sandbox knows is reached through ``handle(_:)`` by method, path,
/// query and body, the way a real HTTP client reaches api.hubapi.com (and api.hsforms.com
/// for form submissions). It is thread-safe: one lock guards the data, and latency is
/// waited out after the lock is released.
///
/// ```swift
/// let sandbox = Sandbox(seed: .demo, options: .unlimited)
/// let response = await sandbox.handle(HTTPRequest(
///     method: .get, url: URL(string: "https://api.hubapi.com/crm/v3/objects/contacts?limit=2")!,
///     headers: ["Authorization": "Bearer any-token"]))
/// // response.status == 200, body {"results":[...],"paging":{"next":{"after":"..."}}}
/// ```
public final class Sandbox: Sendable {
    private let engine: Mutex<SandboxEngine>
    public let options: SandboxOptions

    init(state: SandboxState, options: SandboxOptions) {
        self.options = options
        engine = Mutex(SandboxEngine(state: state, options: options))
    }

    /// A sandbox holding `seed`'s data.
    public convenience init(seed: SandboxSeed = .demo, options: SandboxOptions = SandboxOptions()) {
        self.init(state: SeedBuilder.build(seed, now: options.clock.nowMilliseconds), options: options)
    }

    /// A sandbox holding what ``save(to:)`` wrote to `url`.
    ///
    /// - Throws: the file's read error, or `SandboxError.corruptFile` when it does not decode.
    public convenience init(contentsOf url: URL, options: SandboxOptions = SandboxOptions()) throws {
        self.init(state: try Persistence.load(from: url), options: options)
    }

    /// Answers one request as HubSpot would. A dropped-connection fault, which has no
    /// HTTP form, is answered as the 502 a proxy in front of HubSpot would send;
    /// use ``reply(to:)`` to see it as a drop.
    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        switch await reply(to: request) {
        case .response(let response): return response
        case .dropConnection:
            return HTTPResponse(status: 502, headers: ["Content-Type": "text/plain"], body: Data("Bad Gateway: connection reset".utf8))
        }
    }

    /// Answers one request, or says to drop the connection (fault injection).
    public func reply(to request: HTTPRequest) async -> SandboxReply {
        let outcome = engine.withLock { $0.process(request) }
        if outcome.delayMilliseconds > 0 {
            try? await Task.sleep(nanoseconds: UInt64(outcome.delayMilliseconds) * 1_000_000)
        }
        return outcome.reply
    }

    /// Writes everything to `url` as JSON, atomically (temporary file in the same
    /// directory, fsync, rename), so a crash leaves the old file or the new one.
    ///
    /// - Throws: file-system errors.
    public func save(to url: URL) throws {
        let data = try engine.withLock { try $0.encodedState() }
        try Persistence.writeAtomically(data, to: url)
    }
}

/// Errors the sandbox's own API throws (HubSpot errors are responses, not these).
public enum SandboxError: Error, CustomStringConvertible {
    case corruptFile(URL, String)

    public var description: String {
        switch self {
        case let .corruptFile(url, reason): return "the sandbox file \(url.path) could not be read: \(reason)"
        }
    }
}
