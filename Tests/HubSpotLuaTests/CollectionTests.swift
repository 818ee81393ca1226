import HubSpot
import HubSpotSandbox
import Testing

@Suite struct CollectionTests {
    let h = LuaHarness()

    @Test func moduleIsGlobalAndRequirable() async throws {
        #expect(try await h.run("return require('hubspot') == hubspot, tostring(hubspot.contacts), hubspot.null == hubspot.json.null")
            == ["true", "hubspot.contacts", "true"])
        #expect(try await h.run("return tostring(hubspot.object('p_cars')), tostring(hubspot.object('2-1234567'))")
            == ["hubspot.p_cars", "hubspot.2-1234567"])
    }

    @Test func unknownCustomObjectFailsAtItsFirstRequest() async throws {
        let out = try await h.run("""
            local cars = hubspot.object("p_cars")
            local ok, err = pcall(cars.count, cars, {})
            return ok, getmetatable(err).__name, err.status ~= nil
            """)
        #expect(out == ["false", "hubspot.Error", "true"])
    }

    @Test func createGetUpdateDelete() async throws {
        let out = try await h.run("""
            local c = hubspot.contacts:create{ email = "ada@example.com", firstname = "Ada", hs_email_optout = true }
            local co = hubspot.companies:create{ name = "Acme", numberofemployees = 36, annualrevenue = 2.5e6 }
            local got = hubspot.contacts:get(c.id, { properties = { "email", "firstname", "hs_email_optout" } })
            local company = hubspot.companies:get(co.id, { properties = { "numberofemployees", "annualrevenue" } })
            local up = hubspot.contacts:update(c.id, { lastname = "Lovelace" })
            local deleted = hubspot.contacts:delete(c.id)
            local gone, err = hubspot.contacts:get(c.id)
            return got.email, got.properties.firstname, company.numberofemployees, company.annualrevenue, got.hs_email_optout,
                   type(got.id), up.lastname, deleted, gone, err.status, err.category, getmetatable(err).__name
            """)
        #expect(out == ["ada@example.com", "Ada", "36", "2500000", "true", "string", "Lovelace", "true", "nil", "404",
                        "OBJECT_NOT_FOUND", "hubspot.Error"])
    }

    @Test func recordFieldsWinOverProperties() async throws {
        let out = try await h.run("""
            local c = hubspot.contacts:create{ email = "x@example.com" }
            rawset(c.properties, "id", "not-the-id")
            rawset(c.properties, "archived", "shadowed")
            return c.id ~= "not-the-id", c.archived, c.nothing
            """)
        #expect(out == ["true", "false", "nil"])
    }

    @Test func getByIdProperty() async throws {
        let out = try await h.run("""
            hubspot.contacts:create{ email = "grace@example.com", firstname = "Grace" }
            local r = hubspot.contacts:get("grace@example.com", { id_property = "email", properties = { "firstname" } })
            return r.firstname
            """)
        #expect(out == ["Grace"])
    }

    /// The value rule: strings stay strings; numbers and booleans go out as their text.
    @Test func valueConversionBothWays() async throws {
        let out = try await h.run("""
            local d = hubspot.deals:create{ dealname = "Conv", amount = 2.5 }
            local e = hubspot.deals:create{ dealname = "Conv2", amount = 1e3 }
            local c = hubspot.contacts:create{ email = "conv@example.com", hs_email_optout = false, zip = "007" }
            local dr = hubspot.deals:get(d.id, { properties = { "amount" } })
            local er = hubspot.deals:get(e.id, { properties = { "amount" } })
            local cr = hubspot.contacts:get(c.id, { properties = { "hs_email_optout", "zip" } })
            return dr.amount, er.amount, cr.hs_email_optout, cr.zip, type(cr.zip)
            """)
        #expect(out == ["2.5", "1000", "false", "007", "string"])
        let message = try await h.failure("hubspot.deals:create{ dealname = print }")
        #expect(message == "test:1: bad argument #1 to 'create' (property 'dealname' must be a string, number, boolean or hubspot.null, got function)")
    }

    @Test func nullClearsAProperty() async throws {
        let out = try await h.run("""
            local c = hubspot.contacts:create{ email = "n@example.com", firstname = "N" }
            hubspot.contacts:update(c.id, { firstname = hubspot.null })
            local r = hubspot.contacts:get(c.id, { properties = { "firstname" } })
            return r.firstname == nil or r.firstname == ""
            """)
        #expect(out == ["true"])
    }

    @Test func listAndAll() async throws {
        let out = try await h.run("""
            local page = hubspot.companies:list{ limit = 2, properties = { "name" } }
            local n = 0
            for company in hubspot.companies:all{ properties = { "name" } } do n = n + 1 end
            local total = hubspot.companies:count{}
            return #page.results, page.after ~= nil, n == total, n > 2
            """)
        #expect(out == ["2", "true", "true", "true"])
    }

    @Test func mergeKeepsThePrimary() async throws {
        let out = try await h.run("""
            local a = hubspot.contacts:create{ email = "a1@example.com" }
            local b = hubspot.contacts:create{ email = "b1@example.com" }
            local merged = hubspot.contacts:merge(a.id, b.id)
            return merged.id == a.id
            """)
        #expect(out == ["true"])
    }

    @Test func duplicateCreateRaisesAnErrorTable() async throws {
        let out = try await h.run("""
            hubspot.contacts:create{ email = "dup@example.com" }
            local ok, err = pcall(hubspot.contacts.create, hubspot.contacts, { email = "dup@example.com" })
            return ok, type(err), err.status, err.category, err.request.method, err.request.path, tostring(err),
                   type(err.errors), err.correlation_id ~= nil
            """)
        #expect(out[0] == "false")
        #expect(out[1] == "table")
        #expect(out[2] == "409")
        #expect(out[3] == "CONFLICT")
        #expect(out[4] == "POST")
        #expect(out[5] == "/crm/v3/objects/contacts")
        #expect(out[6].hasPrefix("HubSpot 409 CONFLICT on POST /crm/v3/objects/contacts: Contact already exists. Existing ID: "))
        #expect(out[7] == "table")
        #expect(!out.joined().contains("secret-token"))
    }

    @Test func uncaughtHubSpotErrorReadsWell() async throws {
        let message = try await h.failure("""
            hubspot.contacts:create{ email = "dup2@example.com" }
            hubspot.contacts:create{ email = "dup2@example.com" }
            """)
        #expect(message.hasPrefix("HubSpot 409 CONFLICT on POST /crm/v3/objects/contacts: Contact already exists."))
    }
}
