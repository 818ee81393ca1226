/// Dispatch by method and path segments: a switch over literal segments, no regular
/// expressions, so routing costs a few string comparisons per request.
extension SandboxEngine {
    func route(_ original: APIRequest) throws -> RouteResult {
        let r = Self.undated(original)
        let s = r.segments
        let m = r.method
        guard let head = s.first else { throw APIError.routeNotFound(m, r.path) }
        switch head {
        case "crm":
            guard s.count >= 3 else { break }
            switch (s[1], s[2]) {
            case ("v3", "objects"): return try objectRoute(r)
            case ("v4", "objects"): return try associationRecordRoute(r)
            case ("v4", "associations"), ("associations", "v4"): return try associationRoute(r)
            case ("v3", "associations"): return try v3AssociationBatch(r)
            case ("v3", "properties"): return try propertyRoute(r)
            case ("v3", "schemas"): return try schemaRoute(r, from: 3)
            case ("v3", "pipelines"): return try pipelineRoute(r)
            case ("v3", "owners"): return try ownerRoute(r)
            case ("v3", "lists"): return try listRoute(r)
            default: break
            }
        case "crm-object-schemas":
            if s.count >= 3, s[1] == "v3", s[2] == "schemas" { return try schemaRoute(r, from: 3) }
        case "marketing":
            if s.count >= 3, s[1] == "v3", s[2] == "forms" { return try formRoute(r) }
        case "submissions":
            return try submissionRoute(r)
        case "automation":
            return try workflowRoute(r)
        case "account-info":
            return try accountRoute(r)
        default: break
        }
        throw APIError.routeNotFound(m, r.path)
    }

    /// Maps HubSpot's date-versioned paths (`/crm/objects/2026-03/contacts`) onto the
    /// v3/v4 ones, which answer the same.
    static func undated(_ r: APIRequest) -> APIRequest {
        let s = r.segments
        guard s.count >= 3, s[0] == "crm", s[2].count == 7, s[2].hasPrefix("20") else { return r }
        var out = r
        let rest = Array(s[3...])
        switch s[1] {
        case "objects":
            let isAssoc = rest.count >= 4 && rest[2] == "associations"
            out.segments = ["crm", isAssoc ? "v4" : "v3", "objects"] + rest
        case "associations": out.segments = ["crm", "v4", "associations"] + rest
        default: out.segments = ["crm", "v3", s[1]] + rest
        }
        return out
    }
}
