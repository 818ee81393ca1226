/// /crm/v3/owners: the users records can be assigned to.
extension SandboxEngine {
    func ownerRoute(_ r: APIRequest) throws -> RouteResult {
        let s = r.segments
        guard r.method == "GET" else { throw APIError.routeNotFound(r.method, r.path) }
        let archived = r.queryBool("archived")
        if s.count == 4 {
            let byUserId = r.queryValue("idProperty") == "userId"
            guard let key = Int(s[3]), let owner = state.owners.first(where: { (byUserId ? $0.userId : $0.id) == key && $0.archived == archived }) else {
                throw APIError.notFound("Owner \(s[3]) not found")
            }
            return .ok(owner.json())
        }
        let limit = r.queryInt("limit") ?? 100
        guard (1...500).contains(limit) else { throw APIError.validation("limit must be between 1 and 500") }
        var owners = state.owners.filter { $0.archived == archived }
        if let email = r.queryValue("email")?.lowercased() { owners = owners.filter { $0.email.lowercased() == email } }
        let start = r.queryValue("after").flatMap(Int.init) ?? 0
        let page = owners.dropFirst(start).prefix(limit)
        var pairs: [(String, JSON)] = [("results", .array(page.map { $0.json() }))]
        if start + limit < owners.count { pairs.append(("paging", paging(after: String(start + limit), r))) }
        return .ok(.object(pairs))
    }
}
