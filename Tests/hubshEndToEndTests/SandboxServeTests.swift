import Foundation
import HubSpot
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `hubsh sandbox serve` as a subprocess, used by the Swift client over URLSession.
@Suite struct SandboxServeTests {
    /// A running `hubsh sandbox serve`, stopped by `stop()`.
    final class Server {
        let process = Process()
        let url: URL

        init(_ arguments: [String]) throws {
            process.executableURL = HubshProcess.executable
            process.arguments = ["sandbox", "serve", "--port", "0"] + arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first line is the URL; read byte by byte up to the newline.
            var line = Data()
            while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
                line.append(byte)
            }
            guard let url = URL(string: String(decoding: line, as: UTF8.self)), url.scheme == "http" else {
                process.terminate()
                throw URLError(.badServerResponse)
            }
            self.url = url
        }

        func stop() -> Int32 {
            kill(process.processIdentifier, SIGTERM)
            return HubshProcess.finish(process, within: 30)
        }
    }

    func client(_ server: Server) -> HubSpotClient {
        HubSpotClient(configuration: HubSpotConfiguration(accessToken: "e2e", baseURL: server.url, formsURL: server.url))
    }

    @Test func servesHubSpotsAPIOnLoopback() async throws {
        let server = try Server(["--seed", "empty", "--rate-limit", "0"])
        #expect(server.url.host == "127.0.0.1")
        let contacts = client(server).objects(.contacts)
        let created = try await contacts.create(["email": "loop@example.com", "firstname": "Loop"])
        let read = try await contacts.get(created.id, properties: ["email", "firstname"])
        #expect(read.properties["firstname"] == "Loop")
        #expect(server.stop() == 0)
    }

    @Test func dataFileSurvivesARestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubsh-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sandbox.json").path
        let first = try Server(["--seed", "empty", "--data", file, "--rate-limit", "0"])
        let id = try await client(first).objects(.companies).create(["name": "Kept Inc", "domain": "kept.example"]).id
        #expect(first.stop() == 0)
        let second = try Server(["--data", file, "--rate-limit", "0"])
        let company = try await client(second).objects(.companies).get(id, properties: ["name"])
        #expect(company.properties["name"] == "Kept Inc")
        #expect(second.stop() == 0)
    }

    @Test func badOptionsAreUsageErrors() throws {
        let result = try HubshProcess.run(["sandbox", "serve", "--seed", "full"])
        #expect(result.status == 2)
        #expect(result.stderr == "hubsh: option '--seed' takes 'demo' or 'empty', got 'full'\n")
        let unknown = try HubshProcess.run(["sandbox", "serve", "--prot", "1"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "hubsh: unknown option '--prot' for 'sandbox serve'. Did you mean '--port'?\n")
    }
}
