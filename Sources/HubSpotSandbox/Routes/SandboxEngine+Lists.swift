/// /crm/v3/lists: lists and their memberships. Membership changes apply to MANUAL and
/// SNAPSHOT lists; DYNAMIC lists keep what they are given, since filters are not evaluated.
extension SandboxEngine {
    func listRoute(_ r: APIRequest) throws -> RouteResult {
        let s = r.segments
        switch (r.method, s.count) {
        case ("POST", 3): return try createList(try r.json())
        case ("GET", 3):
            let ids = Set((r.queryList("listIds") ?? []).compactMap(Int.init))
            let lists = state.lists.filter { ids.contains($0.listId) && ($0.deletedAt == nil || r.queryBool("includeDeleted")) }
            return .ok(.object([("lists", .array(lists.map { $0.json() }))]))
        case ("POST", 4) where s[3] == "search": return try searchLists(try r.json())
        case ("GET", 7) where s[3] == "object-type-id" && s[5] == "name":
            guard let list = state.lists.first(where: { $0.objectTypeId == s[4] && $0.name.lowercased() == s[6].lowercased() && $0.deletedAt == nil }) else {
                throw APIError.notFound("List \(s[6]) does not exist")
            }
            return .ok(.object([("list", list.json())]))
        default: break
        }
        guard s.count >= 4, let id = Int(s[3]), let i = state.lists.firstIndex(where: { $0.listId == id }) else {
            throw APIError.notFound("List \(s.count > 3 ? s[3] : "") does not exist")
        }
        let deleted = state.lists[i].deletedAt != nil
        switch (r.method, s.count) {
        case ("GET", 4) where !deleted: return .ok(.object([("list", state.lists[i].json())]))
        case ("DELETE", 4) where !deleted:
            state.lists[i].deletedAt = now
            audit("DELETE", "LIST", String(id))
            return .noContent
        case ("PUT", 5) where s[4] == "restore" && deleted:
            state.lists[i].deletedAt = nil
            audit("RESTORE", "LIST", String(id))
            return .noContent
        case ("GET", 5) where s[4] == "memberships" && !deleted: return try memberships(i, r)
        case ("DELETE", 5) where s[4] == "memberships" && !deleted:
            state.lists[i].members = []
            audit("UPDATE", "LIST", String(id), sub: "MEMBERSHIPS_CLEARED")
            return .noContent
        case ("PUT", 6) where s[4] == "memberships" && !deleted:
            let body = try r.json()
            switch s[5] {
            case "add": return .ok(try changeMembers(i, add: body.arrayValue ?? [], remove: []))
            case "remove": return .ok(try changeMembers(i, add: [], remove: body.arrayValue ?? []))
            case "add-and-remove":
                return .ok(try changeMembers(i, add: body["recordIdsToAdd"]?.arrayValue ?? [], remove: body["recordIdsToRemove"]?.arrayValue ?? []))
            default: break
            }
        default: break
        }
        throw APIError.routeNotFound(r.method, r.path)
    }

    private func createList(_ body: JSON) throws -> RouteResult {
        guard let name = body["name"]?.stringValue, let typeKey = body["objectTypeId"]?.stringValue,
              let processing = body["processingType"]?.stringValue else {
            throw APIError.validation("name, objectTypeId and processingType are required")
        }
        let type = try objectType(typeKey)
        guard ["MANUAL", "DYNAMIC", "SNAPSHOT"].contains(processing) else {
            throw APIError.validation("processingType must be MANUAL, DYNAMIC or SNAPSHOT")
        }
        guard !state.lists.contains(where: { $0.name.lowercased() == name.lowercased() && $0.deletedAt == nil }) else {
            throw APIError.conflict("A list named \(name) already exists.")
        }
        let list = CRMList(listId: state.takeMiscId(), name: name, objectTypeId: type.typeId, processingType: processing,
                           createdAt: now, updatedAt: now)
        state.lists.append(list)
        audit("CREATE", "LIST", String(list.listId))
        return .ok(.object([("list", list.json())]))
    }

    private func searchLists(_ body: JSON) throws -> RouteResult {
        let query = body["query"]?.stringValue?.lowercased() ?? ""
        let offset = body["offset"]?.intValue ?? 0
        let count = min(body["count"]?.intValue ?? 20, 500)
        let types = body["processingTypes"]?.arrayValue?.compactMap(\.stringValue)
        let ids = body["listIds"]?.arrayValue?.compactMap(\.intValue)
        let found = state.lists.filter { l in
            l.deletedAt == nil && (query.isEmpty || l.name.lowercased().contains(query))
                && (types?.contains(l.processingType) ?? true) && (ids?.contains(l.listId) ?? true)
        }
        let page = found.dropFirst(offset).prefix(count)
        return .ok(.object([
            ("lists", .array(page.map { l in
                guard case .object(var pairs) = l.json(includeSize: false) else { return .null }
                pairs.append(("additionalProperties", .object([("hs_list_size", .string(String(l.members.count)))])))
                return .object(pairs)
            })),
            ("offset", .int(offset + page.count)), ("hasMore", .bool(offset + page.count < found.count)), ("total", .int(found.count)),
        ]))
    }

    private func changeMembers(_ i: Int, add: [JSON], remove: [JSON]) throws -> JSON {
        guard state.lists[i].processingType != "DYNAMIC" else {
            throw APIError.validation("List \(state.lists[i].listId) is a DYNAMIC list; its memberships cannot be changed by hand.")
        }
        let type = try objectType(state.lists[i].objectTypeId)
        var added: [String] = [], missing: [String] = [], removed: [String] = []
        var present = Set(state.lists[i].members.map(\.recordId))
        for item in add {
            guard let text = item.scalarString else { continue }
            guard let id = Int(text), store(type).get(id) != nil else { missing.append(text); continue }
            if present.insert(id).inserted {
                state.lists[i].members.append(.init(recordId: id, addedAt: now))
                added.append(text)
            }
        }
        for item in remove {
            guard let text = item.scalarString else { continue }
            guard let id = Int(text), present.contains(id) else { missing.append(text); continue }
            present.remove(id)
            state.lists[i].members.removeAll { $0.recordId == id }
            removed.append(text)
        }
        state.lists[i].updatedAt = now
        state.lists[i].listVersion += 1
        audit("UPDATE", "LIST", String(state.lists[i].listId), sub: "MEMBERSHIPS")
        return .object([
            ("recordsIdsAdded", .array(added.map { .string($0) })), ("recordIdsRemoved", .array(removed.map { .string($0) })),
            ("recordIdsMissing", .array(missing.map { .string($0) })),
        ])
    }

    private func memberships(_ i: Int, _ r: APIRequest) throws -> RouteResult {
        let limit = r.queryInt("limit") ?? 100
        guard (1...250).contains(limit) else { throw APIError.validation("limit must be between 1 and 250") }
        let members = state.lists[i].members.sorted { $0.recordId < $1.recordId }
        let after = r.queryValue("after").flatMap(Int.init) ?? Int.min
        let rest = members.filter { $0.recordId > after }
        let page = rest.prefix(limit)
        var pairs: [(String, JSON)] = [
            ("results", .array(page.map { .object([("recordId", .string(String($0.recordId))), ("membershipTimestamp", .string(Timestamp.iso($0.addedAt)))]) })),
            ("total", .int(members.count)),
        ]
        if rest.count > limit, let last = page.last { pairs.append(("paging", paging(after: String(last.recordId), r))) }
        return .ok(.object(pairs))
    }
}
