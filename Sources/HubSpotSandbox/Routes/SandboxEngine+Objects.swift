/// /crm/v3/objects/{objectType}/...: single-record reads and writes, list, merge, GDPR delete.
extension SandboxEngine {
    func objectRoute(_ r: APIRequest) throws -> RouteResult {
        let s = r.segments
        guard s.count >= 4 else { throw APIError.routeNotFound(r.method, r.path) }
        let type = try objectType(s[3])
        switch (r.method, s.count) {
        case ("GET", 4): return try listRecords(type, r)
        case ("POST", 4): return try createOne(type, r)
        case ("POST", 5) where s[4] == "search": return try search(type, r)
        case ("POST", 5) where s[4] == "merge": return try merge(type, r)
        case ("POST", 5) where s[4] == "gdpr-delete" && type.name == "contacts": return try gdprDelete(type, r)
        case ("POST", 6) where s[4] == "batch": return try batch(type, s[5], r)
        case ("GET", 5):
            let record = try resolveId(type, s[4], idProperty: r.queryValue("idProperty"), archived: r.queryBool("archived"))
            return .ok(render(record, type, ReadOptions(query: r)))
        case ("PATCH", 5):
            let record = try resolveId(type, s[4], idProperty: r.queryValue("idProperty"))
            let body = try r.json()
            let props = try inputProperties(body)
            let updated = try updateRecord(type, id: record.id, props)
            return .ok(render(updated, type, .written(props)))
        case ("DELETE", 5):
            if let id = Int(s[4]) { archiveRecord(type, id: id) }
            return .noContent
        case ("GET", 7) where s[5] == "associations":
            // v3 form of listing associations, answered from the v4 store.
            return try v3Associations(type, s[4], r)
        default:
            throw APIError.routeNotFound(r.method, r.path)
        }
    }

    /// The `properties` object of a create/update input.
    func inputProperties(_ body: JSON) throws -> [(String, JSON)] {
        guard case .object = body else { throw APIError.badRequest("Invalid input JSON: expected an object") }
        guard let props = body["properties"] else { return [] }
        guard let pairs = props.objectValue else { throw APIError.badRequest("Invalid input JSON: properties must be an object") }
        return pairs
    }

    private func listRecords(_ type: ObjectType, _ r: APIRequest) throws -> RouteResult {
        let limit = r.queryInt("limit") ?? 10
        guard (1...100).contains(limit) else {
            throw APIError.validation("limit must be between 1 and 100; it was \(limit)")
        }
        let archived = r.queryBool("archived")
        let options = ReadOptions(query: r)
        let st = store(type)
        var pos = 0
        if let after = r.queryValue("after"), !after.isEmpty {
            guard let afterId = Int(after) else { throw APIError.validation("after must be a record id cursor; it was \(after)") }
            pos = st.position(after: afterId - 1)
        }
        var results: [JSON] = []
        var nextId: Int?
        while pos < st.records.count {
            let rec = st.records[pos]
            pos += 1
            guard rec.archived == archived else { continue }
            if results.count == limit { nextId = rec.id; break }
            results.append(render(rec, type, options))
        }
        var pairs: [(String, JSON)] = [("results", .array(results))]
        if let nextId { pairs.append(("paging", paging(after: String(nextId), r))) }
        return .ok(.object(pairs))
    }

    func paging(after: String, _ r: APIRequest) -> JSON {
        .object([("next", .object([("after", .string(after)), ("link", .string("https://api.hubapi.com\(r.path)?after=\(after)"))]))])
    }

    private func createOne(_ type: ObjectType, _ r: APIRequest) throws -> RouteResult {
        let body = try r.json()
        let props = try inputProperties(body)
        let associations = try parseCreateAssociations(type, body["associations"])
        let record = try createRecord(type, props)
        for a in associations { try associate(type, record.id, a.to, a.toId, typeIds: [a.kind]) }
        return .created(render(record, type, .written(props)))
    }

    struct CreateAssociation {
        var to: ObjectType
        var toId: Int
        var kind: AssociationStore.Kind
    }

    /// `associations: [{to:{id}, types:[{associationCategory, associationTypeId}]}]` on a create,
    /// checked before the record exists so a bad one creates nothing.
    func parseCreateAssociations(_ type: ObjectType, _ value: JSON?) throws -> [CreateAssociation] {
        guard let items = value?.arrayValue else { return [] }
        var out: [CreateAssociation] = []
        for item in items {
            guard let toId = item["to"]?["id"]?.intValue else { throw APIError.badRequest("associations[].to.id is required") }
            for spec in item["types"]?.arrayValue ?? [] {
                guard let typeId = spec["associationTypeId"]?.intValue else {
                    throw APIError.badRequest("associations[].types[].associationTypeId is required")
                }
                let category = spec["associationCategory"]?.stringValue ?? "HUBSPOT_DEFINED"
                let candidates = state.associationDefinitions.filter { $0.fromType == type.name && $0.typeId == typeId }
                guard let def = candidates.first(where: { d in (try? objectType(d.toType)).map { store($0).get(toId) != nil } ?? false })
                    ?? candidates.first else {
                    throw APIError.validation("\(typeId) is not a valid association type id from \(type.singular)")
                }
                let to = try objectType(def.toType)
                guard store(to).get(toId) != nil else {
                    throw APIError.validation("No \(to.singular) with id \(toId) exists to associate with.")
                }
                out.append(CreateAssociation(to: to, toId: toId, kind: .init(category: category, typeId: typeId)))
            }
        }
        return out
    }

    private func merge(_ type: ObjectType, _ r: APIRequest) throws -> RouteResult {
        guard ["contacts", "companies", "deals", "tickets"].contains(type.name) else {
            throw APIError.routeNotFound(r.method, r.path)
        }
        let body = try r.json()
        guard let primaryId = body["primaryObjectId"]?.intValue, let otherId = body["objectIdToMerge"]?.intValue else {
            throw APIError.validation("primaryObjectId and objectIdToMerge are required")
        }
        guard primaryId != otherId else { throw APIError.validation("Cannot merge an object with itself") }
        guard let primary = store(type).get(primaryId), let other = store(type).get(otherId) else { throw APIError.notFound() }
        // The primary keeps its values; the merged record fills the gaps.
        let unique = Set(uniqueProperties(type))
        let automatic: Set<String> = ["hs_object_id", type.createdateProperty, type.lastModifiedProperty, "hs_createdate",
                                      "hs_lastmodifieddate", "hs_merged_object_ids"]
        let merged = ((primary.properties["hs_merged_object_ids"].map { $0.split(separator: ";").map(String.init) } ?? []) + [String(otherId)])
            .joined(separator: ";")
        withStore(type) { $0.update(primaryId) { p in
            for (name, value) in other.properties where p.properties[name] == nil && !automatic.contains(name) && !unique.contains(name) {
                p.set(name, value, at: now, source: "MERGE")
            }
            p.set("hs_merged_object_ids", merged, at: now, source: "MERGE")
            p.updatedAt = now
            p.set(type.lastModifiedProperty, Timestamp.iso(now), at: now)
        } }
        // Associations of the merged record move to the primary.
        for t in state.associations.allTargets(of: type.name, otherId) {
            for kind in t.kinds {
                let inverse = inverseKind(from: type.name, to: t.type, kind)
                state.associations.add(type.name, primaryId, t.type, t.id == otherId ? primaryId : t.id, kind: kind, inverse: inverse)
            }
        }
        if type.name == "contacts", let email = other.properties["email"] {
            withStore(type) { $0.update(primaryId) { p in
                let extra = (p.properties["hs_additional_emails"].map { [$0] } ?? []) + [email]
                p.set("hs_additional_emails", extra.joined(separator: ";"), at: now, source: "MERGE")
            } }
        }
        purgeRecord(type, id: otherId)
        withStore(type) { $0.mergedInto[otherId] = primaryId }
        uniqueIndexes[type.name] = nil
        audit("MERGE", type.name, String(primaryId), sub: String(otherId))
        guard let result = store(type).get(primaryId) else { throw APIError.notFound() }
        return .ok(render(result, type, ReadOptions()))
    }

    private func gdprDelete(_ type: ObjectType, _ r: APIRequest) throws -> RouteResult {
        let body = try r.json()
        guard let idText = body["objectId"]?.scalarString else { throw APIError.validation("objectId is required") }
        let record = try resolveId(type, idText, idProperty: body["idProperty"]?.stringValue)
        purgeRecord(type, id: record.id)
        uniqueIndexes[type.name] = nil
        audit("GDPR_DELETE", type.name, String(record.id))
        return .noContent
    }
}
