/// Custom object schemas (/crm-object-schemas/v3/schemas and /crm/v3/schemas).
extension SandboxEngine {
    func schemaRoute(_ r: APIRequest, from base: Int) throws -> RouteResult {
        let s = r.segments
        switch (r.method, s.count - base) {
        case ("GET", 0):
            let archived = r.queryBool("archived")
            return .ok(.object([("results", .array(state.schemas.filter { $0.archived == archived }.map(schemaJSON)))]))
        case ("POST", 0):
            return .created(schemaJSON(try createSchema(try r.json())))
        case (_, 1):
            guard let i = state.schemas.firstIndex(where: { !$0.archived && matchesSchema($0, s[base]) }) else {
                throw APIError.notFound("Unable to find object type \(s[base])")
            }
            switch r.method {
            case "GET": return .ok(schemaJSON(state.schemas[i]))
            case "DELETE":
                guard store(state.schemas[i].type).liveCount == 0 else {
                    throw APIError.validation("Object type \(state.schemas[i].type.name) still has records; delete them first.")
                }
                state.schemas[i].archived = true
                rebuildTypeLookup()
                audit("DELETE", "SCHEMA", state.schemas[i].type.typeId)
                return .noContent
            case "PATCH":
                let body = try r.json()
                if let v = body["labels"]?["singular"]?.stringValue { state.schemas[i].labelSingular = v }
                if let v = body["labels"]?["plural"]?.stringValue { state.schemas[i].labelPlural = v }
                if let v = body["primaryDisplayProperty"]?.stringValue { state.schemas[i].type.primaryDisplayProperty = v }
                if let v = body["requiredProperties"]?.arrayValue { state.schemas[i].requiredProperties = v.compactMap(\.stringValue) }
                if let v = body["searchableProperties"]?.arrayValue { state.schemas[i].type.searchableProperties = v.compactMap(\.stringValue) }
                state.schemas[i].updatedAt = now
                rebuildTypeLookup()
                audit("UPDATE", "SCHEMA", state.schemas[i].type.typeId)
                let sc = state.schemas[i]
                return .ok(.object([
                    ("id", .string(sc.id)), ("name", .string(bareName(sc))), ("objectTypeId", .string(sc.type.typeId)),
                    ("fullyQualifiedName", .string(fullyQualifiedName(sc))),
                    ("labels", .object([("singular", .string(sc.labelSingular)), ("plural", .string(sc.labelPlural))])),
                    ("requiredProperties", .array(sc.requiredProperties.map { .string($0) })), ("portalId", .int(state.portalId)),
                    ("createdAt", .string(Timestamp.iso(sc.createdAt))), ("updatedAt", .string(Timestamp.iso(sc.updatedAt))),
                ]))
            default: break
            }
        default: break
        }
        throw APIError.routeNotFound(r.method, r.path)
    }

    private func bareName(_ s: CustomSchema) -> String { String(s.type.name.dropFirst(2)) }
    private func fullyQualifiedName(_ s: CustomSchema) -> String { "p\(state.portalId)_\(bareName(s))" }

    private func matchesSchema(_ s: CustomSchema, _ key: String) -> Bool {
        let k = key.lowercased()
        return [s.type.typeId, s.type.name, bareName(s), fullyQualifiedName(s), s.id].map { $0.lowercased() }.contains(k)
    }

    private func createSchema(_ body: JSON) throws -> CustomSchema {
        guard let name = body["name"]?.stringValue?.lowercased(), !name.isEmpty,
              let singular = body["labels"]?["singular"]?.stringValue, let plural = body["labels"]?["plural"]?.stringValue else {
            throw APIError.validation("name and labels {singular, plural} are required")
        }
        guard name.first?.isLetter == true, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw APIError.validation("Object type name \(name) is invalid: use letters, digits and underscores.")
        }
        guard (try? objectType(name)) == nil, (try? objectType("p_" + name)) == nil else {
            throw APIError.conflict("Object type with name \(name) already exists.")
        }
        let number = state.takeMiscId()
        let display = body["primaryDisplayProperty"]?.stringValue
        let type = ObjectType(
            name: "p_" + name, typeId: "2-\(number)", singular: name, createdateProperty: "hs_createdate",
            lastModifiedProperty: "hs_lastmodifieddate",
            defaultProperties: ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"],
            searchableProperties: body["searchableProperties"]?.arrayValue?.compactMap(\.stringValue) ?? display.map { [$0] } ?? [],
            isCustom: true, primaryDisplayProperty: display)
        var schema = CustomSchema(
            type: type, id: String(number), labelSingular: singular, labelPlural: plural,
            requiredProperties: body["requiredProperties"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            associatedObjects: body["associatedObjects"]?.arrayValue?.compactMap(\.stringValue) ?? [], createdAt: now, updatedAt: now)
        // Definitions first, so a bad property fails before anything is stored.
        state.properties[type.name] = [:]
        state.propertyGroups[type.name] = [PropertyGroup(name: name + "_information", label: singular + " information", displayOrder: 0)]
        for var d in StandardProperties.definitions(for: type) {
            d.groupName = name + "_information"
            d.createdAt = now
            d.updatedAt = now
            state.properties[type.name]?[d.name] = d
        }
        for p in body["properties"]?.arrayValue ?? [] {
            var input = p
            if case .object(var pairs) = p, p["groupName"] == nil {
                pairs.append(("groupName", .string(name + "_information")))
                input = .object(pairs)
            }
            do {
                _ = try createProperty(type, input)
            } catch {
                state.properties[type.name] = nil
                state.propertyGroups[type.name] = nil
                throw error
            }
        }
        state.stores[type.name] = ObjectStore()
        state.schemas.append(schema)
        rebuildTypeLookup()
        for other in schema.associatedObjects {
            if let t = try? objectType(other) { _ = defaultDefinition(type.name, t.name) }
        }
        schema.updatedAt = now
        audit("CREATE", "SCHEMA", type.typeId)
        return schema
    }

    func schemaJSON(_ s: CustomSchema) -> JSON {
        let defs = (state.properties[s.type.name] ?? [:]).values.filter { !$0.archived }.sorted { $0.name < $1.name }
        let associations = state.associationDefinitions.filter { $0.fromType == s.type.name && $0.isDefault }
        return .object([
            ("id", .string(s.id)), ("name", .string(bareName(s))), ("objectTypeId", .string(s.type.typeId)),
            ("fullyQualifiedName", .string(fullyQualifiedName(s))),
            ("labels", .object([("singular", .string(s.labelSingular)), ("plural", .string(s.labelPlural))])),
            ("primaryDisplayProperty", .string(s.type.primaryDisplayProperty)),
            ("requiredProperties", .array(s.requiredProperties.map { .string($0) })),
            ("searchableProperties", .array(s.type.searchableProperties.map { .string($0) })),
            ("secondaryDisplayProperties", .array([])),
            ("properties", .array(defs.map { $0.json() })),
            ("associations", .array(associations.map { d in
                .object([("id", .string(String(d.typeId))),
                          ("fromObjectTypeId", .string(s.type.typeId)),
                          ("toObjectTypeId", .string((try? objectType(d.toType))?.typeId ?? d.toType)),
                          ("name", .string("\(s.type.singular.uppercased())_TO_\(((try? objectType(d.toType))?.singular ?? d.toType).uppercased())"))])
            })),
            ("archived", .bool(s.archived)),
            ("createdAt", .string(Timestamp.iso(s.createdAt))), ("updatedAt", .string(Timestamp.iso(s.updatedAt))),
        ])
    }
}
