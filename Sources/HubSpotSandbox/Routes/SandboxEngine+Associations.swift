/// Associations v4: per-record default/labelled associate, list and remove
/// (/crm/v4/objects/...), and the batch endpoints (/crm/v4/associations/.../batch/...).
extension SandboxEngine {
    // MARK: Core operations

    func definition(_ from: String, _ to: String, typeId: Int) -> AssociationDefinition? {
        state.associationDefinitions.first { $0.fromType == from && $0.toType == to && $0.typeId == typeId }
    }

    /// The unlabeled default type of a pair, created on first use for pairs HubSpot
    /// defines no id for (custom objects).
    func defaultDefinition(_ from: String, _ to: String) -> AssociationDefinition {
        if let d = state.associationDefinitions.first(where: { $0.fromType == from && $0.toType == to && $0.isDefault }) { return d }
        let id = nextAssociationTypeId()
        let d = AssociationDefinition(fromType: from, toType: to, typeId: id, category: "HUBSPOT_DEFINED", label: nil,
                                      inverseTypeId: from == to ? id : id + 1, isDefault: true)
        state.associationDefinitions.append(d)
        if from != to {
            state.associationDefinitions.append(AssociationDefinition(fromType: to, toType: from, typeId: id + 1, category: "HUBSPOT_DEFINED",
                                                                      label: nil, inverseTypeId: id, isDefault: true))
        }
        return d
    }

    func nextAssociationTypeId() -> Int {
        max(1000, (state.associationDefinitions.map(\.typeId).max() ?? 0) + 1)
    }

    func inverseKind(from: String, to: String, _ kind: AssociationStore.Kind) -> AssociationStore.Kind {
        guard let d = definition(from, to, typeId: kind.typeId) else { return kind }
        return AssociationStore.Kind(category: d.category, typeId: d.inverseTypeId)
    }

    /// Associates two live records with the given types (the default type when empty).
    func associate(_ from: ObjectType, _ fromId: Int, _ to: ObjectType, _ toId: Int, typeIds: [AssociationStore.Kind]) throws {
        guard store(from).get(fromId) != nil, store(to).get(toId) != nil else { throw APIError.notFound("Object not found: \(store(from).get(fromId) == nil ? fromId : toId)") }
        let kinds = typeIds.isEmpty ? [defaultDefinition(from.name, to.name)].map { AssociationStore.Kind(category: $0.category, typeId: $0.typeId) } : typeIds
        for kind in kinds {
            guard let def = definition(from.name, to.name, typeId: kind.typeId) else {
                throw APIError.validation("\(kind.typeId) is not a valid association type between \(from.singular) and \(to.singular)")
            }
            let k = AssociationStore.Kind(category: def.category, typeId: def.typeId)
            state.associations.add(from.name, fromId, to.name, toId, kind: k, inverse: .init(category: def.category, typeId: def.inverseTypeId))
        }
        audit("ASSOCIATE", from.name, String(fromId), sub: "\(to.name):\(toId)")
    }

    func typesJSON(_ from: ObjectType, _ to: ObjectType, _ kinds: [AssociationStore.Kind]) -> JSON {
        .array(kinds.map { k in
            .object([("category", .string(k.category)), ("typeId", .int(k.typeId)),
                     ("label", .string(definition(from.name, to.name, typeId: k.typeId)?.label))])
        })
    }

    // MARK: /crm/v4/objects/{from}/{id}/associations/...

    func associationRecordRoute(_ r: APIRequest) throws -> RouteResult {
        let s = r.segments
        guard s.count >= 7, s[5] == "associations" else { throw APIError.routeNotFound(r.method, r.path) }
        let from = try objectType(s[3])
        guard let fromId = Int(s[4]) else { throw APIError.notFound() }
        switch (r.method, s.count) {
        case ("PUT", 9) where s[6] == "default":
            let to = try objectType(s[7])
            guard let toId = Int(s[8]) else { throw APIError.notFound() }
            try associate(from, fromId, to, toId, typeIds: [])
            let d = defaultDefinition(from.name, to.name)
            let started = Timestamp.iso(now)
            return .ok(.object([
                ("status", "COMPLETE"),
                ("results", .array([
                    .object([("from", .object([("id", .string(String(fromId)))])), ("to", .object([("id", .string(String(toId)))])),
                             ("associationSpec", d.specJSON())]),
                    .object([("from", .object([("id", .string(String(toId)))])), ("to", .object([("id", .string(String(fromId)))])),
                             ("associationSpec", .object([("associationCategory", .string(d.category)), ("associationTypeId", .int(d.inverseTypeId))]))]),
                ])),
                ("startedAt", .string(started)), ("completedAt", .string(started)),
            ]))
        case ("GET", 7):
            let to = try objectType(s[6])
            guard store(from).get(fromId) != nil else { throw APIError.notFound() }
            let limit = r.queryInt("limit") ?? 500
            guard (1...500).contains(limit) else { throw APIError.validation("limit must be between 1 and 500") }
            let all = liveTargets(from, fromId, to)
            let afterId = r.queryValue("after").flatMap(Int.init) ?? Int.min
            let page = all.filter { $0.id > afterId }
            var pairs: [(String, JSON)] = [("results", .array(page.prefix(limit).map { t in
                .object([("toObjectId", .int(t.id)), ("associationTypes", typesJSON(from, to, t.kinds))])
            }))]
            if page.count > limit { pairs.append(("paging", paging(after: String(page[limit - 1].id), r))) }
            return .ok(.object(pairs))
        case ("PUT", 8):
            let to = try objectType(s[6])
            guard let toId = Int(s[7]) else { throw APIError.notFound() }
            let specs = try r.json().arrayValue ?? []
            let kinds = try specs.map { spec -> AssociationStore.Kind in
                guard let id = spec["associationTypeId"]?.intValue else { throw APIError.validation("associationTypeId is required") }
                return .init(category: spec["associationCategory"]?.stringValue ?? "HUBSPOT_DEFINED", typeId: id)
            }
            guard !kinds.isEmpty else { throw APIError.validation("At least one association type is required") }
            try associate(from, fromId, to, toId, typeIds: kinds)
            let all = state.associations.kinds(from.name, fromId, to.name, toId)
            return .created(.object([
                ("fromObjectTypeId", .string(from.typeId)), ("fromObjectId", .int(fromId)),
                ("toObjectTypeId", .string(to.typeId)), ("toObjectId", .int(toId)),
                ("labels", .array(all.compactMap { definition(from.name, to.name, typeId: $0.typeId)?.label }.map { .string($0) })),
            ]))
        case ("DELETE", 8):
            let to = try objectType(s[6])
            guard let toId = Int(s[7]) else { throw APIError.notFound() }
            state.associations.remove(from.name, fromId, to.name, toId)
            audit("DISASSOCIATE", from.name, String(fromId), sub: "\(to.name):\(toId)")
            return .noContent
        default:
            throw APIError.routeNotFound(r.method, r.path)
        }
    }

    /// GET /crm/v3/objects/{type}/{id}/associations/{toType}: v3's shape over the same store.
    func v3Associations(_ type: ObjectType, _ idText: String, _ r: APIRequest) throws -> RouteResult {
        let s = r.segments
        guard s.count == 7, let id = Int(idText), let record = store(type).get(id) else { throw APIError.notFound() }
        let to = try objectType(s[6])
        let results: [JSON] = liveTargets(type, record.id, to).map { t in
            .object([("id", .string(String(t.id))), ("type", .string("\(type.singular)_to_\(to.singular)"))])
        }
        return .ok(.object([("results", .array(results))]))
    }
}
