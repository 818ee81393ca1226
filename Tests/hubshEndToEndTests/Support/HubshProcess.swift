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
        // Read stderr on another thread so a chatty child cannot block on a full pipe.
        let errBox = DataBox()
        let reader = Thread { errBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errBox.done { usleep(1000) }
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
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
        let pid = process.processIdentifier
        kill(pid, SIGINT)
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
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
