import HubSpot
import HubSpotSandbox
import Testing

@Suite struct BatchTests {
    let h = LuaHarness(seed: .empty)

    @Test func createReadUpdateUpsertDeleteInInputOrder() async throws {
        let out = try await h.run("""
            local rows = {}
            for i = 1, 250 do rows[i] = { email = "u" .. i .. "@example.com", firstname = "U" .. i } end
            local created = hubspot.contacts:create_many(rows)
            assert(#created == 250)
            for i, r in ipairs(created) do assert(r.email == "u" .. i .. "@example.com", i) end
            local ids = {}
            for i, r in ipairs(created) do ids[i] = r.id end
            local read = hubspot.contacts:get_many(ids, { properties = { "firstname" } })
            for i, r in ipairs(read) do assert(r.id == ids[i] and r.firstname == "U" .. i) end
            local updates = {}
            for i = 1, 250 do updates[i] = { id = ids[i], lastname = "L" .. i } end
            local updated = hubspot.contacts:update_many(updates)
            for i, r in ipairs(updated) do assert(r.id == ids[i] and r.lastname == "L" .. i) end
            local nested = hubspot.contacts:update_many({ { id = ids[1], properties = { lastname = "Nested" } } })
            local upserts = {}
            for i = 1, 150 do upserts[i] = { email = "u" .. (i + 200) .. "@example.com", jobtitle = "T" .. i } end
            local upserted = hubspot.contacts:upsert_many(upserts, { id_property = "email" })
            for i, r in ipairs(upserted) do assert(r.email == "u" .. (i + 200) .. "@example.com", i) end
            local deleted = hubspot.contacts:delete_many({ ids[1], ids[2] })
            return #read, #updated, nested[1].lastname, #upserted, hubspot.contacts:count{}, #deleted,
                   hubspot.contacts:get(ids[1]) == nil, #hubspot.contacts:create_many({})
            """)
        #expect(out == ["250", "250", "Nested", "150", "348", "2", "true", "0"])
    }

    @Test func partialFailureCarriesWhatSucceeded() async throws {
        let out = try await h.run("""
            hubspot.contacts:create{ email = "taken@example.com" }
            local rows = {}
            for i = 1, 120 do rows[i] = { email = "ok" .. i .. "@example.com" } end
            rows[5] = { email = "taken@example.com" }
            rows[110] = { email = "taken@example.com" }
            local ok, err = pcall(hubspot.contacts.create_many, hubspot.contacts, rows)
            local kept = 0
            for i = 1, 120 do if err.results[i] then kept = kept + 1; assert(err.results[i].email == rows[i].email) end end
            return ok, getmetatable(err).__name, #err.failures, err.failures[1].index, err.failures[2].index,
                   err.failures[1].error.category, kept, err.results[5], err.results[6] ~= nil, tostring(err)
            """)
        #expect(Array(out.prefix(9)) == ["false", "hubspot.Error", "2", "5", "110", "CONFLICT", "118", "nil", "true"])
        #expect(out[9].contains("2 of 120 inputs failed"))
    }

    @Test func getManyMissingIdIsAFailure() async throws {
        let out = try await h.run("""
            local c = hubspot.contacts:create{ email = "here@example.com" }
            local ok, err = pcall(hubspot.contacts.get_many, hubspot.contacts, { c.id, "999999" })
            return ok, err.results[1].id == c.id, err.failures[1].index, err.results[2]
            """)
        #expect(out == ["false", "true", "2", "nil"])
    }
}
