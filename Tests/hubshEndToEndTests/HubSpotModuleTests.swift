import Foundation
import Testing

/// The `hubspot` module in the executable: the sandbox when no token is configured.
@Suite struct HubSpotModuleTests {
    @Test func countOnTheSandbox() throws {
        let result = try HubshProcess.run(["-e", "return hubspot.contacts:count{}"])
        #expect(result.status == 0)
        #expect(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0)
        #expect(result.stderr == "")
    }

    @Test func sandboxFlagWinsOverAToken() throws {
        let result = try HubshProcess.run(["--sandbox", "-e", "return require('hubspot') == hubspot, tostring(hubspot.deals)"],
                                          environment: ["HUBSPOT_ACCESS_TOKEN": "pat-na1-not-used"])
        #expect(result.stdout == "true\thubspot.deals\n")
    }

    @Test func hubSpotErrorsExitOneWithTheirDescription() throws {
        let script = try HubshProcess.script("""
            hubspot.contacts:create{ email = "twice@example.com" }
            hubspot.contacts:create{ email = "twice@example.com" }
            """, name: "dup.lua")
        let result = try HubshProcess.run(["run", script.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("hubsh: HubSpot 409 CONFLICT on POST /crm/v3/objects/contacts: Contact already exists."))
    }

    @Test func profilesAreNotThereYet() throws {
        let result = try HubshProcess.run(["--profile", "work", "-e", "return 1"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("profile 'work' cannot be used yet"))
    }
}
