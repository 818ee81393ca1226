/// /crm/v3/associations/{from}/{to}/batch/{create,read,archive}: v3's string-typed
/// associations ("contact_to_company" or a type id), over the same store as v4.
extension SandboxEngine {
    func v3AssociationBatch(_ r: APIRequest) throws -> RouteResult {
        let s = r.segments
        guard r.method == "POST", s.count == 7, s[5] == "batch" else { throw APIError.routeNotFound(r.method, r.path) }
        let from = try objectType(s[3]), to = try objectType(s[4])
        let inputs = try r.json()["inputs"]?.arrayValue ?? []
        let started = now
        var results: [JSON] = []
        var errors: [JSON] = []
        for input in inputs {
            do {
                switch s[6] {
                case "read":
                    guard let id = input["id"]?.intValue, store(from).get(id) != nil else {
                        throw APIError.notFound("No \(from.singular) with id \(input["id"]?.scalarString ?? "?")")
                    }
                    let to: [JSON] = liveTargets(from, id, to).flatMap { t in
                        t.kinds.map { k in .object([("id", .string(String(t.id))), ("type", .string(v3TypeName(from, to, k)))]) }
                    }
                    results.append(.object([("from", .object([("id", .string(String(id)))])), ("to", .array(to))]))
                case "create", "archive":
                    guard let fromId = input["from"]?["id"]?.intValue, let toId = input["to"]?["id"]?.intValue else {
                        throw APIError.validation("from.id and to.id are required")
                    }
                    let kind = try v3Kind(from, to, input["type"]?.scalarString)
                    if s[6] == "create" {
                        try associate(from, fromId, to, toId, typeIds: kind.map { [$0] } ?? [])
                        results.append(input)
                    } else {
                        state.associations.remove(from.name, fromId, to.name, toId,
                                                  kinds: kind.map { [($0, inverseKind(from: from.name, to: to.name, $0))] })
                        audit("DISASSOCIATE", from.name, String(fromId), sub: "\(to.name):\(toId)")
                    }
                default: throw APIError.routeNotFound(r.method, r.path)
                }
            } catch let e as APIError {
                errors.append(batchError(e))
            }
        }
        if s[6] == "archive" { return .noContent }
        return batchResult(results, errors, started: started, success: s[6] == "create" ? 201 : 200)
    }

    /// A v3 type name or numeric id as an association kind; nil means the default type.
    private func v3Kind(_ from: ObjectType, _ to: ObjectType, _ text: String?) throws -> AssociationStore.Kind? {
        guard let text, !text.isEmpty else { return nil }
        let defs = state.associationDefinitions.filter { $0.fromType == from.name && $0.toType == to.name }
        if let id = Int(text), let d = defs.first(where: { $0.typeId == id }) { return .init(category: d.category, typeId: d.typeId) }
        for d in defs where v3TypeName(from, to, .init(category: d.category, typeId: d.typeId)) == text.lowercased() {
            return .init(category: d.category, typeId: d.typeId)
        }
        throw APIError.validation("\(text) is not a valid association type between \(from.singular) and \(to.singular)")
    }
}
