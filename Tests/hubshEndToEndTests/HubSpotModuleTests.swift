import Foundation
import Testing

/// The `hubspot` module in the executable: the sandbox when no token is configured.
@Suite struct HubSpotModuleTests {
    @Test func countOnTheSandbox() throws {
        let result = try HubshProcess.run(["-e", "return hubspot.contacts:count{}"])
        #expect(result.status == 0)
        #expect(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0)
        #expect(result.stderr == "")
    }

    @Test func sandboxFlagWinsOverAToken() throws {
        let result = try HubshProcess.run(["--sandbox", "-e", "return require('hubspot') == hubspot, tostring(hubspot.deals)"],
                                          environment: ["HUBSPOT_ACCESS_TOKEN": "pat-na1-not-used"])
        #expect(result.stdout == "true\thubspot.deals\n")
    }

    @Test func hubSpotErrorsExitOneWithTheirDescription() throws {
        let script = try HubshProcess.script("""
            hubspot.contacts:create{ email = "twice@example.com" }
            hubspot.contacts:create{ email = "twice@example.com" }
            """, name: "dup.lua")
        let result = try HubshProcess.run(["run", script.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("hubsh: HubSpot 409 CONFLICT on POST /crm/v3/objects/contacts: Contact already exists."))
    }

    @Test func profilesAreNotThereYet() throws {
        let result = try HubshProcess.run(["--profile", "work", "-e", "return 1"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("profile 'work' cannot be used yet"))
    }
}

/// Ctrl-C while a request waits for an answer that never comes: exit 130 at once.
@Suite struct HubSpotInterruptTests {
    /// A loopback socket that accepts connections (the kernel's backlog) and never answers.
    static func silentServer() throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    @Test func interruptDuringARequestExits130() throws {
        let server = try Self.silentServer()
        defer { close(server.fd) }
        let script = try HubshProcess.script("io.stdout:write('ready\\n') io.stdout:flush() return hubspot.contacts:count{}")
        let process = Process()
        process.executableURL = HubshProcess.executable
        process.arguments = ["run", script.path]
        var env = ProcessInfo.processInfo.environment
        env["HUBSPOT_ACCESS_TOKEN"] = "pat-na1-never-printed"
        env["HUBSPOT_BASE_URL"] = "http://127.0.0.1:\(server.port)"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        HubshProcess.waitFor("ready", from: out)
        usleep(300_000)  // the request is in flight now
        // 130, not the watchdog's SIGKILL: the interrupt ended the wait on a server that never answers.
        #expect(HubshProcess.interrupt(process) == 130)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("interrupted!"))
        #expect(!message.contains("never-printed"))
    }
}
