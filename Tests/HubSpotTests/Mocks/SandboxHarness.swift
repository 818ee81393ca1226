import Foundation
import HubSpot
import HubSpotSandbox
import HubSpotSpecs

/// Wraps a transport and checks every request and response body against HubSpot's
/// API descriptions (HubSpotSpecs), collecting the problems.
final class SpecCheckingTransport: Transport, @unchecked Sendable {
    let base: any Transport
    private let lock = NSLock()
    private var found: [String] = []
    private var checked = 0

    init(_ base: any Transport) { self.base = base }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let specs = HubSpotSpecs.shared
        let method = request.method.rawValue, path = request.url.path
        // Form submissions and legacy v2 workflows are not in the descriptions (README).
        let described = specs.operation(method: method, path: path) != nil
        var problems: [String] = []
        // Send first, validate after: validation takes time, and a stepped clock must see
        // the request arrive before it decides everything has gone quiet.
        let response = try await base.send(request)
        if described, let body = request.body {
            problems += specs.validateRequest(method: method, path: path, body: body).map { "request \(method) \(path): \($0)" }
        }
        if response.status == 429 { lock.withLock { rateLimited += 1 } }
        if described, response.status != 429 {
            problems += specs.validateResponse(method: method, path: path, status: response.status, body: response.body)
                .map { "response \(response.status) \(method) \(path): \($0)" }
        }
        lock.withLock { found += problems; if described { checked += 1 } }
        return response
    }

    var problems: [String] { lock.withLock { found } }
    /// 429s HubSpot (the sandbox) sent, before the retry layer saw them.
    var rateLimitedCount: Int { lock.withLock { rateLimited } }
    private var rateLimited = 0
    var checkedCount: Int { lock.withLock { checked } }
}

/// A client on an in-process sandbox, every exchange spec-checked.
struct SandboxHarness {
    let sandbox: Sandbox
    let checker: SpecCheckingTransport
    let client: HubSpotClient
    let clock: any HubSpotClock

    init(seed: SandboxSeed = .demo, options: SandboxOptions = .unlimited, checkSpecs: Bool = true, clock: any HubSpotClock = VirtualClock(),
         configure: (inout HubSpotConfiguration) -> Void = { _ in }) {
        self.clock = clock
        var options = options
        let virtual = clock
        let start: Int64 = 1_767_225_600_000
        // Requests arrive when the limiter booked them (see RateLimitTransport.bookedSendTime).
        options.clock = SandboxClock {
            let t = RateLimitTransport.bookedSendTime ?? virtual.now()
            return start + t.components.seconds * 1000 + t.components.attoseconds / 1_000_000_000_000_000
        }
        sandbox = Sandbox(seed: seed, options: options)
        checker = SpecCheckingTransport(SandboxTransport(sandbox))
        var configuration = HubSpotConfiguration(accessToken: "pat-sandbox-token")
        configure(&configuration)
        client = HubSpotClient(configuration: configuration, base: checkSpecs ? checker : SandboxTransport(sandbox), clock: clock)
    }
}
