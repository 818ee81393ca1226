import Foundation
import HubSpotSandbox

/// `hubsh sandbox serve`: HubSpot's HTTP API on 127.0.0.1, for any HubSpot client.
///
/// The first line on standard output is the base URL, so a test or a script can read
/// it (`--port 0` picks a free port). SIGINT or SIGTERM stops the server; with `--data`
/// every write has already been saved (atomically) by then.
struct SandboxServeCommand {
    var options: SandboxServeOptions
    var output = StandardOutput()

    func run() -> ExitCode {
        let sandboxOptions = SandboxOptions(latency: options.latency, rateLimitPerTenSeconds: options.rateLimit,
                                            searchPerSecond: options.rateLimit == 0 ? 0 : 5,
                                            dailyLimit: options.rateLimit == 0 ? 0 : 250_000,
                                            persistenceURL: options.dataFile.map { URL(fileURLWithPath: $0) })
        let sandbox: Sandbox
        do {
            if let file = options.dataFile, FileManager.default.fileExists(atPath: file) {
                sandbox = try Sandbox(contentsOf: URL(fileURLWithPath: file), options: sandboxOptions)
            } else {
                sandbox = Sandbox(seed: SandboxSeed(rawValue: options.seed) ?? .demo, options: sandboxOptions)
            }
        } catch {
            output.error("cannot load the sandbox from \(options.dataFile ?? ""): \(error)")
            return .configuration
        }
        // Block SIGINT and SIGTERM before any thread starts, so every thread inherits the
        // mask and only the sigwait below takes them (no thread dies of them by default).
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let server = SandboxServer(port: options.port) { request in
            switch await sandbox.reply(to: request) {
            case .response(let response): return .response(response)
            case .dropConnection: return .dropConnection
            }
        }
        do {
            try server.start()
        } catch {
            output.error("cannot serve the sandbox on port \(options.port): \(error)")
            return .configuration
        }
        output.line(server.url.absoluteString)
        let source = options.dataFile.map { "data in \($0)" } ?? "seed \(options.seed), in memory"
        output.error("serving HubSpot's API at \(server.url.absoluteString) (\(source)); any bearer token works; Ctrl-C stops")
        Self.waitForTerminationSignal()
        server.stop()
        return .ok
    }

    /// Blocks until SIGINT or SIGTERM arrives (both blocked in every thread by `run`).
    private static func waitForTerminationSignal() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        var received: Int32 = 0
        sigwait(&signals, &received)
    }
}
