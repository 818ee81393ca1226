import Foundation
import HubSpot
import HubSpotLua
import HubSpotSandbox
import LuaKit

/// Runs `body` on a fresh `Thread` and returns its result to the awaiting test.
///
/// Lua states with the hubspot module block their thread while a request is in flight;
/// Swift Testing runs tests on the cooperative pool (about two threads here), which must
/// never be blocked, so every state lives on a thread of its own.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// A script's failure, as the REPL would print it.
struct ScriptFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A Lua state with `hubspot` on an in-process sandbox, made and used on one thread.
struct LuaHarness: Sendable {
    let sandbox: Sandbox
    let client: HubSpotClient

    init(seed: SandboxSeed = .demo, options: SandboxOptions = .unlimited, clock: any HubSpotClock = VirtualClock(),
         wrap: @Sendable (any Transport) -> any Transport = { $0 },
         configure: (inout HubSpotConfiguration) -> Void = { _ in }) {
        var options = options
        // Requests arrive when the client's limiter booked them (RateLimitTransport.bookedSendTime),
        // so the sandbox's own limits judge the client on the same virtual clock.
        let virtual = clock
        options.clock = SandboxClock {
            let t = RateLimitTransport.bookedSendTime ?? virtual.now()
            return 1_767_225_600_000 + t.components.seconds * 1000 + t.components.attoseconds / 1_000_000_000_000_000
        }
        sandbox = Sandbox(seed: seed, options: options)
        var configuration = HubSpotConfiguration(accessToken: "pat-na1-secret-token")
        configure(&configuration)
        client = HubSpotClient(configuration: configuration, base: wrap(SandboxTransport(sandbox)), clock: clock)
    }

    /// Makes a state on the calling thread with the module installed; `connect` makes sandboxes.
    func makeState() throws -> LuaState {
        // The repository's stdlib, as hubsh finds it from the build tree.
        var options = LuaState.Options()
        options.modulePaths = [URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("stdlib").path]
        let lua = try LuaState(options: options)
        try HubSpotLua.install(in: lua, client: client) { options in
            guard options.sandbox else { throw ConnectError(message: "only sandboxes in tests") }
            return HubSpotClient(configuration: HubSpotConfiguration(accessToken: "other"),
                                 base: SandboxTransport(Sandbox(seed: .demo, options: .unlimited)), clock: VirtualClock())
        }
        return lua
    }

    /// Runs `code` and returns its results as text: strings as they are, other values as
    /// `tostring` shows them (tables as JSON with sorted keys, so tests can compare them).
    func run(_ code: String) async throws -> [String] {
        let harness = self
        return try await onThread {
            let lua = try harness.makeState()
            lua.register("show") { call in
                call.stack.push(try Self.show(call.stack, at: 1))
                return .values(1)
            }
            do {
                try lua.load("local results = table.pack((function() \(code) \n end)()); for i = 1, results.n do results[i] = show(results[i]) end; return table.unpack(results, 1, results.n)",
                             chunkName: "=test")
                return try lua.callLoaded(arguments: 0).map { $0.stringValue ?? "nil" }
            } catch let error as LuaError {
                throw ScriptFailure(message: error.message)
            }
        }
    }

    /// Runs `code` expecting it to fail, and returns the error message.
    func failure(_ code: String) async throws -> String {
        do {
            let results = try await run(code)
            return "no error; returned \(results)"
        } catch let failure as ScriptFailure {
            return failure.message
        }
    }

    static func show(_ stack: LuaStack, at index: Int32) throws -> String {
        switch stack.type(at: index) {
        case .nil, .none: return "nil"
        case .string: return stack.string(at: index) ?? ""
        case .table:
            stack.pushCopy(of: index)
            defer { stack.pop() }
            if let tostring = try? stack.toDisplayString(at: -1), !tostring.hasPrefix("table: ") { return tostring }
            return String(decoding: try LuaJSON.encode(stack, at: -1, sortKeys: true), as: UTF8.self)
        default: return try stack.toDisplayString(at: index)
        }
    }
}
