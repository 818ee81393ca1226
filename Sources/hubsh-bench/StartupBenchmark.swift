import Foundation

/// Start-up of `hubsh -e "return 1"` against `lua5.4 -e ""` (target: under 25 ms).
enum StartupBenchmark {
    static func run(_ arguments: [String]) throws -> [BenchmarkRow] {
        guard let hubsh = arguments.first else { throw BenchmarkError("startup needs the path of hubsh") }
        let lua = "/usr/bin/lua5.4"
        let hubshTime = try Benchmarks.median(runs: 40) { try spawn(hubsh, ["-e", "return 1"]) }
        let luaTime = try Benchmarks.median(runs: 40) { try spawn(lua, ["-e", ""]) }
        return [BenchmarkRow(name: "start-up: hubsh -e 'return 1'", value: hubshTime * 1000, unit: "ms",
                             reference: luaTime * 1000, target: "< 25 ms", note: "median of 40, vs lua5.4 -e ''")]
    }

    /// posix_spawn and waitpid: Foundation's Process adds tens of milliseconds of its
    /// own, which would swamp what is measured.
    private static func spawn(_ path: String, _ arguments: [String]) throws {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard status == 0 else { throw BenchmarkError("cannot start \(path): error \(status)") }
        var exitStatus: Int32 = 0
        waitpid(pid, &exitStatus, 0)
        guard exitStatus == 0 else { throw BenchmarkError("\(path) exited with status \(exitStatus)") }
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
