import Foundation
import Testing
@testable import HubSpot

@Suite struct ConfigurationTests {
    @Test func defaults() {
        let config = HubSpotConfiguration()
        #expect(config.baseURL.absoluteString == "https://api.hubapi.com")
        #expect(config.formsURL.absoluteString == "https://api.hsforms.com")
        #expect(config.tier.requests == 100)
        #expect(config.tier.window == .seconds(10))
        #expect(config.searchRequestsPerSecond == 5)
        #expect(config.apiVersion == .numbered)
    }

    @Test func tiers() {
        #expect(RateLimitTier.free.requests == 100)
        #expect(RateLimitTier.starter.requests == 100)
        #expect(RateLimitTier.professional.requests == 190)
        #expect(RateLimitTier.enterprise.requests == 190)
        #expect(RateLimitTier.apiAddOn.requests == 250)
        #expect(RateLimitTier.custom(requests: 500, per: .seconds(10)).requests == 500)
    }

    @Test func versionIsOneSwitch() async throws {
        let mock = MockTransport { request in
            request.url.path.hasSuffix("/1") ? Fixtures.response(200, Fixtures.object("1")) : Fixtures.response(200, #"{"results":[]}"#)
        }
        let dated = Fixtures.client(mock) { $0.apiVersion = .dated("2026-03") }
        _ = try await dated.objects(.contacts).get("1")
        _ = try await dated.objects(.contacts).list()
        #expect(mock.requests.map(\.url.path) == ["/crm/objects/2026-03/contacts/1", "/crm/objects/2026-03/contacts"])
        #expect(dated.associations.labelsRequest(from: .contacts, to: .companies).path == "/crm/associations/2026-03/contacts/companies/labels")
        #expect(dated.associations.listRequest(.contacts, "1", to: .deals).path == "/crm/objects/2026-03/contacts/1/associations/deals")
        #expect(dated.properties(.deals).basePath == "/crm/properties/2026-03/deals")
        #expect(dated.pipelines(.deals).basePath == "/crm/pipelines/2026-03/deals")
        #expect(dated.owners.basePath == "/crm/owners/2026-03")
        #expect(dated.lists.basePath == "/crm/lists/2026-03")
        for request in mock.requests where SpecPaths.available { #expect(SpecPaths.knows(request)) }
    }

    @Test func objectTypes() {
        #expect(ObjectType.contacts.typeId == "0-1")
        #expect(ObjectType.lineItems.name == "line_items")
        #expect(ObjectType("2-1234567").typeId == "2-1234567")
        #expect(ObjectType("p_cars").typeId == nil)
        #expect(ObjectType("p_cars").isCustom)
        #expect(!ObjectType.deals.isCustom)
        #expect(ObjectType.standard.count == 14)
    }

    @Test func userAgentAndContentType() async throws {
        let mock = MockTransport(json: Fixtures.object("1"))
        let client = Fixtures.client(mock) { $0.userAgent = "test-agent/9" }
        _ = try await client.objects(.contacts).create(["email": "a@b.c"])
        let request = try #require(mock.last)
        #expect(request.headers["User-Agent"] == "test-agent/9")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.headers["authorization"] == "Bearer \(Fixtures.token.secret)")
    }
}
