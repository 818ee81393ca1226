/// Marketing forms (/marketing/v3/forms) and form submissions on api.hsforms.com
/// (/submissions/v3/integration/[secure/]submit/{portalId}/{formGuid}), which create or
/// update the contact with the submitted email.
extension SandboxEngine {
    func formRoute(_ r: APIRequest) throws -> RouteResult {
        let s = r.segments
        switch (r.method, s.count) {
        case ("GET", 3):
            let archived = r.queryBool("archived")
            let limit = r.queryInt("limit") ?? 20
            guard (1...100).contains(limit) else { throw APIError.validation("limit must be between 1 and 100") }
            let forms = state.forms.filter { $0.archived == archived }
            let start = r.queryValue("after").flatMap(Int.init) ?? 0
            var pairs: [(String, JSON)] = [("results", .array(forms.dropFirst(start).prefix(limit).map(formJSON)))]
            if start + limit < forms.count { pairs.append(("paging", paging(after: String(start + limit), r))) }
            return .ok(.object(pairs))
        case ("POST", 3):
            let body = try r.json()
            guard let name = body["name"]?.stringValue else { throw APIError.validation("name is required") }
            var fields: [Form.Field] = []
            for group in body["fieldGroups"]?.arrayValue ?? [] {
                for f in group["fields"]?.arrayValue ?? [] {
                    guard let fieldName = f["name"]?.stringValue else { continue }
                    fields.append(Form.Field(name: fieldName, label: f["label"]?.stringValue ?? fieldName,
                                             fieldType: f["fieldType"]?.stringValue ?? "single_line_text",
                                             required: f["required"]?.boolValue ?? false))
                }
            }
            // A form guid shaped like HubSpot's, derived from the id counter so runs repeat.
            let n = state.takeMiscId()
            let id = "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - String(n).count)) + String(n)
            let form = Form(id: id, name: name, fields: fields, createdAt: now, updatedAt: now)
            state.forms.append(form)
            audit("CREATE", "FORM", id)
            return .created(formJSON(form))
        case ("GET", 4):
            guard let form = state.forms.first(where: { $0.id == s[3] && $0.archived == r.queryBool("archived") }) else {
                throw APIError.notFound("Form \(s[3]) does not exist")
            }
            return .ok(formJSON(form))
        case ("DELETE", 4):
            guard let i = state.forms.firstIndex(where: { $0.id == s[3] && !$0.archived }) else { throw APIError.notFound("Form \(s[3]) does not exist") }
            state.forms[i].archived = true
            audit("DELETE", "FORM", s[3])
            return .noContent
        default: throw APIError.routeNotFound(r.method, r.path)
        }
    }

    func formJSON(_ f: Form) -> JSON {
        let fields: [JSON] = f.fields.map { field in
            var pairs: [(String, JSON)] = [
                ("objectTypeId", "0-1"), ("name", .string(field.name)), ("label", .string(field.label)), ("required", .bool(field.required)),
                ("hidden", false), ("fieldType", .string(field.fieldType)), ("dependentFields", .array([])),
            ]
            if field.fieldType == "email" {
                pairs.append(("validation", .object([("blockedEmailDomains", .array([])), ("useDefaultBlockList", false)])))
            }
            return .object(pairs)
        }
        return .object([
            ("id", .string(f.id)), ("name", .string(f.name)), ("formType", "hubspot"),
            ("createdAt", .string(Timestamp.iso(f.createdAt))), ("updatedAt", .string(Timestamp.iso(f.updatedAt))), ("archived", .bool(f.archived)),
            ("fieldGroups", .array([.object([("groupType", "default_group"), ("richTextType", "text"), ("fields", .array(fields))])])),
            ("configuration", .object([
                ("language", "en"), ("cloneable", true), ("editable", true), ("archivable", true), ("recaptchaEnabled", false),
                ("notifyContactOwner", false), ("notifyRecipients", .array([])), ("createNewContactForNewEmail", false),
                ("prePopulateKnownValues", true), ("allowLinkToResetKnownValues", false), ("lifecycleStages", .array([])),
                ("postSubmitAction", .object([("type", "thank_you"), ("value", "Thanks for submitting the form.")])),
            ])),
            ("displayOptions", .object([
                ("renderRawHtml", false), ("theme", "default_style"), ("submitButtonText", "Submit"),
                ("style", .object([
                    ("fontFamily", "arial, helvetica, sans-serif"), ("backgroundWidth", "100%"), ("labelTextColor", "#33475b"),
                    ("labelTextSize", "14px"), ("helpTextColor", "#7C98B6"), ("helpTextSize", "11px"), ("legalConsentTextColor", "#33475b"),
                    ("legalConsentTextSize", "14px"), ("submitColor", "#ff7a59"), ("submitAlignment", "left"), ("submitFontColor", "#ffffff"),
                    ("submitSize", "12px"),
                ])),
            ])),
            ("legalConsentOptions", .object([("type", "none")])),
        ])
    }

    /// The forms API's own error shape: `errors[].errorType` instead of the CRM's `code`.
    private func formError(_ status: Int, _ message: String, _ errors: [(String, String)]) -> APIError {
        var e = APIError(status: status, category: status == 404 ? "OBJECT_NOT_FOUND" : "VALIDATION_ERROR", message: message)
        e.errors = errors.map { APIError.Detail(message: $0.0, code: $0.1) }
        e.detailCodeKey = "errorType"
        return e
    }

    func submissionRoute(_ r: APIRequest) throws -> RouteResult {
        let s = r.segments
        let secure = s.count == 8 && s[3] == "secure" && s[4] == "submit"
        let plain = s.count == 6 && s[3] == "submit"
        guard r.method == "POST", s.count >= 6, s[1] == "v3", s[2] == "integration", secure || plain else {
            throw APIError.routeNotFound(r.method, r.path)
        }
        let portal = secure ? s[5] : s[4]
        let guid = secure ? s[6] : s[5]
        guard portal == String(state.portalId), let i = state.forms.firstIndex(where: { $0.id == guid && !$0.archived }) else {
            throw formError(404, "Form not found for portal \(portal) and guid \(guid)", [("The form \(guid) does not exist.", "FORM_NOT_FOUND")])
        }
        let body = try r.json()
        var values: [(String, String)] = []
        for f in body["fields"]?.arrayValue ?? [] {
            guard let name = f["name"]?.stringValue else { continue }
            values.append((name, f["value"]?.scalarString ?? ""))
        }
        var problems: [(String, String)] = []
        let form = state.forms[i]
        for field in form.fields where field.required && !values.contains(where: { $0.0 == field.name && !$0.1.isEmpty }) {
            problems.append(("Error in 'fields.\(field.name)'. Required field '\(field.name)' is missing", "REQUIRED_FIELD"))
        }
        let email = values.first { $0.0 == "email" }?.1.trimmingCharacters(in: .whitespaces).lowercased()
        if let email, !email.isEmpty, !(email.contains("@") && email.split(separator: "@").count == 2 && email.contains(".")) {
            problems.append(("Error in 'fields.email'. Invalid email address", "INVALID_EMAIL"))
        }
        guard problems.isEmpty else { throw formError(400, "The request is not valid", problems) }

        var contactId: Int?
        if let email, !email.isEmpty {
            let contacts = try objectType("contacts")
            let defs = definitions(contacts)
            // Fields that are not writable contact properties stay on the submission only.
            let props: [(String, JSON)] = values.filter { defs[$0.0].map { !$0.readOnlyValue && !$0.archived } ?? false }.map { ($0.0, .string($0.1)) }
            if let id = findId(contacts, property: "email", value: email) {
                contactId = try updateRecord(contacts, id: id, props.filter { $0.0 != "email" }, source: "FORM").id
            } else {
                contactId = try createRecord(contacts, props, source: "FORM").id
            }
        }
        let submittedAt = body["submittedAt"]?.scalarString.flatMap { Int64($0) } ?? now
        state.forms[i].submissions.append(Form.Submission(
            submittedAt: submittedAt, values: Dictionary(values, uniquingKeysWith: { $1 }),
            pageUri: body["context"]?["pageUri"]?.stringValue, contactId: contactId))
        audit("SUBMIT", "FORM", guid, sub: contactId.map(String.init))
        return .ok(.object([("inlineMessage", "Thanks for submitting the form.")]))
    }
}
