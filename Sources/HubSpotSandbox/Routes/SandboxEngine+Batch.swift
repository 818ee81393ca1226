/// /crm/v3/objects/{type}/batch/{read,create,update,upsert,archive}: at most 100 inputs;
/// inputs that fail are reported in `errors` beside the `results` of those that did not (207).
extension SandboxEngine {
    static let batchLimit = 100

    func batch(_ type: ObjectType, _ op: String, _ r: APIRequest) throws -> RouteResult {
        let body = try r.json()
        guard let inputs = body["inputs"]?.arrayValue else { throw APIError.validation("inputs is required") }
        guard inputs.count <= Self.batchLimit else {
            throw APIError.validation("Batch input limit exceeded: \(inputs.count) inputs were given and at most \(Self.batchLimit) are allowed.",
                                      context: ["limit": [String(Self.batchLimit)]])
        }
        let started = now
        switch op {
        case "read": return try batchRead(type, body, inputs, started)
        case "create": return batchCreate(type, inputs, started)
        case "update": return try batchUpdate(type, inputs, started)
        case "upsert": return try batchUpsert(type, body, inputs, started)
        case "archive":
            for input in inputs { if let id = input["id"]?.intValue { archiveRecord(type, id: id) } }
            return .noContent
        default: throw APIError.routeNotFound(r.method, r.path)
        }
    }

    /// HubSpot's `StandardError` for one failed input of a batch.
    func batchError(_ error: APIError, ids: [String] = []) -> JSON {
        var context = error.context
        if !ids.isEmpty { context["ids"] = ids }
        return .object([
            ("status", "error"), ("category", .string(error.category)), ("message", .string(error.message)),
            ("context", APIError.contextJSON(context)),
            ("errors", .array(error.errors.map { d in
                var e: [(String, JSON)] = [("message", .string(d.message))]
                if let code = d.code { e.append(("code", .string(code))) }
                if !d.context.isEmpty { e.append(("context", APIError.contextJSON(d.context))) }
                return .object(e)
            })),
            ("links", .object([])),
        ])
    }

    func batchResult(_ results: [JSON], _ errors: [JSON], started: Int64, success: Int) -> RouteResult {
        var pairs: [(String, JSON)] = [
            ("status", "COMPLETE"), ("results", .array(results)),
            ("startedAt", .string(Timestamp.iso(started))), ("completedAt", .string(Timestamp.iso(now))),
        ]
        if !errors.isEmpty {
            pairs.append(("numErrors", .int(errors.count)))
            pairs.append(("errors", .array(errors)))
        }
        return RouteResult(status: errors.isEmpty ? success : 207, body: .object(pairs))
    }

    private func batchRead(_ type: ObjectType, _ body: JSON, _ inputs: [JSON], _ started: Int64) throws -> RouteResult {
        let idProperty = body["idProperty"]?.stringValue
        let options = ReadOptions(properties: body["properties"]?.arrayValue?.compactMap(\.stringValue),
                                  history: body["propertiesWithHistory"]?.arrayValue?.compactMap(\.stringValue),
                                  archived: body["archived"]?.boolValue ?? false)
        var results: [JSON] = []
        var missing: [String] = []
        var seen = Set<Int>()
        for input in inputs {
            guard let idText = input["id"]?.scalarString else { continue }
            if let rec = try? resolveId(type, idText, idProperty: idProperty, archived: options.archived) {
                if seen.insert(rec.id).inserted { results.append(render(rec, type, options)) }
            } else {
                missing.append(idText)
            }
        }
        let errors = missing.isEmpty ? [] : [batchError(APIError.notFound(
            "Could not get some \(type.singular.uppercased()) objects, they may be deleted or not exist. Check that ids are valid."), ids: missing)]
        return batchResult(results, errors, started: started, success: 200)
    }

    /// Echoes the input's `objectWriteTraceId`, as HubSpot does, so a client can match
    /// results to inputs whatever their order.
    private func traced(_ result: JSON, _ input: JSON) -> JSON {
        guard let trace = input["objectWriteTraceId"]?.stringValue, case .object(var pairs) = result else { return result }
        pairs.append(("objectWriteTraceId", .string(trace)))
        return .object(pairs)
    }

    private func batchCreate(_ type: ObjectType, _ inputs: [JSON], _ started: Int64) -> RouteResult {
        var results: [JSON] = []
        var errors: [JSON] = []
        for input in inputs {
            do {
                let associations = try parseCreateAssociations(type, input["associations"])
                let props = try inputProperties(input)
                let record = try createRecord(type, props)
                for a in associations { try associate(type, record.id, a.to, a.toId, typeIds: [a.kind]) }
                results.append(traced(render(record, type, .written(props)), input))
            } catch let e as APIError {
                errors.append(batchError(e))
            } catch {
                errors.append(batchError(APIError(status: 500, category: "INTERNAL_ERROR", message: String(describing: error))))
            }
        }
        return batchResult(results, errors, started: started, success: 201)
    }

    private func batchUpdate(_ type: ObjectType, _ inputs: [JSON], _ started: Int64) throws -> RouteResult {
        let ids = inputs.compactMap { $0["id"]?.scalarString }
        let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        guard duplicates.isEmpty else {
            throw APIError.validation("Duplicate IDs found in batch input: [\(duplicates.joined(separator: ", "))]. IDs must be unique")
        }
        var results: [JSON] = []
        var errors: [JSON] = []
        for input in inputs {
            do {
                guard let idText = input["id"]?.scalarString else { throw APIError.validation("id is required") }
                let rec = try resolveId(type, idText, idProperty: input["idProperty"]?.stringValue)
                let props = try inputProperties(input)
                let updated = try updateRecord(type, id: rec.id, props)
                results.append(traced(render(updated, type, .written(props)), input))
            } catch let e as APIError {
                errors.append(batchError(e, ids: input["id"]?.scalarString.map { [$0] } ?? []))
            } catch {
                errors.append(batchError(APIError(status: 500, category: "INTERNAL_ERROR", message: String(describing: error))))
            }
        }
        return batchResult(results, errors, started: started, success: 200)
    }

    private func batchUpsert(_ type: ObjectType, _ body: JSON, _ inputs: [JSON], _ started: Int64) throws -> RouteResult {
        var results: [JSON] = []
        var errors: [JSON] = []
        for input in inputs {
            do {
                guard let idText = input["id"]?.scalarString else { throw APIError.validation("id is required") }
                let idProperty = input["idProperty"]?.stringValue ?? body["idProperty"]?.stringValue ?? "hs_object_id"
                guard idProperty == "hs_object_id" || uniqueProperties(type).contains(idProperty) else {
                    throw APIError.validation("\(idProperty) is not a unique property of \(type.name); upsert needs one")
                }
                var props = try inputProperties(input)
                let record: Record
                var isNew = false
                if let existing = try? resolveId(type, idText, idProperty: idProperty) {
                    record = try updateRecord(type, id: existing.id, props)
                } else {
                    guard idProperty != "hs_object_id" else { throw APIError.notFound("No \(type.singular) with id \(idText)") }
                    if !props.contains(where: { $0.0 == idProperty }) { props.append((idProperty, .string(idText))) }
                    record = try createRecord(type, props)
                    isNew = true
                }
                guard case .object(var pairs) = traced(render(record, type, .written(props)), input) else { continue }
                pairs.append(("new", .bool(isNew)))
                results.append(.object(pairs))
            } catch let e as APIError {
                errors.append(batchError(e, ids: input["id"]?.scalarString.map { [$0] } ?? []))
            } catch {
                errors.append(batchError(APIError(status: 500, category: "INTERNAL_ERROR", message: String(describing: error))))
            }
        }
        return batchResult(results, errors, started: started, success: 200)
    }
}
