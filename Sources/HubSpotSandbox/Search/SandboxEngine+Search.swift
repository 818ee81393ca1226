/// POST /crm/v3/objects/{type}/search with HubSpot's operators, limits and paging.
extension SandboxEngine {
    static let maxSearchResults = 10_000

    func search(_ type: ObjectType, _ r: APIRequest) throws -> RouteResult {
        let body = try r.json()
        let defs = definitions(type)
        let groups = try compileGroups(body["filterGroups"], defs)
        let limit = body["limit"]?.intValue ?? 10
        guard (0...200).contains(limit) else {
            throw APIError.validation("Invalid limit: \(limit). The maximum page size for search is 200.")
        }
        let offset = try body["after"].map { v -> Int in
            if v.isNull { return 0 }
            guard let n = v.intValue, n >= 0 else { throw APIError.validation("Invalid after: \(v.scalarString ?? "?"). It must be a non-negative number.") }
            return n
        } ?? 0
        guard offset + limit <= Self.maxSearchResults else {
            throw APIError.validation("The search API can only page through the first \(Self.maxSearchResults) results; after (\(offset)) plus limit (\(limit)) goes past it.")
        }
        let sorts = try parseSorts(body["sorts"], defs)
        let queryWords = (body["query"]?.stringValue ?? "").lowercased().split(separator: " ").map(String.init)
        let wanted = body["properties"]?.arrayValue?.compactMap(\.stringValue)

        // Each filter reads its property's column: a flat scan, no per-record hashing.
        let compiled: [[ColumnFilter]] = groups.map { g in
            g.map { f in ColumnFilter(f, f.property.hasPrefix("associations.") ? associationColumn(type, f) : withStore(type) { $0.column(f.property) }) }
        }
        let live = withStore(type) { $0.liveFlags }
        var matches: [Int] = []   // positions in the store
        let records = store(type).records
        for pos in 0..<live.count where live[pos] {
            if !compiled.isEmpty {
                var anyGroup = false
                for group in compiled {
                    var all = true
                    for f in group where !f.matches(pos) {
                        all = false
                        break
                    }
                    if all { anyGroup = true; break }
                }
                if !anyGroup { continue }
            }
            if !queryWords.isEmpty && !matchesQuery(records[pos].properties, queryWords, type) { continue }
            matches.append(pos)
        }
        if !sorts.isEmpty {
            matches.sort { a, b in
                for s in sorts {
                    let c = compareForSort(records[a].properties[s.name], records[b].properties[s.name], s.kind)
                    if c != 0 { return s.descending ? c > 0 : c < 0 }
                }
                return records[a].id < records[b].id
            }
        }
        let total = matches.count
        let page = matches.dropFirst(offset).prefix(limit)
        let options = ReadOptions(properties: wanted)
        var pairs: [(String, JSON)] = [
            ("total", .int(total)),
            ("results", .array(page.map { render(records[$0], type, options) })),
        ]
        let next = offset + limit
        if next < total && next < Self.maxSearchResults {
            pairs.append(("paging", .object([("next", .object([("after", .string(String(next)))]))])))
        }
        return .ok(.object(pairs))
    }

    private func kind(_ def: PropertyDefinition?) -> SearchFilter.Kind {
        switch def?.type {
        case "number": return .number
        case "datetime": return .datetime
        case "date": return .date
        default: return .string
        }
    }

    private func compileGroups(_ value: JSON?, _ defs: [String: PropertyDefinition]) throws -> [[SearchFilter]] {
        guard let groups = value?.arrayValue else { return [] }
        guard groups.count <= 5 else {
            throw APIError.validation("Too many filter groups: \(groups.count). A search can have at most 5 filterGroups.")
        }
        var total = 0
        var out: [[SearchFilter]] = []
        for g in groups {
            let filters = g["filters"]?.arrayValue ?? []
            guard filters.count <= 6 else {
                throw APIError.validation("Too many filters in a filter group: \(filters.count). A filter group can have at most 6 filters.")
            }
            total += filters.count
            guard total <= 18 else {
                throw APIError.validation("Too many filters: a search can have at most 18 filters across all filterGroups.")
            }
            out.append(try filters.map { f in
                guard let name = f["propertyName"]?.stringValue, let op = f["operator"]?.stringValue else {
                    throw APIError.validation("Each filter needs propertyName and operator")
                }
                if name.hasPrefix("associations.") {
                    guard (try? objectType(String(name.dropFirst(13)))) != nil, ["EQ", "IN"].contains(op) else {
                        throw APIError.validation("\(name) can only be filtered with EQ or IN on an object type's record ids")
                    }
                    return try SearchFilter(property: name, op: op, kind: .string, value: f["value"]?.scalarString, highValue: nil,
                                            values: f["values"]?.arrayValue?.compactMap(\.scalarString))
                }
                guard defs[name] != nil else {
                    throw APIError.validation("There was a problem with the request: property \(name) does not exist",
                                              errors: [.init(message: "Property \"\(name)\" does not exist", code: "PROPERTY_DOESNT_EXIST",
                                                             context: ["propertyName": [name]])])
                }
                return try SearchFilter(property: name, op: op, kind: kind(defs[name]), value: f["value"]?.scalarString,
                                        highValue: f["highValue"]?.scalarString, values: f["values"]?.arrayValue?.compactMap(\.scalarString))
            })
        }
        return out.filter { !$0.isEmpty }
    }

    /// `associations.{type}` pseudo-property: for each record, the filter value it is
    /// associated with (so EQ/IN match), or nil.
    private func associationColumn(_ type: ObjectType, _ filter: SearchFilter) -> [String?] {
        guard let other = try? objectType(String(filter.property.dropFirst(13))) else { return [] }
        var byRecord: [Int: String] = [:]
        for value in filter.rawValues {
            guard let id = Int(value) else { continue }
            for t in state.associations.targets(other.name, id, type.name) where byRecord[t.id] == nil { byRecord[t.id] = value }
        }
        return store(type).records.map { byRecord[$0.id] }
    }

    struct Sort {
        var name: String
        var descending: Bool
        var kind: SearchFilter.Kind
    }

    /// Objects `{propertyName, direction}` as the API takes them, or strings as the spec
    /// types them ("-name" for descending).
    private func parseSorts(_ value: JSON?, _ defs: [String: PropertyDefinition]) throws -> [Sort] {
        guard let items = value?.arrayValue else { return [] }
        return try items.map { item in
            if let text = item.stringValue {
                let desc = text.hasPrefix("-")
                let name = desc ? String(text.dropFirst()) : text
                return Sort(name: name, descending: desc, kind: kind(defs[name]))
            }
            guard let name = item["propertyName"]?.stringValue else { throw APIError.validation("Each sort needs a propertyName") }
            let dir = item["direction"]?.stringValue?.uppercased() ?? "ASCENDING"
            guard dir == "ASCENDING" || dir == "DESCENDING" else {
                throw APIError.validation("Sort direction must be ASCENDING or DESCENDING; it was \(dir)")
            }
            return Sort(name: name, descending: dir == "DESCENDING", kind: kind(defs[name]))
        }
    }

    /// Missing values sort last ascending, as HubSpot's do.
    private func compareForSort(_ a: String?, _ b: String?, _ kind: SearchFilter.Kind) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, _): return 1
        case (_, nil): return -1
        case let (x?, y?):
            if kind == .number, let dx = Double(x), let dy = Double(y) { return dx < dy ? -1 : (dx > dy ? 1 : 0) }
            if kind == .string {
                let lx = x.lowercased(), ly = y.lowercased()
                return lx < ly ? -1 : (lx > ly ? 1 : 0)
            }
            return x < y ? -1 : (x > y ? 1 : 0)
        }
    }

    /// Free-text `query`: every word must start a word of one of the type's searchable properties.
    private func matchesQuery(_ props: [String: String], _ words: [String], _ type: ObjectType) -> Bool {
        var tokens: [String] = []
        for name in type.searchableProperties {
            if let v = props[name] {
                let lowered = v.lowercased()
                tokens.append(lowered)
                tokens += SearchFilter.tokens(lowered)
            }
        }
        return words.allSatisfy { w in tokens.contains { $0.hasPrefix(w) } }
    }
}

/// A filter with its property's column: a class, so the scan loop passes one reference
/// instead of copying the filter's strings and sets for every record.
final class ColumnFilter {
    let filter: SearchFilter
    let values: [String?]

    init(_ filter: SearchFilter, _ values: [String?]) {
        self.filter = filter
        self.values = values
    }

    @inline(__always) func matches(_ pos: Int) -> Bool { filter.matches(value: values[pos]) }
}
