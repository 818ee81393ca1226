/// /crm/v3/pipelines/{objectType}: pipelines and their stages.
extension SandboxEngine {
    func pipelineRoute(_ r: APIRequest) throws -> RouteResult {
        let s = r.segments
        guard s.count >= 4 else { throw APIError.routeNotFound(r.method, r.path) }
        let type = try objectType(s[3])
        var pipelines = state.pipelines[type.name] ?? []
        if s.count == 4 {
            switch r.method {
            case "GET": return .ok(.object([("results", .array(pipelines.filter { !$0.archived }.map { $0.json() }))]))
            case "POST":
                let body = try r.json()
                guard let label = body["label"]?.stringValue else { throw APIError.validation("label is required") }
                let id = body["pipelineId"]?.stringValue ?? String(state.takeMiscId())
                guard !pipelines.contains(where: { $0.id == id }) else { throw APIError.conflict("A pipeline with id \(id) already exists.") }
                let stages = try (body["stages"]?.arrayValue ?? []).map { try makeStage($0) }
                guard !stages.isEmpty else { throw APIError.validation("A pipeline needs at least one stage.") }
                let p = Pipeline(id: id, label: label, displayOrder: body["displayOrder"]?.intValue ?? pipelines.count, stages: stages,
                                 createdAt: now, updatedAt: now)
                state.pipelines[type.name, default: []].append(p)
                audit("CREATE", "PIPELINE", id)
                return .created(p.json())
            default: throw APIError.routeNotFound(r.method, r.path)
            }
        }
        guard let i = pipelines.firstIndex(where: { $0.id == s[4] && !$0.archived }) else {
            throw APIError.notFound("Unable to find pipeline \(s[4])")
        }
        if s.count == 5 {
            switch r.method {
            case "GET": return .ok(pipelines[i].json())
            case "DELETE":
                pipelines[i].archived = true
                state.pipelines[type.name] = pipelines
                audit("DELETE", "PIPELINE", s[4])
                return .noContent
            case "PATCH", "PUT":
                let body = try r.json()
                if let v = body["label"]?.stringValue { pipelines[i].label = v }
                if let v = body["displayOrder"]?.intValue { pipelines[i].displayOrder = v }
                if r.method == "PUT", let stages = body["stages"]?.arrayValue { pipelines[i].stages = try stages.map { try makeStage($0) } }
                pipelines[i].updatedAt = now
                state.pipelines[type.name] = pipelines
                audit("UPDATE", "PIPELINE", s[4])
                return .ok(pipelines[i].json())
            default: throw APIError.routeNotFound(r.method, r.path)
            }
        }
        guard s[5] == "stages" else { throw APIError.routeNotFound(r.method, r.path) }
        if s.count == 6 {
            switch r.method {
            case "GET": return .ok(.object([("results", .array(pipelines[i].stages.filter { !$0.archived }.map { $0.json() }))]))
            case "POST":
                let stage = try makeStage(try r.json())
                pipelines[i].stages.append(stage)
                state.pipelines[type.name] = pipelines
                audit("CREATE", "PIPELINE_STAGE", stage.id)
                return .created(stage.json())
            default: throw APIError.routeNotFound(r.method, r.path)
            }
        }
        guard s.count == 7, let j = pipelines[i].stages.firstIndex(where: { $0.id == s[6] && !$0.archived }) else {
            throw APIError.notFound("Unable to find stage \(s.count > 6 ? s[6] : "")")
        }
        switch r.method {
        case "GET": return .ok(pipelines[i].stages[j].json())
        case "DELETE":
            pipelines[i].stages[j].archived = true
        case "PATCH", "PUT":
            let body = try r.json()
            if let v = body["label"]?.stringValue { pipelines[i].stages[j].label = v }
            if let v = body["displayOrder"]?.intValue { pipelines[i].stages[j].displayOrder = v }
            if let m = body["metadata"]?.objectValue { pipelines[i].stages[j].metadata = Dictionary(m.compactMap { k, v in v.scalarString.map { (k, $0) } }, uniquingKeysWith: { $1 }) }
            pipelines[i].stages[j].updatedAt = now
        default: throw APIError.routeNotFound(r.method, r.path)
        }
        state.pipelines[type.name] = pipelines
        audit(r.method == "DELETE" ? "DELETE" : "UPDATE", "PIPELINE_STAGE", s[6])
        return r.method == "DELETE" ? .noContent : .ok(pipelines[i].stages[j].json())
    }

    private func makeStage(_ body: JSON) throws -> Pipeline.Stage {
        guard let label = body["label"]?.stringValue else { throw APIError.validation("Each stage needs a label") }
        let meta = Dictionary((body["metadata"]?.objectValue ?? []).compactMap { k, v in v.scalarString.map { (k, $0) } }, uniquingKeysWith: { $1 })
        return Pipeline.Stage(id: body["stageId"]?.stringValue ?? String(state.takeMiscId()), label: label,
                              displayOrder: body["displayOrder"]?.intValue ?? 0, metadata: meta, createdAt: now, updatedAt: now)
    }
}
