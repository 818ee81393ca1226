/// What the user asked for on the command line, parsed but not yet acted on.
struct Invocation: Equatable {
    enum Command: Equatable {
        case repl
        case run(file: String, arguments: [String])
        case evaluate(code: String, arguments: [String])
        case sandboxServe(SandboxServeOptions)
        case help(topic: String?)
        case version
    }

    var command: Command = .repl
    var options = GlobalOptions()
}

/// Options every command takes (design.md's command line).
struct GlobalOptions: Equatable {
    var sandbox = false
    var profile: String?
    var baseURL: String?
    var dryRun = false
    var json = false
    var quiet = false
    var verbose = false
}

/// `hubsh sandbox serve` options.
struct SandboxServeOptions: Equatable {
    var port: UInt16 = 0
    var dataFile: String?
    var seed = "demo"
    var latency = 0
    var rateLimit = 100
}
