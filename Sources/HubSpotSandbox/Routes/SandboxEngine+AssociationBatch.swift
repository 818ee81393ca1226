/// /crm/v4/associations/{from}/{to}/...: batch create/read/archive and association labels
/// (also answered under /crm/associations/v4/..., the spelling of the current schema file).
extension SandboxEngine {
    func associationRoute(_ r: APIRequest) throws -> RouteResult {
        let s = r.segments
        guard s.count >= 6 else { throw APIError.routeNotFound(r.method, r.path) }
        let from = try objectType(s[3])
        let to = try objectType(s[4])
        switch (r.method, s[5], s.count) {
        case ("GET", "labels", 6): return .ok(labelsJSON(from, to))
        case ("POST", "labels", 6): return try createLabel(from, to, try r.json())
        case ("PUT", "labels", 6):
            let body = try r.json()
            guard let id = body["associationTypeId"]?.intValue, let label = body["label"]?.stringValue,
                  let i = state.associationDefinitions.firstIndex(where: { $0.fromType == from.name && $0.toType == to.name && $0.typeId == id }),
                  state.associationDefinitions[i].category == "USER_DEFINED" else {
                throw APIError.notFound("No user-defined association label with that associationTypeId")
            }
            state.associationDefinitions[i].label = label
            audit("UPDATE", "ASSOCIATION_LABEL", String(id))
            return .noContent
        case ("DELETE", "labels", 7):
            guard let id = Int(s[6]), let def = definition(from.name, to.name, typeId: id), def.category == "USER_DEFINED" else {
                throw APIError.notFound("No user-defined association label with id \(s[6])")
            }
            state.associationDefinitions.removeAll {
                ($0.fromType == from.name && $0.toType == to.name && $0.typeId == id)
                    || ($0.fromType == to.name && $0.toType == from.name && $0.typeId == def.inverseTypeId)
            }
            audit("DELETE", "ASSOCIATION_LABEL", String(id))
            return .noContent
        case ("POST", "batch", 7): return try associationBatch(from, to, s[6], try r.json())
        case ("POST", "batch", 8) where s[6] == "associate" && s[7] == "default": return try associationBatch(from, to, "default", try r.json())
        case ("POST", "batch", 8) where s[6] == "labels" && s[7] == "archive": return try associationBatch(from, to, "labels-archive", try r.json())
        default: throw APIError.routeNotFound(r.method, r.path)
        }
    }

    private func labelsJSON(_ from: ObjectType, _ to: ObjectType) -> JSON {
        _ = defaultDefinition(from.name, to.name)
        let defs = state.associationDefinitions.filter { $0.fromType == from.name && $0.toType == to.name }
        return .object([("results", .array(defs.map { d in
            .object([("category", .string(d.category)), ("typeId", .int(d.typeId)), ("label", .string(d.label))])
        }))])
    }

    private func createLabel(_ from: ObjectType, _ to: ObjectType, _ body: JSON) throws -> RouteResult {
        guard let label = body["label"]?.stringValue, body["name"]?.stringValue != nil else {
            throw APIError.validation("label and name are required")
        }
        let id = nextAssociationTypeId()
        let paired = from.name != to.name || body["inverseLabel"] != nil
        let inverseId = paired ? id + 1 : id
        let inverseLabel = body["inverseLabel"]?.stringValue ?? label
        state.associationDefinitions.append(AssociationDefinition(fromType: from.name, toType: to.name, typeId: id, category: "USER_DEFINED",
                                                                  label: label, inverseTypeId: inverseId))
        if paired {
            state.associationDefinitions.append(AssociationDefinition(fromType: to.name, toType: from.name, typeId: inverseId,
                                                                      category: "USER_DEFINED", label: inverseLabel, inverseTypeId: id))
        }
        audit("CREATE", "ASSOCIATION_LABEL", String(id))
        var results: [JSON] = [.object([("category", "USER_DEFINED"), ("typeId", .int(id)), ("label", .string(label))])]
        if paired { results.append(.object([("category", "USER_DEFINED"), ("typeId", .int(inverseId)), ("label", .string(inverseLabel))])) }
        return .ok(.object([("results", .array(results))]))
    }

    private func associationBatch(_ from: ObjectType, _ to: ObjectType, _ op: String, _ body: JSON) throws -> RouteResult {
        guard let inputs = body["inputs"]?.arrayValue else { throw APIError.validation("inputs is required") }
        let limit = op == "read" ? 1000 : 2000
        guard inputs.count <= limit else { throw APIError.validation("Batch input limit exceeded: at most \(limit) inputs are allowed.") }
        let started = now
        var results: [JSON] = []
        var errors: [JSON] = []
        for input in inputs {
            do {
                switch op {
                case "create", "default":
                    guard let fromId = input["from"]?["id"]?.intValue, let toId = input["to"]?["id"]?.intValue else {
                        throw APIError.validation("from.id and to.id are required")
                    }
                    let kinds = (input["types"]?.arrayValue ?? []).compactMap { spec -> AssociationStore.Kind? in
                        spec["associationTypeId"]?.intValue.map { .init(category: spec["associationCategory"]?.stringValue ?? "HUBSPOT_DEFINED", typeId: $0) }
                    }
                    if op == "create" && kinds.isEmpty { throw APIError.validation("types is required") }
                    try associate(from, fromId, to, toId, typeIds: op == "default" ? [] : kinds)
                    if op == "default" {
                        let d = defaultDefinition(from.name, to.name)
                        results.append(.object([("from", .object([("id", .string(String(fromId)))])), ("to", .object([("id", .string(String(toId)))])),
                                                ("associationSpec", d.specJSON())]))
                    } else {
                        let all = state.associations.kinds(from.name, fromId, to.name, toId)
                        results.append(.object([
                            ("fromObjectTypeId", .string(from.typeId)), ("fromObjectId", .int(fromId)),
                            ("toObjectTypeId", .string(to.typeId)), ("toObjectId", .int(toId)),
                            ("labels", .array(all.compactMap { definition(from.name, to.name, typeId: $0.typeId)?.label }.map { .string($0) })),
                        ]))
                    }
                case "read":
                    guard let fromId = input["id"]?.intValue, store(from).get(fromId) != nil else {
                        throw APIError.notFound("No \(from.singular) with id \(input["id"]?.scalarString ?? "?")")
                    }
                    let targets = liveTargets(from, fromId, to)
                    results.append(.object([
                        ("from", .object([("id", .string(String(fromId)))])),
                        ("to", .array(targets.map { t in .object([("toObjectId", .int(t.id)), ("associationTypes", typesJSON(from, to, t.kinds))]) })),
                    ]))
                case "archive":
                    guard let fromId = input["from"]?["id"]?.intValue else { throw APIError.validation("from.id is required") }
                    for t in input["to"]?.arrayValue ?? [] {
                        if let toId = t["id"]?.intValue { state.associations.remove(from.name, fromId, to.name, toId) }
                    }
                    audit("DISASSOCIATE", from.name, String(fromId), sub: to.name)
                case "labels-archive":
                    guard let fromId = input["from"]?["id"]?.intValue, let toId = input["to"]?["id"]?.intValue else {
                        throw APIError.validation("from.id and to.id are required")
                    }
                    let pairs = (input["types"]?.arrayValue ?? []).compactMap { spec -> (AssociationStore.Kind, AssociationStore.Kind)? in
                        guard let id = spec["associationTypeId"]?.intValue else { return nil }
                        let kind = AssociationStore.Kind(category: spec["associationCategory"]?.stringValue ?? "HUBSPOT_DEFINED", typeId: id)
                        return (kind, inverseKind(from: from.name, to: to.name, kind))
                    }
                    state.associations.remove(from.name, fromId, to.name, toId, kinds: pairs)
                    audit("DISASSOCIATE", from.name, String(fromId), sub: "\(to.name):\(toId)")
                default:
                    throw APIError.notFound()
                }
            } catch let e as APIError {
                errors.append(batchError(e, ids: [input["id"]?.scalarString ?? input["from"]?["id"]?.scalarString ?? ""].filter { !$0.isEmpty }))
            }
        }
        if op == "archive" || op == "labels-archive" { return .noContent }
        return batchResult(results, errors, started: started, success: op == "create" ? 201 : 200)
    }
}
