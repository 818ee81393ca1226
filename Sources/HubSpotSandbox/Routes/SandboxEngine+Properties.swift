/// /crm/v3/properties/{objectType}: property definitions and groups.
extension SandboxEngine {
    func propertyRoute(_ r: APIRequest) throws -> RouteResult {
        let s = r.segments
        guard s.count >= 4 else { throw APIError.routeNotFound(r.method, r.path) }
        let type = try objectType(s[3])
        switch (r.method, s.count) {
        case ("GET", 4):
            let archived = r.queryBool("archived")
            let list = definitions(type).values.filter { $0.archived == archived }.sorted { ($0.displayOrder, $0.name) < ($1.displayOrder, $1.name) }
            return .ok(.object([("results", .array(list.map { $0.json() }))]))
        case ("POST", 4):
            let def = try createProperty(type, try r.json())
            return .created(def.json())
        case ("GET", 5) where s[4] == "groups":
            return .ok(.object([("results", .array((state.propertyGroups[type.name] ?? []).filter { !$0.archived }.map { $0.json() }))]))
        case ("POST", 5) where s[4] == "groups":
            let body = try r.json()
            guard let name = body["name"]?.stringValue, let label = body["label"]?.stringValue else {
                throw APIError.validation("name and label are required")
            }
            guard !(state.propertyGroups[type.name] ?? []).contains(where: { $0.name == name && !$0.archived }) else {
                throw APIError.conflict("A property group named \(name) already exists.")
            }
            let group = PropertyGroup(name: name, label: label, displayOrder: body["displayOrder"]?.intValue ?? -1)
            state.propertyGroups[type.name, default: []].append(group)
            audit("CREATE", "PROPERTY_GROUP", name)
            return .created(group.json())
        case (_, 6) where s[4] == "groups":
            var groups = state.propertyGroups[type.name] ?? []
            guard let i = groups.firstIndex(where: { $0.name == s[5] && !$0.archived }) else { throw APIError.notFound("Property group \(s[5]) does not exist") }
            switch r.method {
            case "GET": return .ok(groups[i].json())
            case "PATCH":
                let body = try r.json()
                if let label = body["label"]?.stringValue { groups[i].label = label }
                if let order = body["displayOrder"]?.intValue { groups[i].displayOrder = order }
                state.propertyGroups[type.name] = groups
                audit("UPDATE", "PROPERTY_GROUP", s[5])
                return .ok(groups[i].json())
            case "DELETE":
                groups[i].archived = true
                state.propertyGroups[type.name] = groups
                audit("DELETE", "PROPERTY_GROUP", s[5])
                return .noContent
            default: break
            }
        case ("POST", 6) where s[4] == "batch":
            return try propertyBatch(type, s[5], try r.json())
        case ("GET", 5):
            guard let def = definitions(type)[s[4]], def.archived == r.queryBool("archived") else {
                throw APIError.notFound("Unable to find property \(s[4]) for object type \(type.typeId)")
            }
            return .ok(def.json())
        case ("PATCH", 5):
            return .ok(try updateProperty(type, s[4], try r.json()).json())
        case ("DELETE", 5):
            try archiveProperty(type, s[4])
            return .noContent
        default: break
        }
        throw APIError.routeNotFound(r.method, r.path)
    }

    private static let propertyTypes: Set<String> = ["string", "number", "date", "datetime", "enumeration", "bool", "phone_number"]

    func parseOptions(_ value: JSON?) -> [PropertyDefinition.Option] {
        (value?.arrayValue ?? []).enumerated().compactMap { i, o in
            guard let label = o["label"]?.stringValue, let value = o["value"]?.scalarString else { return nil }
            return PropertyDefinition.Option(label: label, value: value, displayOrder: o["displayOrder"]?.intValue ?? i,
                                             hidden: o["hidden"]?.boolValue ?? false, description: o["description"]?.stringValue ?? "")
        }
    }

    func createProperty(_ type: ObjectType, _ body: JSON, checkGroup: Bool = true) throws -> PropertyDefinition {
        guard let name = body["name"]?.stringValue, let label = body["label"]?.stringValue,
              let kind = body["type"]?.stringValue, let fieldType = body["fieldType"]?.stringValue else {
            throw APIError.validation("name, label, type and fieldType are required")
        }
        let groupName = body["groupName"]?.stringValue ?? type.singular + "information"
        guard name.first?.isLetter == true, name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) else {
            throw APIError.validation("Property name \(name) is invalid: use lower-case letters, digits and underscores, starting with a letter.")
        }
        guard Self.propertyTypes.contains(kind) else {
            throw APIError.validation("\(kind) is not a valid property type; use one of \(Self.propertyTypes.sorted().joined(separator: ", "))")
        }
        if let existing = definitions(type)[name], !existing.archived {
            throw APIError.conflict("Property named '\(name)' already exists.")
        }
        if checkGroup, !(state.propertyGroups[type.name] ?? []).contains(where: { $0.name == groupName && !$0.archived }) {
            throw APIError.validation("Property group \(groupName) does not exist.")
        }
        let options = parseOptions(body["options"])
        if kind == "enumeration", options.isEmpty, body["externalOptions"]?.boolValue != true {
            throw APIError.validation("Enumeration property \(name) needs at least one option.")
        }
        var def = PropertyDefinition(
            name: name, label: label, type: kind, fieldType: fieldType, groupName: groupName,
            description: body["description"]?.stringValue ?? "", options: options,
            displayOrder: body["displayOrder"]?.intValue ?? -1, hasUniqueValue: body["hasUniqueValue"]?.boolValue ?? false,
            hidden: body["hidden"]?.boolValue ?? false, formField: body["formField"]?.boolValue ?? true, hubspotDefined: false)
        def.createdAt = now
        def.updatedAt = now
        state.properties[type.name, default: [:]][name] = def
        uniqueIndexes[type.name] = nil
        audit("CREATE", "PROPERTY", "\(type.name).\(name)")
        return def
    }

    private func updateProperty(_ type: ObjectType, _ name: String, _ body: JSON) throws -> PropertyDefinition {
        guard var def = definitions(type)[name], !def.archived else { throw APIError.notFound("Unable to find property \(name) for object type \(type.typeId)") }
        if def.hubspotDefined, body["type"] != nil || body["fieldType"] != nil {
            throw APIError.validation("The type of HubSpot defined property \(name) cannot be changed.")
        }
        if let v = body["label"]?.stringValue { def.label = v }
        if let v = body["description"]?.stringValue { def.description = v }
        if let v = body["groupName"]?.stringValue { def.groupName = v }
        if let v = body["hidden"]?.boolValue { def.hidden = v }
        if let v = body["formField"]?.boolValue { def.formField = v }
        if let v = body["displayOrder"]?.intValue { def.displayOrder = v }
        if let v = body["type"]?.stringValue {
            guard Self.propertyTypes.contains(v) else { throw APIError.validation("\(v) is not a valid property type") }
            def.type = v
        }
        if let v = body["fieldType"]?.stringValue { def.fieldType = v }
        if body["options"] != nil { def.options = parseOptions(body["options"]) }
        def.updatedAt = now
        state.properties[type.name]?[name] = def
        audit("UPDATE", "PROPERTY", "\(type.name).\(name)")
        return def
    }

    private func archiveProperty(_ type: ObjectType, _ name: String) throws {
        guard var def = definitions(type)[name], !def.archived else { throw APIError.notFound("Unable to find property \(name) for object type \(type.typeId)") }
        guard !def.hubspotDefined else { throw APIError.validation("HubSpot defined property \(name) cannot be deleted.") }
        def.archived = true
        def.updatedAt = now
        state.properties[type.name]?[name] = def
        uniqueIndexes[type.name] = nil
        audit("DELETE", "PROPERTY", "\(type.name).\(name)")
    }

    private func propertyBatch(_ type: ObjectType, _ op: String, _ body: JSON) throws -> RouteResult {
        let inputs = body["inputs"]?.arrayValue ?? []
        let started = now
        var results: [JSON] = []
        var errors: [JSON] = []
        for input in inputs {
            do {
                switch op {
                case "read":
                    guard let name = input["name"]?.stringValue, let def = definitions(type)[name], def.archived == (body["archived"]?.boolValue ?? false)
                    else { throw APIError.notFound("Unable to find property \(input["name"]?.stringValue ?? "?")") }
                    results.append(def.json())
                case "create": results.append(try createProperty(type, input).json())
                case "archive": try archiveProperty(type, input["name"]?.stringValue ?? "")
                default: throw APIError.notFound()
                }
            } catch let e as APIError {
                errors.append(batchError(e))
            }
        }
        if op == "archive" { return .noContent }
        return batchResult(results, errors, started: started, success: op == "create" ? 201 : 200)
    }
}
