import Foundation

/// Which data a new sandbox starts with.
///
/// ```swift
/// let empty = Sandbox(seed: .empty)
/// ```
public enum SandboxSeed: String, Sendable, CaseIterable {
    /// A deterministic demo account: companies, contacts, deals, tickets, activities, owners,
    /// a list, a form and a workflow, with the same ids on every run.
    case demo
    /// Only definitions (properties, pipelines, association types); no records.
    case empty
}

/// How a sandbox behaves beyond its data: speed, limits, faults and persistence.
///
/// ```swift
/// var options = SandboxOptions()
/// options.rateLimitPerTenSeconds = 0          // no rate limit in tests
/// options.faults = FaultInjection(serverError: 0.1, seed: 7)
/// let sandbox = Sandbox(seed: .empty, options: options)
/// ```
public struct SandboxOptions: Sendable {
    /// Added to every response, in milliseconds, to feel like a network.
    public var latency: Int
    /// Requests allowed per rolling ten seconds (HubSpot's `TEN_SECONDLY_ROLLING` policy).
    /// 100 is the Free/Starter private-app limit, the strictest tier, so scripts that pass
    /// here pass everywhere; Professional/Enterprise accounts get 190. 0 turns it off.
    public var rateLimitPerTenSeconds: Int
    /// Search requests allowed per second (HubSpot's `SECONDLY` policy for search). 0 is off.
    public var searchPerSecond: Int
    /// Requests allowed per UTC day (`DAILY` policy). 0 is off.
    public var dailyLimit: Int
    /// Random failures, from a fixed seed so a test sees the same ones every run.
    public var faults: FaultInjection
    /// When set, the sandbox saves itself to this file after every write.
    public var persistenceURL: URL?
    /// Where the sandbox reads the time; inject a ``ManualClock`` to test limits without waiting.
    public var clock: SandboxClock

    public init(
        latency: Int = 0, rateLimitPerTenSeconds: Int = 100, searchPerSecond: Int = 5, dailyLimit: Int = 250_000,
        faults: FaultInjection = .none, persistenceURL: URL? = nil, clock: SandboxClock = .system
    ) {
        self.latency = latency
        self.rateLimitPerTenSeconds = rateLimitPerTenSeconds
        self.searchPerSecond = searchPerSecond
        self.dailyLimit = dailyLimit
        self.faults = faults
        self.persistenceURL = persistenceURL
        self.clock = clock
    }

    /// No limits, no latency, no faults: what unit tests usually want.
    public static var unlimited: SandboxOptions {
        SandboxOptions(rateLimitPerTenSeconds: 0, searchPerSecond: 0, dailyLimit: 0)
    }
}

/// Probabilities (0...1) of failures the sandbox injects into responses.
///
/// Draws come from a generator seeded with `seed`, one draw per request, so a given
/// sequence of requests meets the same faults on every run.
public struct FaultInjection: Sendable, Equatable {
    /// 500 `INTERNAL_ERROR`, as HubSpot answers now and then under load.
    public var serverError: Double
    /// 502 from the edge in front of HubSpot.
    public var badGateway: Double
    /// 503, HubSpot's answer during incidents and deploys.
    public var serviceUnavailable: Double
    /// 429 with the ten-second policy's body, regardless of the real count: tests a
    /// client's back-off without sending a hundred requests.
    public var tooManyRequests: Double
    /// The connection closes with no response; ``SandboxTransport`` throws `URLError(.networkConnectionLost)`.
    public var connectionDrop: Double
    /// The response arrives `slowMilliseconds` late (client timeouts).
    public var slowResponse: Double
    /// How long a slow response takes, in milliseconds.
    public var slowMilliseconds: Int
    /// Seed of the generator the draws come from: the same seed, the same faults.
    public var seed: UInt64

    public init(
        serverError: Double = 0, badGateway: Double = 0, serviceUnavailable: Double = 0, tooManyRequests: Double = 0,
        connectionDrop: Double = 0, slowResponse: Double = 0, slowMilliseconds: Int = 2000, seed: UInt64 = 0x5EED
    ) {
        self.serverError = serverError
        self.badGateway = badGateway
        self.serviceUnavailable = serviceUnavailable
        self.tooManyRequests = tooManyRequests
        self.connectionDrop = connectionDrop
        self.slowResponse = slowResponse
        self.slowMilliseconds = slowMilliseconds
        self.seed = seed
    }

    public static let none = FaultInjection()

    var isActive: Bool {
        serverError + badGateway + serviceUnavailable + tooManyRequests + connectionDrop + slowResponse > 0
    }
}
