/// Turns `hubsh`'s arguments into an ``Invocation``.
///
/// Global options may come before or after the command word, but everything after a
/// script's file name belongs to the script (`hubsh run job.lua --verbose` passes
/// `--verbose` to job.lua), as with lua(1).
struct ArgumentParser {
    static var flags: [String: WritableKeyPath<GlobalOptions, Bool>] { [
        "--sandbox": \.sandbox, "--dry-run": \.dryRun, "--json": \.json, "--quiet": \.quiet, "--verbose": \.verbose,
    ] }
    static var valued: [String: WritableKeyPath<GlobalOptions, String?>] { ["--profile": \.profile, "--base-url": \.baseURL] }
    static let commands = ["run", "sandbox", "help"]

    /// - Throws: ``CommandError`` with exit status 2 and a sentence that names the mistake.
    static func parse(_ arguments: [String]) throws -> Invocation {
        var invocation = Invocation()
        var rest = arguments[...]
        var codes: [String] = []
        while let word = rest.first {
            rest = rest.dropFirst()
            if let flag = flags[word] {
                invocation.options[keyPath: flag] = true
            } else if let key = valued[word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word] {
                invocation.options[keyPath: key] = try value(of: word, from: &rest)
            } else if word == "-e" {
                guard let code = rest.first else { throw CommandError.usage("option '-e' needs a Lua chunk: hubsh -e 'return 1 + 1'") }
                rest = rest.dropFirst()
                codes.append(code)
            } else if word == "-h" || word == "--help" {
                invocation.command = .help(topic: nil)
                return invocation
            } else if word == "-v" || word == "--version" {
                invocation.command = .version
                return invocation
            } else if word == "--" {
                // The end of options: what follows is a command (or, after -e, arguments).
                guard let next = rest.first else { break }
                rest = rest.dropFirst()
                if !codes.isEmpty {
                    invocation.command = .evaluate(code: codes.joined(separator: "\n"), arguments: [next] + rest)
                } else {
                    invocation.command = try command(next, rest: &rest, options: &invocation.options)
                }
                return invocation
            } else if word.hasPrefix("-") && word != "-" {
                throw CommandError.usage("unknown option '\(word)'.\(suggestion(for: word, among: Array(flags.keys) + Array(valued.keys) + ["-e", "--help", "--version"]))")
            } else if !codes.isEmpty {
                invocation.command = .evaluate(code: codes.joined(separator: "\n"), arguments: [word] + rest)
                return invocation
            } else {
                invocation.command = try command(word, rest: &rest, options: &invocation.options)
                return invocation
            }
        }
        if !codes.isEmpty { invocation.command = .evaluate(code: codes.joined(separator: "\n"), arguments: Array(rest)) }
        return invocation
    }

    private static func command(_ word: String, rest: inout ArraySlice<String>, options: inout GlobalOptions) throws -> Invocation.Command {
        switch word {
        case "run":
            // Options may stand between `run` and the file.
            while let next = rest.first, next.hasPrefix("--") {
                let name = next.split(separator: "=", maxSplits: 1).first.map(String.init) ?? next
                if let flag = flags[next] {
                    options[keyPath: flag] = true
                    rest = rest.dropFirst()
                } else if let key = valued[name] {
                    rest = rest.dropFirst()
                    options[keyPath: key] = try value(of: next, from: &rest)
                } else {
                    break
                }
            }
            guard let file = rest.first else { throw CommandError.usage("'run' needs a script: hubsh run FILE [ARGS...] (FILE '-' reads standard input)") }
            return .run(file: file, arguments: Array(rest.dropFirst()))
        case "sandbox":
            guard rest.first == "serve" else {
                throw CommandError.usage("'sandbox' needs a subcommand: hubsh sandbox serve [--port N] [--data FILE] [--seed demo|empty] [--latency MS] [--rate-limit N]")
            }
            return .sandboxServe(try sandboxServeOptions(rest.dropFirst(), options: &options))
        case "help":
            return .help(topic: rest.first)
        default:
            if word.hasSuffix(".lua") {
                throw CommandError.usage("unknown command '\(word)'. Did you mean 'hubsh run \(word)'?")
            }
            throw CommandError.usage("unknown command '\(word)'.\(suggestion(for: word, among: commands)) See 'hubsh --help'.")
        }
    }

    private static func sandboxServeOptions(_ words: ArraySlice<String>, options: inout GlobalOptions) throws -> SandboxServeOptions {
        var serve = SandboxServeOptions()
        var rest = words
        func number<T: FixedWidthInteger>(_ word: String, _ text: String, _ type: T.Type) throws -> T {
            guard let value = T(text), value >= 0 else {
                throw CommandError.usage("option '\(word)' needs a whole number, got '\(text)'")
            }
            return value
        }
        while let word = rest.first {
            rest = rest.dropFirst()
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if let flag = flags[word] {
                options[keyPath: flag] = true
                continue
            }
            switch name {
            case "--port": serve.port = try number(name, try value(of: word, from: &rest), UInt16.self)
            case "--data": serve.dataFile = try value(of: word, from: &rest)
            case "--latency": serve.latency = try number(name, try value(of: word, from: &rest), Int.self)
            case "--rate-limit": serve.rateLimit = try number(name, try value(of: word, from: &rest), Int.self)
            case "--seed":
                serve.seed = try value(of: word, from: &rest)
                guard ["demo", "empty"].contains(serve.seed) else {
                    throw CommandError.usage("option '--seed' takes 'demo' or 'empty', got '\(serve.seed)'")
                }
            default:
                let known = ["--port", "--data", "--seed", "--latency", "--rate-limit"]
                throw CommandError.usage("unknown option '\(word)' for 'sandbox serve'.\(suggestion(for: name, among: known))")
            }
        }
        return serve
    }

    private static func value(of word: String, from rest: inout ArraySlice<String>) throws -> String {
        if let equals = word.firstIndex(of: "=") { return String(word[word.index(after: equals)...]) }
        guard let value = rest.first, !value.hasPrefix("-") || value == "-" else {
            throw CommandError.usage("option '\(word)' needs a value")
        }
        rest = rest.dropFirst()
        return value
    }

    /// " Did you mean 'x'?" for the closest candidate within two edits, else "".
    static func suggestion(for word: String, among candidates: [String]) -> String {
        let best = candidates.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        guard let (candidate, distance) = best, distance <= 2 else { return "" }
        return " Did you mean '\(candidate)'?"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
