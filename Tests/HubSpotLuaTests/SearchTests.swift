import HubSpot
import HubSpotSandbox
import Testing

@Suite struct SearchTests {
    let h = LuaHarness()

    @Test func whereEqualsAndOperators() async throws {
        let out = try await h.run("""
            local boston = hubspot.companies:search{ where = { city = "Boston" }, properties = { "city" } }
            for _, c in ipairs(boston.results) do assert(c.city == "Boston") end
            local big = hubspot.companies:count{ where = { numberofemployees = { gt = 500 } } }
            local mid = hubspot.companies:count{ where = { numberofemployees = { between = { 100, 500 } } } }
            local small = hubspot.companies:count{ where = { numberofemployees = { lt = 100 } } }
            local all = hubspot.companies:count{}
            local either = hubspot.companies:count{ where = { { numberofemployees = { gt = 500 } }, { numberofemployees = { lt = 100 } } } }
            local any = hubspot.companies:count{ where = { city = { any = { "Boston", "Rotterdam" } } } }
            local none = hubspot.companies:count{ where = { city = { none = { "Boston", "Rotterdam" } } } }
            local has = hubspot.companies:count{ where = { city = { exists = true } } }
            local hasnt = hubspot.companies:count{ where = { city = { exists = false } } }
            return boston.total >= 1, big + mid + small == all, either == big + small, any + none == all, has + hasnt == all,
                   math.type(all)
            """)
        #expect(out == ["true", "true", "true", "true", "true", "integer"])
    }

    @Test func rawFilterGroupsAndTokens() async throws {
        let out = try await h.run("""
            local a = hubspot.companies:count{ where = { filterGroups = { { filters = {
                { propertyName = "city", operator = "EQ", value = "Boston" } } } } } }
            local b = hubspot.companies:count{ where = { city = "Boston" } }
            local c = hubspot.companies:count{ where = { name = { contains = "Analytics" } } }
            local d = hubspot.companies:count{ where = { name = { not_contains = "Analytics" } } }
            return a == b, c + d == hubspot.companies:count{}, hubspot.companies:count{ where = { city = { neq = "Boston" } } } + b == hubspot.companies:count{}
            """)
        #expect(out == ["true", "true", "true"])
    }

    @Test func sortFirstAndPaging() async throws {
        let out = try await h.run("""
            local desc = hubspot.companies:search{ sort = "-numberofemployees", properties = { "numberofemployees" }, limit = 3 }
            local asc = hubspot.companies:search{ sort = { "numberofemployees" }, properties = { "numberofemployees" }, limit = 3 }
            local top = hubspot.companies:first{ sort = "-numberofemployees", properties = { "numberofemployees" } }
            local nobody = hubspot.contacts:first{ where = { email = "nobody@nowhere.example" } }
            local page2 = hubspot.companies:search{ limit = 3, after = desc.after }
            local d1, d2 = tonumber(desc.results[1].numberofemployees), tonumber(desc.results[2].numberofemployees)
            local a1, a2 = tonumber(asc.results[1].numberofemployees), tonumber(asc.results[2].numberofemployees)
            return d1 >= d2, a1 <= a2, top.id == desc.results[1].id, nobody, #page2.results, desc.total
            """)
        #expect(out[0] == "true")
        #expect(out[1] == "true")
        #expect(out[2] == "true")
        #expect(out[3] == "nil")
        #expect(out[4] == "3")
    }

    @Test func findIteratesEveryMatch() async throws {
        let out = try await h.run("""
            local n, ids = 0, {}
            for c in hubspot.contacts:find{ where = { lifecyclestage = "lead" }, properties = { "lifecyclestage" } } do
                assert(c.lifecyclestage == "lead"); n = n + 1; ids[c.id] = true
            end
            local distinct = 0; for _ in pairs(ids) do distinct = distinct + 1 end
            return n == hubspot.contacts:count{ where = { lifecyclestage = "lead" } }, n == distinct, n > 0
            """)
        #expect(out == ["true", "true", "true"])
    }

    @Test func findReadsPastTenThousand() async throws {
        let h = LuaHarness(seed: .empty)
        let out = try await h.run("""
            local rows = {}
            for i = 1, 10250 do rows[i] = { email = "p" .. i .. "@example.com", lastname = "Many" } end
            hubspot.contacts:create_many(rows)
            local n, seen = 0, {}
            for c in hubspot.contacts:find{ where = { lastname = "Many" } } do
                n = n + 1; assert(not seen[c.id]); seen[c.id] = true
            end
            return n, hubspot.contacts:count{ where = { lastname = "Many" } }
            """)
        #expect(out == ["10250", "10250"])
    }

    @Test func clientLimitsComeBackAsErrorTables() async throws {
        let out = try await h.run("""
            local ok, err = pcall(hubspot.contacts.search, hubspot.contacts, { limit = 500 })
            return ok, err.kind, err.message
            """)
        #expect(out[0] == "false")
        #expect(out[1] == "invalid_request")
        #expect(out[2].contains("limit 500"))
    }
}
