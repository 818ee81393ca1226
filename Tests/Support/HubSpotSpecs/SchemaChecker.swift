/// Walks a value and a schema together: $ref, allOf/oneOf/anyOf, type, nullable,
/// required, properties, additionalProperties, items, enum and the date-time/uuid formats.
struct SchemaChecker {
    let document: SpecNode
    var problems: [String] = []
    private var depth = 0

    init(document: SpecNode) { self.document = document }

    private func resolve(_ ref: String) -> SpecNode? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: SpecNode? = document
        for part in ref.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    mutating func check(_ value: SpecNode, _ schema: SpecNode, at path: String, schemaName: String?) {
        depth += 1
        defer { depth -= 1 }
        guard depth < 64 else { return }
        if let ref = schema["$ref"]?.string {
            guard let target = resolve(ref) else { problems.append("\(path): unresolved \(ref)"); return }
            check(value, target, at: path, schemaName: String(ref.split(separator: "/").last ?? ""))
            return
        }
        for sub in schema["allOf"]?.array ?? [] { check(value, sub, at: path, schemaName: schemaName) }
        // oneOf is checked as anyOf: HubSpot's alternatives overlap (e.g. form fields).
        if let alternatives = schema["oneOf"]?.array ?? schema["anyOf"]?.array, !alternatives.isEmpty {
            var best: [String]?
            for alt in alternatives {
                var sub = SchemaChecker(document: document)
                sub.depth = depth
                sub.check(value, alt, at: path, schemaName: schemaName)
                if sub.problems.isEmpty { best = nil; break }
                if sub.problems.count < (best?.count ?? Int.max) { best = sub.problems }
            }
            if let best { problems.append("\(path): matches none of the alternatives; closest: \(best.prefix(3).joined(separator: "; "))") }
        }
        if case .null = value {
            if schema["nullable"]?.bool == true || schema["type"] == nil { return }
            problems.append("\(path): null where \(schema["type"]?.string ?? "a value") is expected")
            return
        }
        if let type = schema["type"]?.string, !matches(value, type) {
            problems.append("\(path): expected \(type), got \(value.typeName)")
            return
        }
        if let options = schema["enum"]?.array, !options.contains(value) {
            problems.append("\(path): \(describe(value)) is not one of \(options.compactMap(\.string).joined(separator: ", "))")
        }
        if case .string(let s) = value, let format = schema["format"]?.string {
            if format == "date-time", !Self.isDateTime(s) { problems.append("\(path): \"\(s)\" is not an ISO-8601 date-time") }
            if format == "uuid", !Self.isUUID(s) { problems.append("\(path): \"\(s)\" is not a uuid") }
        }
        if case .object(let object) = value { checkObject(object, schema, at: path, schemaName: schemaName) }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (i, item) in items.enumerated() { check(item, itemSchema, at: "\(path)[\(i)]", schemaName: nil) }
        }
    }

    private mutating func checkObject(_ object: [String: SpecNode], _ schema: SpecNode, at path: String, schemaName: String?) {
        let optional = schemaName.flatMap { SpecAllowances.optionalRequired[$0] } ?? []
        for case .string(let name) in schema["required"]?.array ?? [] where object[name] == nil && !optional.contains(name) {
            problems.append("\(path): missing required \(name)")
        }
        let declared = schema["properties"]?.object ?? [:]
        let integerIds = schemaName.flatMap { SpecAllowances.integerIds[$0] } ?? []
        let nullable = schemaName.flatMap { SpecAllowances.nullable[$0] } ?? []
        let sortObjects = schemaName.flatMap { SpecAllowances.sortObjects[$0] } ?? []
        for (name, value) in object {
            if let propertySchema = declared[name] {
                if integerIds.contains(name), case .number(let d) = value, d.rounded() == d { continue }
                if nullable.contains(name), case .null = value { continue }
                if sortObjects.contains(name), case .array(let items) = value {
                    for (i, item) in items.enumerated() {
                        if case .object(let o) = item, o["propertyName"]?.string != nil,
                           o["direction"].map({ ["ASCENDING", "DESCENDING"].contains($0.string ?? "") }) ?? true { continue }
                        check(item, .object(["type": .string("string")]), at: "\(path).\(name)[\(i)]", schemaName: nil)
                    }
                    continue
                }
                let nullMap = name == "properties" && schemaName.map { SpecAllowances.nullableMapSchemas.contains($0) } == true
                if nullMap, case .object(let map) = value {
                    for (k, v) in map where v != .null { check(v, .object(["type": .string("string")]), at: "\(path).\(name).\(k)", schemaName: nil) }
                    continue
                }
                check(value, propertySchema, at: "\(path).\(name)", schemaName: nil)
            } else if let extra = schema["additionalProperties"] {
                if extra.bool == false { problems.append("\(path): unexpected property \(name)") }
                else if extra.object != nil { check(value, extra, at: "\(path).\(name)", schemaName: nil) }
            }
        }
    }

    private func matches(_ value: SpecNode, _ type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("number", .number): return true
        case ("integer", .number(let d)): return d.rounded() == d
        default: return false
        }
    }

    private func describe(_ v: SpecNode) -> String {
        switch v {
        case .string(let s): return "\"\(s)\""
        case .number(let d): return String(d)
        case .bool(let b): return String(b)
        default: return v.typeName
        }
    }

    static func isDateTime(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count >= 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == UInt8(ascii: "T"), b[13] == 0x3A, b[16] == 0x3A else { return false }
        let last = b[b.count - 1]
        return last == UInt8(ascii: "Z") || (b.count >= 25 && (b[b.count - 6] == 0x2B || b[b.count - 6] == 0x2D))
    }

    static func isUUID(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && s.allSatisfy { $0.isHexDigit || $0 == "-" }
    }
}
