import Foundation
import HubSpot
import Synchronization

/// A ``SandboxTransport`` whose sandbox is made on the first request.
///
/// `hubsh` with no token runs on the demo sandbox, but most runs of `hubsh -e` or a
/// script that touches no CRM object never send a request: building the demo account
/// (thousands of records and their indexes) only when one is sent keeps start-up fast.
///
/// ```swift
/// let client = HubSpotClient(configuration: …, base: LazySandboxTransport { Sandbox(seed: .demo) })
/// ```
public final class LazySandboxTransport: Transport {
    private let make: @Sendable () -> Sandbox
    private let made = Mutex<Sandbox?>(nil)

    public init(_ make: @escaping @Sendable () -> Sandbox) { self.make = make }

    /// The sandbox, made now if no request has made it yet.
    public var sandbox: Sandbox {
        made.withLock { made in
            if let sandbox = made { return sandbox }
            let sandbox = make()
            made = sandbox
            return sandbox
        }
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await SandboxTransport(sandbox).send(request)
    }
}
