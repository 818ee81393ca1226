/// Property writes checked and normalized the way HubSpot does: unknown names, bad
/// options, numbers, dates and booleans are refused together in one VALIDATION_ERROR.
extension SandboxEngine {
    struct PropertyProblem: Error {
        var name: String
        var code: String
        var message: String
    }

    /// Normalizes `input` for `type`, or throws HubSpot's "Property values were not valid" 400.
    /// `existing` is the record being updated, for pipeline/stage consistency.
    func validate(_ type: ObjectType, _ input: [(String, JSON)], existing: [String: String]? = nil) throws -> [(String, String)] {
        let defs = definitions(type)
        var out: [(String, String)] = []
        var problems: [PropertyProblem] = []
        for (name, raw) in input {
            guard let def = defs[name], !def.archived else {
                problems.append(PropertyProblem(name: name, code: "PROPERTY_DOESNT_EXIST", message: "Property \"\(name)\" does not exist"))
                continue
            }
            let text: String
            switch raw {
            case .null: text = ""
            case .array, .object:
                problems.append(PropertyProblem(name: name, code: "INVALID_PROPERTY_VALUE", message: "\(name) must be a string, number or boolean"))
                continue
            default: text = raw.scalarString ?? ""
            }
            if def.readOnlyValue, name != type.createdateProperty {
                problems.append(PropertyProblem(name: name, code: "READ_ONLY_VALUE", message: "\(name) is a read only property; its value cannot be set."))
                continue
            }
            if text.isEmpty { out.append((name, "")); continue }
            switch normalize(text, def) {
            case .success(let value): out.append((name, value))
            case .failure(let problem): problems.append(problem)
            }
        }
        if problems.isEmpty { problems += pipelineProblems(type, out, existing: existing, normalized: &out) }
        guard problems.isEmpty else { throw propertyError(problems) }
        return out
    }

    private func normalize(_ text: String, _ def: PropertyDefinition) -> Result<String, PropertyProblem> {
        let name = def.name
        switch def.type {
        case "number":
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let d = Double(trimmed), d.isFinite else {
                return .failure(PropertyProblem(name: name, code: "INVALID_DECIMAL", message: "\(text) is not a valid decimal"))
            }
            return .success(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : (d == d.rounded() && abs(d) < 1e15 && trimmed.contains("e") ? String(Int(d)) : trimmed))
        case "bool":
            switch text.lowercased() {
            case "true", "yes", "1": return .success("true")
            case "false", "no", "0": return .success("false")
            default: return .failure(PropertyProblem(name: name, code: "INVALID_BOOLEAN", message: "\(text) is not a valid boolean"))
            }
        case "datetime":
            guard let ms = Timestamp.parse(text) else {
                return .failure(PropertyProblem(name: name, code: "INVALID_DATE", message: "\(text) was not a valid long or ISO-8601 datetime"))
            }
            return .success(Timestamp.iso(ms))
        case "date":
            guard let ms = Timestamp.parse(text) else {
                return .failure(PropertyProblem(name: name, code: "INVALID_DATE", message: "\(text) was not a valid date"))
            }
            guard ms % 86_400_000 == 0 else {
                let iso = Timestamp.iso(ms)
                return .failure(PropertyProblem(name: name, code: "INVALID_DATE",
                                                message: "\(text) is at \(iso.dropFirst(11).dropLast()) UTC, not midnight!"))
            }
            return .success(Timestamp.isoDate(ms))
        case "enumeration":
            if name == "hubspot_owner_id" {
                guard let id = Int(text), state.owners.contains(where: { $0.id == id && !$0.archived }) else {
                    return .failure(PropertyProblem(name: name, code: "INVALID_OPTION", message: "\(text) is not a valid owner id"))
                }
                return .success(text)
            }
            if def.externalOptions { return .success(text) }
            let allowed = def.options.map(\.value)
            let parts = def.fieldType == "checkbox" ? text.split(separator: ";").map(String.init) : [text]
            for part in parts where !allowed.contains(part) {
                return .failure(PropertyProblem(name: name, code: "INVALID_OPTION",
                                                message: "\(part) was not one of the allowed options: [\(allowed.joined(separator: ", "))]"))
            }
            return .success(text)
        default:
            if name == "email" { return .success(text.trimmingCharacters(in: .whitespaces).lowercased()) }
            if name == "domain" { return .success(text.trimmingCharacters(in: .whitespaces).lowercased()) }
            return .success(text)
        }
    }

    /// Deals and tickets: the pipeline must exist and the stage must be one of its stages.
    /// A missing pipeline is the default one; a missing stage on create is its first stage.
    private func pipelineProblems(_ type: ObjectType, _ values: [(String, String)], existing: [String: String]?,
                                  normalized: inout [(String, String)]) -> [PropertyProblem] {
        guard let pipelineProp = type.pipelineProperty, let stageProp = type.stageProperty,
              let pipelines = state.pipelines[type.name], !pipelines.isEmpty else { return [] }
        let given = Dictionary(values, uniquingKeysWith: { $1 })
        let pipelineId = given[pipelineProp] ?? existing?[pipelineProp] ?? pipelines[0].id
        guard let pipeline = pipelines.first(where: { $0.id == pipelineId && !$0.archived }) else {
            return [PropertyProblem(name: pipelineProp, code: "INVALID_OPTION",
                                    message: "\(pipelineId) was not one of the allowed options: [\(pipelines.map(\.id).joined(separator: ", "))]")]
        }
        if given[pipelineProp] == nil, existing?[pipelineProp] == nil { normalized.append((pipelineProp, pipeline.id)) }
        let stages = pipeline.stages.filter { !$0.archived }
        if let stage = given[stageProp] ?? (given[pipelineProp] != nil ? existing?[stageProp] : nil) {
            guard stages.contains(where: { $0.id == stage }) else {
                return [PropertyProblem(name: stageProp, code: "INVALID_OPTION",
                                        message: "\(stage) was not one of the allowed options: [\(stages.map(\.id).joined(separator: ", "))]")]
            }
        } else if existing == nil, let first = stages.first {
            normalized.append((stageProp, first.id))
        }
        return []
    }

    func propertyError(_ problems: [PropertyProblem]) -> APIError {
        let results: JSON = .array(problems.map { p in
            .object([
                ("isValid", false), ("message", .string(p.message)), ("error", .string(p.code)), ("name", .string(p.name)),
                ("localizedErrorMessage", .string(p.message)), ("portalId", .int(state.portalId)),
            ])
        })
        let text = String(decoding: JSONWriter.data(results), as: UTF8.self)
        return APIError.validation(
            "Property values were not valid: \(text)",
            errors: problems.map { APIError.Detail(message: $0.message, code: $0.code, context: ["propertyName": [$0.name]]) })
    }
}
