import HubSpotSandbox
import Testing

/// HubSpot failures as Lua tables: every field of the contract, and never the token.
@Suite struct ErrorTableTests {
    @Test func validationErrorDetails() async throws {
        let out = try await LuaHarness().run("""
            local ok, err = pcall(hubspot.contacts.create, hubspot.contacts, { email = "v@example.com", no_such_prop = "x" })
            local text = tostring(err) .. hubspot.json.encode(setmetatable(err, nil))
            return err.kind, err.status, err.category, type(err.errors[1].message), err.errors[1].code ~= nil,
                   err.request.method, text:find("secret", 1, true) == nil
            """)
        #expect(out == ["http", "400", "VALIDATION_ERROR", "string", "true", "POST", "true"])
    }

    @Test func dailyLimitCarriesPolicy() async throws {
        var options = SandboxOptions.unlimited
        options.dailyLimit = 2
        let out = try await LuaHarness(options: options).run("""
            hubspot.contacts:count{}
            hubspot.contacts:count{}
            local ok, err = pcall(hubspot.contacts.count, hubspot.contacts, {})
            return ok, err.status, err.category, err.policy_name, tostring(err):match("^HubSpot 429 RATE_LIMITS on POST /crm/v3/objects/contacts/search") ~= nil
            """)
        #expect(out == ["false", "429", "RATE_LIMITS", "DAILY", "true"])
    }

    @Test func notFoundFromGetIsReturnedNotRaised() async throws {
        let out = try await LuaHarness().run("""
            local r, err = hubspot.deals:get("424242")
            return r, err.status, err.category, tostring(err):match("^HubSpot 404 OBJECT_NOT_FOUND on GET /crm/v3/objects/deals/424242") ~= nil
            """)
        #expect(out == ["nil", "404", "OBJECT_NOT_FOUND", "true"])
    }

    @Test func otherFailuresOfGetAreRaised() async throws {
        var options = SandboxOptions.unlimited
        options.dailyLimit = 1
        let message = try await LuaHarness(options: options).failure("""
            hubspot.deals:count{}
            hubspot.deals:get("1")
            """)
        #expect(message.hasPrefix("HubSpot 429 RATE_LIMITS on GET /crm/v3/objects/deals/1"))
    }
}
