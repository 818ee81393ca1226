import Foundation
import HubSpot
import HubSpotLua
import HubSpotSandbox

/// Which HubSpot a run talks to: the account when a token is configured, else the
/// sandbox in process (the demo account), so hubsh works with no account and no network.
///
/// ```text
/// HUBSPOT_ACCESS_TOKEN=pat-… hubsh run job.lua      the account
/// hubsh --sandbox run job.lua                        the sandbox, even with a token
/// hubsh --base-url http://127.0.0.1:8080 -e …        a `hubsh sandbox serve` (any token)
/// ```
enum HubSpotAccount {
    static func client(options: GlobalOptions, environment: [String: String]) throws -> HubSpotClient {
        if let profile = options.profile ?? environment["HUBSH_PROFILE"].flatMap({ $0.isEmpty ? nil : $0 }), !options.sandbox {
            throw profilesUnsupported(profile)
        }
        let token = environment["HUBSPOT_ACCESS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let baseURL = options.baseURL ?? environment["HUBSPOT_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if options.sandbox || (token == nil && baseURL == nil) { return sandbox() }
        return try account(token: token ?? "sandbox", baseURL: baseURL)
    }

    /// `hubspot.connect{...}` from a script.
    static func client(connecting request: HubSpotConnectOptions, environment: [String: String]) throws -> HubSpotClient {
        if request.sandbox { return sandbox() }
        if let profile = request.profile { throw profilesUnsupported(profile) }
        return try account(token: request.token ?? "sandbox", baseURL: request.baseURL)
    }

    static func sandbox() -> HubSpotClient {
        HubSpotClient(configuration: HubSpotConfiguration(accessToken: "sandbox"), base: LazySandboxTransport { Sandbox(seed: .demo) })
    }

    static func account(token: String, baseURL: String?) throws -> HubSpotClient {
        var configuration = HubSpotConfiguration(accessToken: AccessToken(token))
        if let baseURL {
            guard let url = URL(string: baseURL), url.scheme == "http" || url.scheme == "https" else {
                throw CommandError(message: "invalid base URL '\(baseURL)': expected http://… or https://…", exitCode: .configuration)
            }
            configuration.baseURL = url
        }
        return HubSpotClient(configuration: configuration)
    }

    static func profilesUnsupported(_ profile: String) -> CommandError {
        CommandError(message: "profile '\(profile)' cannot be used yet: profiles come with 'hubsh auth'; set HUBSPOT_ACCESS_TOKEN or use --sandbox",
                     exitCode: .configuration)
    }
}
