import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HubSpot
import Testing
@testable import HubSpotSandbox

/// The sandbox behind the loopback server, as `hubsh sandbox serve` runs it, spoken to
/// with URLSession the way a HubSpot client would.
@Suite struct ServerSandboxTests {
    @Test func createThenReadAContactOverHTTP() async throws {
        let sandbox = Sandbox(seed: .empty, options: .unlimited)
        let server = SandboxServer { await sandbox.handle($0) }
        try server.start()
        defer { server.stop() }
        let session = URLSession(configuration: .ephemeral)
        defer { session.invalidateAndCancel() }

        var create = URLRequest(url: server.url.appendingPathComponent("crm/v3/objects/contacts"))
        create.httpMethod = "POST"
        create.setValue("Bearer sandbox", forHTTPHeaderField: "Authorization")
        create.setValue("application/json", forHTTPHeaderField: "Content-Type")
        create.httpBody = Data(#"{"properties":{"email":"ada@example.com","firstname":"Ada"}}"#.utf8)
        let (created, createResponse) = try await session.data(for: create)
        let createHTTP = try #require(createResponse as? HTTPURLResponse)
        #expect(createHTTP.statusCode == 201)
        #expect(createHTTP.value(forHTTPHeaderField: "Content-Type") == "application/json;charset=utf-8")
        let record = try #require(try JSONSerialization.jsonObject(with: created) as? [String: Any])
        let id = try #require(record["id"] as? String)

        var get = URLRequest(url: server.url.appendingPathComponent("crm/v3/objects/contacts/\(id)"))
        get.setValue("Bearer sandbox", forHTTPHeaderField: "Authorization")
        let (fetched, getResponse) = try await session.data(for: get)
        #expect((getResponse as? HTTPURLResponse)?.statusCode == 200)
        let properties = try #require((try JSONSerialization.jsonObject(with: fetched) as? [String: Any])?["properties"] as? [String: Any])
        #expect(properties["email"] as? String == "ada@example.com")

        var archive = URLRequest(url: server.url.appendingPathComponent("crm/v3/objects/contacts/\(id)"))
        archive.httpMethod = "DELETE"
        archive.setValue("Bearer sandbox", forHTTPHeaderField: "Authorization")
        let (_, archiveResponse) = try await session.data(for: archive)
        #expect((archiveResponse as? HTTPURLResponse)?.statusCode == 204)
        let (_, goneResponse) = try await session.data(for: get)
        #expect((goneResponse as? HTTPURLResponse)?.statusCode == 404)
    }
}
