/// Record writes shared by the single, batch, form and merge endpoints: create, update,
/// archive, uniqueness, and the record's JSON form.
extension SandboxEngine {
    struct ReadOptions {
        var properties: [String]? = nil
        var history: [String]? = nil
        var associations: [String]? = nil
        var archived = false
        /// Properties a write just set: HubSpot's create and update answers carry them
        /// beside the default properties.
        var written: [String] = []

        init(properties: [String]? = nil, history: [String]? = nil, associations: [String]? = nil, archived: Bool = false) {
            self.properties = properties
            self.history = history
            self.associations = associations
            self.archived = archived
        }

        /// What a write answers with: the defaults and what `properties` set.
        static func written(_ properties: [(String, JSON)]) -> ReadOptions {
            var options = ReadOptions()
            options.written = properties.map(\.0)
            return options
        }

        init(query r: APIRequest) {
            properties = r.queryList("properties")
            history = r.queryList("propertiesWithHistory")
            associations = r.queryList("associations")
            archived = r.queryBool("archived")
        }
    }

    func store(_ type: ObjectType) -> ObjectStore { state.stores[type.name] ?? ObjectStore() }

    // MARK: Unique values

    func uniqueProperties(_ type: ObjectType) -> [String] {
        definitions(type).values.filter { $0.hasUniqueValue && !$0.archived }.map(\.name).sorted()
    }

    /// The unique index for `type`, built from the store on first use.
    func uniqueIndex(_ type: ObjectType) -> [String: [String: Int]] {
        if let index = uniqueIndexes[type.name] { return index }
        var index: [String: [String: Int]] = [:]
        let props = uniqueProperties(type)
        for p in props { index[p] = [:] }
        for r in store(type).records where !r.archived {
            for p in props { if let v = r.properties[p] { index[p]?[v.lowercased()] = r.id } }
        }
        uniqueIndexes[type.name] = index
        return index
    }

    /// The live record whose unique (or any) property `name` equals `value`.
    func findId(_ type: ObjectType, property name: String, value: String) -> Int? {
        if name == "hs_object_id" { return Int(value).flatMap { store(type).get($0) != nil ? $0 : nil } }
        if let map = uniqueIndex(type)[name] { return map[value.lowercased()] }
        return store(type).records.first { !$0.archived && $0.properties[name]?.lowercased() == value.lowercased() }?.id
    }

    private func conflictCheck(_ type: ObjectType, _ values: [(String, String)], excluding id: Int?) throws {
        let index = uniqueIndex(type)
        for (name, value) in values where !value.isEmpty {
            guard let other = index[name]?[value.lowercased()], other != id else { continue }
            let message: String
            switch type.name {
            case "contacts": message = "Contact already exists. Existing ID: \(other)"
            case "companies": message = "Company already exists. Existing ID: \(other)"
            default: message = "A \(type.singular) with \(name) \(value) already exists. Existing ID: \(other)"
            }
            throw APIError.conflict(message)
        }
    }

    /// Updates the unique index in place (no copy of the whole index per write).
    private func reindex(_ type: ObjectType, id: Int, old: [String: String], new: [String: String]) {
        // Copy the names out first: holding the Keys view would keep the index shared and
        // make every write below copy it.
        let names: [String] = uniqueIndexes[type.name].map { Array($0.keys) } ?? []
        for name in names {
            if let v = old[name], uniqueIndexes[type.name]?[name]?[v.lowercased()] == id {
                uniqueIndexes[type.name]?[name]?[v.lowercased()] = nil
            }
            if let v = new[name] { uniqueIndexes[type.name]?[name]?[v.lowercased()] = id }
        }
    }

    /// Mutates a type's store in place: copying it out and back would copy every record.
    @discardableResult
    func withStore<T>(_ type: ObjectType, _ body: (inout ObjectStore) -> T) -> T {
        body(&state.stores[type.name, default: ObjectStore()])
    }

    // MARK: Writes

    /// Creates a record from raw input properties; throws validation and conflict errors.
    func createRecord(_ type: ObjectType, _ input: [(String, JSON)], source: String = "API") throws -> Record {
        let values = try validate(type, input)
        if type.isCustom, let schema = state.schemas.first(where: { $0.type.name == type.name }) {
            let given = Set(values.filter { !$0.1.isEmpty }.map(\.0))
            let missing = schema.requiredProperties.filter { !given.contains($0) }
            guard missing.isEmpty else {
                throw APIError.validation("Missing required properties: \(missing.joined(separator: ", "))",
                                          errors: missing.map { .init(message: "\($0) is required", code: "REQUIRED_PROPERTY", context: ["propertyName": [$0]]) })
            }
        }
        try conflictCheck(type, values, excluding: nil)
        let id = state.takeRecordId()
        var record = Record(id: id, properties: [:], history: [:], createdAt: now, updatedAt: now)
        let stamp = Timestamp.iso(now)
        var createdAt = now
        for (name, value) in values where name == type.createdateProperty {
            if let ms = Timestamp.parse(value) { createdAt = ms }
        }
        record.createdAt = createdAt
        record.set("hs_object_id", String(id), at: now, source: "API")
        record.set(type.createdateProperty, Timestamp.iso(createdAt), at: now, source: "API")
        if type.createdateProperty != "hs_createdate" { record.set("hs_createdate", Timestamp.iso(createdAt), at: now) }
        record.set(type.lastModifiedProperty, stamp, at: now)
        if type.lastModifiedProperty != "hs_lastmodifieddate" { record.set("hs_lastmodifieddate", stamp, at: now) }
        for (name, value) in values where name != type.createdateProperty && !value.isEmpty {
            record.set(name, value, at: now, source: source)
        }
        withStore(type) { $0.insert(record) }
        reindex(type, id: id, old: [:], new: record.properties)
        audit("CREATE", type.name, String(id))
        return record
    }

    /// Updates a live record; throws 404 when there is none.
    func updateRecord(_ type: ObjectType, id: Int, _ input: [(String, JSON)], source: String = "API") throws -> Record {
        guard let existing = store(type).get(id) else { throw APIError.notFound() }
        let values = try validate(type, input, existing: existing.properties)
        try conflictCheck(type, values, excluding: existing.id)
        let stamp = Timestamp.iso(now)
        var updated = existing
        withStore(type) { $0.update(existing.id) { r in
            for (name, value) in values where r.properties[name] != value && !(value.isEmpty && r.properties[name] == nil) {
                r.set(name, value, at: now, source: source)
            }
            r.updatedAt = now
            r.set(type.lastModifiedProperty, stamp, at: now)
            if type.lastModifiedProperty != "hs_lastmodifieddate" { r.set("hs_lastmodifieddate", stamp, at: now) }
            updated = r
        } }
        reindex(type, id: existing.id, old: existing.properties, new: updated.properties)
        audit("UPDATE", type.name, String(existing.id))
        return updated
    }

    /// Archives (soft-deletes) a record; false when it was not live.
    @discardableResult
    func archiveRecord(_ type: ObjectType, id: Int) -> Bool {
        guard let record = store(type).get(id), withStore(type, { $0.archive(record.id, at: now) }) else { return false }
        reindex(type, id: record.id, old: record.properties, new: [:])
        audit("DELETE", type.name, String(record.id))
        return true
    }

    /// Removes a record and its associations for good.
    func purgeRecord(_ type: ObjectType, id: Int) {
        let s = store(type)
        if let r = s.get(id) ?? s.get(id, archived: true) { reindex(type, id: r.id, old: r.properties, new: [:]) }
        withStore(type) { $0.purge(id) }
        state.associations.removeAll(of: type.name, id)
        for i in state.lists.indices { state.lists[i].members.removeAll { $0.recordId == id } }
    }

    // MARK: Reading

    /// Record id from a path segment, or via `idProperty` (e.g. a contact's email).
    func resolveId(_ type: ObjectType, _ text: String, idProperty: String?, archived: Bool = false) throws -> Record {
        let s = store(type)
        if let prop = idProperty, prop != "hs_object_id" {
            if let id = findId(type, property: prop, value: prop == "email" || prop == "domain" ? text.lowercased() : text),
               let r = s.get(id) { return r }
            throw APIError.notFound()
        }
        guard let id = Int(text), let r = s.get(id, archived: archived) else { throw APIError.notFound() }
        return r
    }

    /// The record as HubSpot's `SimplePublicObject(WithAssociations)`.
    func render(_ r: Record, _ type: ObjectType, _ options: ReadOptions) -> JSON {
        let defs = definitions(type)
        var props: [(String, JSON)] = []
        if let wanted = options.properties, !wanted.isEmpty {
            var names = Set(wanted.filter { defs[$0] != nil })
            names.insert("hs_object_id")
            names.insert(type.createdateProperty)
            names.insert(type.lastModifiedProperty)
            for n in names.sorted() { props.append((n, .string(r.properties[n]))) }
        } else {
            for n in type.defaultProperties { props.append((n, .string(r.properties[n]))) }
            for n in options.written where defs[n] != nil && !type.defaultProperties.contains(n) && !props.contains(where: { $0.0 == n }) {
                props.append((n, .string(r.properties[n])))
            }
            if type.isCustom, let d = type.primaryDisplayProperty, !type.defaultProperties.contains(d) {
                props.append((d, .string(r.properties[d])))
            }
        }
        var pairs: [(String, JSON)] = [("id", .string(String(r.id))), ("properties", .object(props))]
        if let hist = options.history, !hist.isEmpty {
            pairs.append(("propertiesWithHistory", .object(hist.filter { defs[$0] != nil }.sorted().map { name in
                (name, .array((r.history[name] ?? []).map { v in
                    var e: [(String, JSON)] = [("value", .string(v.value)), ("timestamp", .string(Timestamp.iso(v.timestamp))),
                                               ("sourceType", .string(v.sourceType))]
                    if let sid = v.sourceId { e.append(("sourceId", .string(sid))) }
                    return .object(e)
                }))
            })))
        }
        pairs.append(("createdAt", .string(Timestamp.iso(r.createdAt))))
        pairs.append(("updatedAt", .string(Timestamp.iso(r.updatedAt))))
        pairs.append(("archived", .bool(r.archived)))
        if let at = r.archivedAt, r.archived { pairs.append(("archivedAt", .string(Timestamp.iso(at)))) }
        if let assocTypes = options.associations, !assocTypes.isEmpty {
            var assoc: [(String, JSON)] = []
            for name in assocTypes {
                guard let to = try? objectType(name) else { continue }
                let targets = liveTargets(type, r.id, to)
                if targets.isEmpty { continue }
                var results: [JSON] = []
                for t in targets {
                    for kind in t.kinds {
                        results.append(.object([("id", .string(String(t.id))), ("type", .string(v3TypeName(type, to, kind)))]))
                    }
                }
                assoc.append((to.name, .object([("results", .array(results))])))
            }
            pairs.append(("associations", .object(assoc)))
        }
        return .object(pairs)
    }

    /// v3's association type names: "contact_to_company" for the primary, "..._unlabeled" beside it.
    func v3TypeName(_ from: ObjectType, _ to: ObjectType, _ kind: AssociationStore.Kind) -> String {
        let base = "\(from.singular)_to_\(to.singular)"
        guard let def = state.associationDefinitions.first(where: { $0.fromType == from.name && $0.toType == to.name && $0.typeId == kind.typeId })
        else { return base }
        if def.label == "Primary" { return base }
        if def.label == nil {
            let hasPrimary = state.associationDefinitions.contains { $0.fromType == from.name && $0.toType == to.name && $0.label == "Primary" }
            return hasPrimary ? base + "_unlabeled" : base
        }
        return (def.label ?? base).lowercased().replacingOccurrences(of: " ", with: "_")
    }

    /// Associated records that are still live.
    func liveTargets(_ from: ObjectType, _ id: Int, _ to: ObjectType) -> [(id: Int, kinds: [AssociationStore.Kind])] {
        let s = store(to)
        return state.associations.targets(from.name, id, to.name).filter { s.get($0.id) != nil }
    }
}
