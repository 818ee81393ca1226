/// Workflows: the v4 flows list/get (/automation/v4/flows) and v2 contact enrollment
/// (/automation/v2/workflows/{id}/enrollments/contacts/{email}).
extension SandboxEngine {
    func workflowRoute(_ r: APIRequest) throws -> RouteResult {
        let s = r.segments
        guard s.count >= 3 else { throw APIError.routeNotFound(r.method, r.path) }
        switch (s[1], s[2], r.method, s.count) {
        case ("v4", "flows", "GET", 3):
            let limit = r.queryInt("limit") ?? 100
            guard (1...100).contains(limit) else { throw APIError.validation("limit must be between 1 and 100") }
            let start = r.queryValue("after").flatMap(Int.init) ?? 0
            var pairs: [(String, JSON)] = [("results", .array(state.workflows.dropFirst(start).prefix(limit).map { w in
                .object([("id", .string(String(w.id))), ("name", .string(w.name)), ("isEnabled", .bool(w.isEnabled)), ("flowType", "WORKFLOW"),
                         ("objectTypeId", .string(w.objectTypeId)), ("revisionId", "1"),
                         ("createdAt", .string(Timestamp.iso(w.createdAt))), ("updatedAt", .string(Timestamp.iso(w.updatedAt)))])
            }))]
            if start + limit < state.workflows.count { pairs.append(("paging", paging(after: String(start + limit), r))) }
            return .ok(.object(pairs))
        case ("v4", "flows", "GET", 4):
            guard let w = state.workflows.first(where: { String($0.id) == s[3] }) else { throw APIError.notFound("Flow \(s[3]) does not exist") }
            return .ok(flowJSON(w))
        case ("v2", "workflows", "GET", 3):
            return .ok(.object([("workflows", .array(state.workflows.map { w in
                .object([("id", .int(w.id)), ("name", .string(w.name)), ("type", "DRIP_DELAY"), ("enabled", .bool(w.isEnabled)),
                         ("insertedAt", .int(Int(w.createdAt))), ("updatedAt", .int(Int(w.updatedAt)))])
            }))]))
        case ("v2", "workflows", "POST", 7) where s[4] == "enrollments" && s[5] == "contacts",
             ("v2", "workflows", "DELETE", 7) where s[4] == "enrollments" && s[5] == "contacts":
            guard let i = state.workflows.firstIndex(where: { String($0.id) == s[3] }) else {
                throw APIError.notFound("Workflow \(s[3]) does not exist")
            }
            let contacts = try objectType("contacts")
            guard let id = findId(contacts, property: "email", value: s[6].lowercased()) else {
                throw APIError.notFound("Contact with email \(s[6]) does not exist")
            }
            if r.method == "POST" {
                if !state.workflows[i].enrolledContactIds.contains(id) { state.workflows[i].enrolledContactIds.append(id) }
                audit("ENROLL", "WORKFLOW", s[3], sub: String(id))
            } else {
                state.workflows[i].enrolledContactIds.removeAll { $0 == id }
                audit("UNENROLL", "WORKFLOW", s[3], sub: String(id))
            }
            return .noContent
        default:
            throw APIError.routeNotFound(r.method, r.path)
        }
    }

    private func flowJSON(_ w: Workflow) -> JSON {
        .object([
            ("id", .string(String(w.id))), ("name", .string(w.name)), ("type", "CONTACT_FLOW"), ("flowType", "WORKFLOW"),
            ("isEnabled", .bool(w.isEnabled)), ("objectTypeId", .string(w.objectTypeId)), ("revisionId", "1"),
            ("createdAt", .string(Timestamp.iso(w.createdAt))), ("updatedAt", .string(Timestamp.iso(w.updatedAt))),
            ("actions", .array([])), ("blockedDates", .array([])), ("canEnrollFromSalesforce", false), ("crmObjectCreationStatus", "COMPLETE"),
            ("customProperties", .object([])), ("dataSources", .array([])), ("nextAvailableActionId", "1"),
            ("suppressionListIds", .array([])), ("timeWindows", .array([])),
            ("enrollmentCriteria", .object([("type", "MANUAL"), ("shouldReEnroll", false)])),
        ])
    }
}
