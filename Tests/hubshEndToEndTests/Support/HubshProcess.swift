import Foundation

/// Runs the built `hubsh` binary as a subprocess, as cron would.
struct HubshProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `hubsh` built beside this test bundle.
    static var executable: URL {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("hubsh")
    }

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["HUBSPOT_ACCESS_TOKEN"] = nil
        env["HOME"] = FileManager.default.temporaryDirectory.path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Both pipes are read on threads of their own, and the wait is bounded, so a
        // child that hangs fails its test instead of holding a cooperative thread forever.
        let outBox = DataBox(), errBox = DataBox()
        Thread { outBox.data = out.fileHandleForReading.readDataToEndOfFile() }.start()
        Thread { errBox.data = err.fileHandleForReading.readDataToEndOfFile() }.start()
        let status = finish(process)
        let deadline = Date().addingTimeInterval(10)
        while !(outBox.done && errBox.done) && Date() < deadline { usleep(1000) }
        return Result(status: status, stdout: String(decoding: outBox.data, as: UTF8.self),
                      stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// Waits until the running `process` has written `marker` to `output`.
    static func waitFor(_ marker: String, from output: Pipe) {
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains(marker) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return }
            seen.append(chunk)
        }
    }

    /// Sends Ctrl-C to `process` and waits for it to end; a watchdog kills it after 20 s,
    /// so a hubsh that ignores Ctrl-C fails its test (status 9) instead of hanging it.
    static func interrupt(_ process: Process) -> Int32 {
        kill(process.processIdentifier, SIGINT)
        return finish(process, within: 20)
    }

    /// Waits for `process` to end, at most `seconds`; then kills it (status 9). Polling
    /// rather than `waitUntilExit()`: these tests block a thread of Swift's small
    /// cooperative pool, and a wait that never returned would stall every other test.
    @discardableResult
    static func finish(_ process: Process, within seconds: Double = 60) -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            let grace = Date().addingTimeInterval(5)
            while process.isRunning && Date() < grace { usleep(2_000) }
            return process.isRunning ? -1 : SIGKILL
        }
        return process.terminationStatus
    }

    /// Writes `source` to a fresh temporary file and returns its path.
    static func script(_ source: String, name: String = "script.lua") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubsh-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try source.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Data()
    private var finished = false
    var data: Data {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue; finished = true } }
    }
    var done: Bool { lock.withLock { finished } }
}
