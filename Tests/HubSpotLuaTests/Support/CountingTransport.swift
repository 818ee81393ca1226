import Foundation
import HubSpot
import Synchronization

/// Counts requests, and the most in flight at once, between the client and the sandbox.
struct CountingTransport: Transport {
    final class Box: Sendable {
        private let state = Mutex<(total: Int, inFlight: Int, maxInFlight: Int, delayed: Int)>((0, 0, 0, 0))
        var total: Int { state.withLock { $0.total } }
        /// Requests whose delay ran to its end (a cancelled request never gets here).
        var delayed: Int { state.withLock { $0.delayed } }
        func delayElapsed() { state.withLock { $0.delayed += 1 } }
        var maxInFlight: Int { state.withLock { $0.maxInFlight } }
        func begin() { state.withLock { $0.total += 1; $0.inFlight += 1; $0.maxInFlight = max($0.maxInFlight, $0.inFlight) } }
        func end() { state.withLock { $0.inFlight -= 1 } }
    }

    let base: any Transport
    let box: Box
    /// Real time each request takes, so that requests can overlap.
    var delay: Duration = .zero

    init(_ base: any Transport, _ box: Box, delay: Duration = .zero) {
        self.base = base
        self.box = box
        self.delay = delay
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        box.begin()
        defer { box.end() }
        if delay > .zero {
            try await Task.sleep(for: delay)
            box.delayElapsed()
        }
        return try await base.send(request)
    }
}
