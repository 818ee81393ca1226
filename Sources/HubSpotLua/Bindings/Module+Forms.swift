import Foundation
import HubSpot
import LuaKit

/// `hubspot.forms`: form submissions (on the forms host; the token is sent only for `secure`).
extension Module {
    func pushForms(onto stack: LuaStack) {
        stack.newTable(fieldCapacity: 1)
        function("submit", in: stack) { module, call in try module.submitForm(call) }
    }

    /// `hubspot.forms.submit(portal_id, form_guid, fields, {context=, secure=})`: HubSpot's answer
    /// (`{inlineMessage=}` or `{redirectUri=}`).
    func submitForm(_ call: LuaCall) throws -> LuaResults {
        let portal = try Arguments.id(call, 1), guid = try call.string(2)
        let fields = try Arguments.properties(call, 3)
        let options = try Options(call, 4, allowed: ["context", "secure"])
        var context: FormSubmission.Context?
        switch options["context"] {
        case .nil: break
        case .table(let t):
            context = FormSubmission.Context(hutk: t["hutk"].stringValue, pageUri: t["page_uri"].stringValue ?? t["pageUri"].stringValue,
                                             pageName: t["page_name"].stringValue ?? t["pageName"].stringValue,
                                             ipAddress: t["ip_address"].stringValue ?? t["ipAddress"].stringValue)
        default: throw options.bad("context", "a table {page_uri=, page_name=, hutk=, ip_address=}")
        }
        let secure = try options.bool("secure")
        if secure && client.configuration.accessToken == nil {
            throw HubSpotError(kind: .invalidRequest, message: "a secure form submission needs an access token")
        }
        let submission = FormSubmission(fields: fields.sorted { $0.key < $1.key }.map { .init(name: $0.key, value: $0.value) },
                                        context: context)
        let request = client.forms.submitRequest(portalId: portal, formGuid: guid, submission, secure: secure)
        let client = self.client
        return try bridge.perform(call, { try await client.send(request).body }) { body, stack in
            try Records.decode(body, onto: stack)
            if stack.type(at: -1) == .nil { stack.pop(); stack.push(true) }
            return 1
        }
    }
}
