/// /account-info/v3: account details and the audit log of what requests changed.
extension SandboxEngine {
    func accountRoute(_ r: APIRequest) throws -> RouteResult {
        let s = r.segments
        guard r.method == "GET", s.count >= 3, s[1] == "v3" else { throw APIError.routeNotFound(r.method, r.path) }
        if s.count == 3, s[2] == "details" {
            return .ok(.object([
                ("portalId", .int(state.portalId)), ("accountType", "SANDBOX"), ("timeZone", "Etc/UTC"), ("companyCurrency", "USD"),
                ("additionalCurrencies", .array([])), ("utcOffset", "+00:00"), ("utcOffsetMilliseconds", 0),
                ("uiDomain", "app.hubspot.com"), ("dataHostingLocation", "na1"),
            ]))
        }
        guard s.count == 4, s[2] == "activity", s[3] == "audit-logs" else { throw APIError.routeNotFound(r.method, r.path) }
        let limit = r.queryInt("limit") ?? 100
        guard (1...1000).contains(limit) else { throw APIError.validation("limit must be between 1 and 1000") }
        func time(_ name: String) throws -> Int64? {
            guard let v = r.queryValue(name) else { return nil }
            guard let t = Timestamp.parse(v) else { throw APIError.validation("\(name) must be an ISO-8601 date-time or milliseconds") }
            return t
        }
        let after = try time("occurredAfter"), before = try time("occurredBefore")
        let actor = r.queryList("actingUserId")?.compactMap(Int.init)
        let user = state.owners.first
        let userId = user?.userId ?? 1
        // Newest first; the cursor is the id of the next (older) event.
        var events = state.auditLog.reversed().filter { e in
            (after.map { e.occurredAt >= $0 } ?? true) && (before.map { e.occurredAt <= $0 } ?? true)
        }
        if let actor, !actor.contains(userId) { events = [] }
        if let cursor = r.queryValue("after").flatMap(Int.init) { events = events.filter { $0.id <= cursor } }
        let page = events.prefix(limit)
        var pairs: [(String, JSON)] = [("results", .array(page.map { $0.json(userId: userId, email: user?.email ?? "api@sandbox.hubsh") }))]
        if events.count > limit { pairs.append(("paging", paging(after: String(events[limit].id), r))) }
        return .ok(.object(pairs))
    }
}
