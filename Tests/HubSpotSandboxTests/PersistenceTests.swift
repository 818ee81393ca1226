import Foundation
import Testing
@testable import HubSpotSandbox

@Suite struct PersistenceTests {
    func tempFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("hubsh-sandbox-\(UUID().uuidString).json")
    }

    @Test func saveAndLoadRoundTrip() async throws {
        let url = tempFile()
        defer { try? FileManager.default.removeItem(at: url) }
        let sb = makeSandbox(.demo)
        let id = await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"kept@x.com"}}"#)["id"]?.stringValue ?? ""
        try sb.save(to: url)
        let loaded = try Sandbox(contentsOf: url, options: .unlimited)
        let got = await call(loaded, "GET", "/crm/v3/objects/contacts/kept@x.com?idProperty=email")
        #expect(got["id"]?.stringValue == id)
        // Uniqueness and ids continue from the saved state.
        #expect(await call(loaded, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"kept@x.com"}}"#).status == 409)
        let next = await call(loaded, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"new@x.com"}}"#)["id"]?.stringValue ?? ""
        #expect((Int(next) ?? 0) > (Int(id) ?? 0))
        let demoA = await call(sb, "GET", "/crm/v3/objects/deals?limit=100", validate: false)
        let demoB = await call(loaded, "GET", "/crm/v3/objects/deals?limit=100", validate: false)
        #expect(demoA.body == demoB.body)
    }

    @Test func savesAfterEachWrite() async throws {
        let url = tempFile()
        defer { try? FileManager.default.removeItem(at: url) }
        var options = SandboxOptions.unlimited
        options.persistenceURL = url
        let sb = Sandbox(seed: .empty, options: options)
        await call(sb, "GET", "/crm/v3/objects/contacts")
        #expect(!FileManager.default.fileExists(atPath: url.path))   // reads do not save
        await call(sb, "POST", "/crm/v3/objects/contacts", #"{"properties":{"email":"p@x.com"}}"#)
        let loaded = try Sandbox(contentsOf: url, options: .unlimited)
        #expect(await call(loaded, "GET", "/crm/v3/objects/contacts/p@x.com?idProperty=email").status == 200)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(url.lastPathComponent)") }
        #expect(leftovers.isEmpty)
    }

    @Test func corruptFileThrows() throws {
        let url = tempFile()
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("{not json".utf8).write(to: url)
        #expect(throws: SandboxError.self) { _ = try Sandbox(contentsOf: url) }
    }
}
