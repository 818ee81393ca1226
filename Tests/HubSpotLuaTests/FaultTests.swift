import HubSpot
import HubSpotSandbox
import Testing

@Suite struct FaultTests {
    /// 20,000 upserts through injected 429s and 5xx (fixed seed, virtual clock: no real
    /// waiting): every record is there once, and every result is in its input's place.
    @Test func twentyThousandUpsertsSurviveFaults() async throws {
        var options = SandboxOptions.unlimited
        options.faults = FaultInjection(serverError: 0.04, serviceUnavailable: 0.03, tooManyRequests: 0.05, seed: 42)
        let rejected = RejectionCounter()
        let h = LuaHarness(seed: .empty, options: options, wrap: { RejectionCountingTransport($0, rejected) },
                           configure: { $0.maxRetries = 12 })
        let out = try await h.run("""
            local rows = {}
            for i = 1, 20000 do rows[i] = { email = "bulk" .. i .. "@example.com", firstname = "B" .. i } end
            local results = hubspot.contacts:upsert_many(rows, { id_property = "email" })
            local ids = {}
            for i = 1, 20000 do
                local r = results[i]
                assert(r and r.email == rows[i].email, "result " .. i)
                assert(not ids[r.id], "duplicate id " .. r.id)
                ids[r.id] = true
            end
            -- Again: the same rows update what exists, nothing is created twice.
            for i = 1, 20000 do rows[i].lastname = "Again" end
            local again = hubspot.contacts:upsert_many(rows, { id_property = "email" })
            for i = 1, 20000 do assert(again[i].id == results[i].id) end
            return #results, hubspot.contacts:count{}, hubspot.contacts:count{ where = { lastname = "Again" } }
            """)
        #expect(out == ["20000", "20000", "20000"])
        #expect(rejected.count > 0)
    }
}
