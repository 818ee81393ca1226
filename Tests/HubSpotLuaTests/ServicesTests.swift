import Testing

@Suite struct ServicesTests {
    let h = LuaHarness()

    @Test func lists() async throws {
        let out = try await h.run("""
            local list = hubspot.lists.create{ name = "Lua list", object_type = "contacts" }
            local a = hubspot.contacts:create{ email = "l1@example.com" }
            local b = hubspot.contacts:create{ email = "l2@example.com" }
            local added = hubspot.lists.add(list.id, { a.id, b.id })
            local members = {}
            for id in hubspot.lists.members(list.id) do members[#members + 1] = id end
            hubspot.lists.remove(list.id, { a.id })
            local left = {}
            for id in hubspot.lists.members(list.id) do left[#left + 1] = id end
            local again = hubspot.lists.get(list.id)
            local seeded = 0
            for _ in hubspot.lists.members(9001) do seeded = seeded + 1 end
            return type(list.id), list.name, #added.recordIdsAdded, #members, #left, left[1] == b.id, again.id == list.id, seeded > 0
            """)
        #expect(out == ["string", "Lua list", "2", "2", "1", "true", "true", "true"])
    }

    @Test func formsWorkflowsOwnersActivity() async throws {
        let out = try await h.run("""
            local answer = hubspot.forms.submit("12345678", "5f1c9a2e-7b3d-4e8a-9c61-2d4b8e0f7a13",
                { email = "form@example.com", firstname = "Form" }, { context = { page_uri = "https://example.com/contact" } })
            local contact = hubspot.contacts:get("form@example.com", { id_property = "email" })
            local enrolled = hubspot.workflows.enroll("31000001", "form@example.com")
            local owners = hubspot.owners()
            local events = hubspot.activity{ after = 0 }
            local ok, err = pcall(hubspot.forms.submit, "12345678", "no-such-form", { email = "x@example.com" })
            return type(answer.inlineMessage), contact ~= nil, enrolled, #owners > 0, owners[1].email ~= nil, type(events), err.status
            """)
        #expect(out == ["string", "true", "true", "true", "true", "table", "404"])
    }

    @Test func secureFormSubmission() async throws {
        let out = try await h.run("""
            local answer = hubspot.forms.submit("12345678", "5f1c9a2e-7b3d-4e8a-9c61-2d4b8e0f7a13",
                { email = "secure-form@example.com", firstname = "Sec" }, { secure = true })
            local contact = hubspot.contacts:get("secure-form@example.com", { id_property = "email", properties = { "firstname" } })
            return type(answer.inlineMessage), contact.properties.firstname
            """)
        #expect(out == ["string", "Sec"])
    }

    @Test func rawRequest() async throws {
        let out = try await h.run("""
            local r = hubspot.request{ method = "GET", path = "/crm/v3/objects/contacts", query = { limit = 2, properties = { "email", "firstname" } } }
            local missing = hubspot.request{ path = "/crm/v3/objects/contacts/999999" }
            local posted = hubspot.request{ method = "POST", path = "/crm/v3/objects/contacts", body = { properties = { email = "raw@example.com" } } }
            local n = 0
            for owner in hubspot.request{ path = "/crm/v3/owners", query = { limit = 2 }, paginate = true } do n = n + 1 end
            return r.status, #r.body.results, r.headers["content-type"] ~= nil, missing.status, missing.body.category,
                   posted.status, posted.body.properties.email, n == #hubspot.owners()
            """)
        #expect(out == ["200", "2", "true", "404", "OBJECT_NOT_FOUND", "201", "raw@example.com", "true"])
    }

    @Test func connectToASecondSandbox() async throws {
        let out = try await h.run("""
            local other = hubspot.connect{ sandbox = true }
            other.contacts:create{ email = "elsewhere@example.com" }
            local mine = hubspot.contacts:count{ where = { email = "elsewhere@example.com" } }
            return other.contacts:count{ where = { email = "elsewhere@example.com" } }, mine, tostring(other.contacts)
            """)
        #expect(out == ["1", "0", "hubspot.contacts"])
    }

    @Test func jsonAndNull() async throws {
        let out = try await h.run("""
            return hubspot.json.encode({ a = hubspot.null }), hubspot.json.decode('[1,2]')[2]
            """)
        #expect(out == [#"{"a":null}"#, "2"])
    }
}
