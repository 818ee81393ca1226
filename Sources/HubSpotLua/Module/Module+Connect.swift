import HubSpot
import LuaKit

/// `hubspot.connect`: a second account, or a sandbox, in the same script.
extension Module {
    /// `hubspot.connect{profile= | token= | sandbox=true, base_url=}`: another module table.
    func connect(_ call: LuaCall) throws -> LuaResults {
        let options = try Options(call, 1, allowed: ["profile", "token", "sandbox", "base_url"])
        let request = HubSpotConnectOptions(profile: try options.string("profile"), token: try options.string("token"),
                                            sandbox: try options.bool("sandbox"), baseURL: try options.string("base_url"))
        if request.profile == nil, request.token == nil, !request.sandbox {
            throw LuaArgumentError.message(1, "one of 'profile', 'token' or 'sandbox' is required")
        }
        guard let connect = shared.connect else { throw ConnectError(message: "hubspot.connect is not available here") }
        let client = try connect(request)
        Module(client: client, shared: shared).push(onto: call.stack)
        return .values(1)
    }
}
