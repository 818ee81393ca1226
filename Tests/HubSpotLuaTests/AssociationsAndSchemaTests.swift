import Testing

@Suite struct AssociationsAndSchemaTests {
    let h = LuaHarness()

    @Test func associateListAndRemove() async throws {
        let out = try await h.run("""
            local contact = hubspot.contacts:create{ email = "assoc@example.com" }
            local company = hubspot.companies:create{ name = "Assoc Inc" }
            hubspot.contacts:associate(contact.id, "companies", company.id)
            local links = hubspot.contacts:associations(contact.id, "companies")
            local first = links[1]
            hubspot.contacts:unassociate(contact.id, "companies", company.id)
            local after = hubspot.contacts:associations(contact.id, "companies")
            hubspot.contacts:associate(contact.id, "companies", company.id, 279)
            local typed = hubspot.contacts:associations(contact.id, "companies")
            return #links, first.id == company.id, first.types[1].type_id, first.types[1].category, #after, typed[1].types[1].type_id
            """)
        #expect(out == ["1", "true", "279", "HUBSPOT_DEFINED", "0", "279"])
    }

    @Test func createWithAssociations() async throws {
        let out = try await h.run("""
            local company = hubspot.companies:create{ name = "Parent Co" }
            local deal = hubspot.deals:create({ dealname = "Renewal", amount = 1200 },
                { associations = { { to_type = "companies", to = company.id } } })
            local links = hubspot.deals:associations(deal.id, "companies")
            local got = hubspot.deals:get(deal.id, { associations = { "companies" } })
            return #links, links[1].id == company.id, deal.amount, type(got.associations)
            """)
        #expect(out == ["1", "true", "1200", "table"])
    }

    @Test func unknownLabelIsAnErrorTable() async throws {
        let out = try await h.run("""
            local ok, err = pcall(hubspot.contacts.associate, hubspot.contacts, "1", "companies", "2", "No Such Label")
            return ok, err.kind, err.message:find("No Such Label", 1, true) ~= nil
            """)
        #expect(out == ["false", "invalid_request", "true"])
    }

    @Test func propertiesAndPipelines() async throws {
        let out = try await h.run("""
            local props = hubspot.contacts:properties()
            local names = {}
            for _, p in ipairs(props) do names[p.name] = p.type end
            local pipelines = hubspot.deals:pipelines()
            return names.email, #pipelines >= 1, #pipelines[1].stages > 0
            """)
        #expect(out == ["string", "true", "true"])
    }

    @Test func historyOption() async throws {
        let out = try await h.run("""
            local c = hubspot.contacts:create{ email = "h@example.com", firstname = "One" }
            hubspot.contacts:update(c.id, { firstname = "Two" })
            local r = hubspot.contacts:get(c.id, { history = { "firstname" } })
            return type(r.propertiesWithHistory), #r.propertiesWithHistory.firstname >= 1
            """)
        #expect(out == ["table", "true"])
    }
}
