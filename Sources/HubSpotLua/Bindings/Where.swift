import HubSpot
import LuaKit

/// The `where` language of searches, translated to HubSpot's filter groups.
///
/// ```lua
/// { lastname = "Smith" }                       -- EQ
/// { amount = { gt = 100, lte = 500 } }         -- two filters, both must hold
/// { amount = { between = { 100, 500 } } }      -- BETWEEN
/// { lifecyclestage = { any = { "lead", "customer" } } }   -- IN (none: NOT_IN)
/// { phone = { exists = true } }                -- HAS_PROPERTY (false: NOT_HAS_PROPERTY)
/// { { city = "Paris" }, { city = "Lyon" } }    -- a list: OR of groups
/// { filterGroups = { ... } }                   -- HubSpot's own shape, as is
/// ```
/// An unknown operator is an argument error before any request.
enum Where {
    static let operators: [String: Filter.Operator] = [
        "eq": .eq, "neq": .neq, "lt": .lt, "lte": .lte, "gt": .gt, "gte": .gte, "between": .between,
        "any": .in, "none": .notIn, "exists": .hasProperty, "contains": .containsToken, "not_contains": .notContainsToken,
    ]

    static func groups(_ value: LuaValue, position: Int32) throws -> [FilterGroup] {
        switch value {
        case .nil: return []
        case .table(let t):
            if t.fields[.string("filterGroups")] != nil { return try raw(t["filterGroups"], position: position) }
            if !t.sequence.isEmpty {
                guard t.fields.isEmpty else { throw bad(position, "a where table mixes a list of groups with named filters") }
                return try t.sequence.map { item in
                    guard case .table(let group) = item else { throw bad(position, "each group of a where list must be a table") }
                    return FilterGroup(try filters(group, position: position))
                }
            }
            let group = try filters(t, position: position)
            return group.isEmpty ? [] : [FilterGroup(group)]
        default:
            throw bad(position, "option 'where' must be a table, got \(value.typeName)")
        }
    }

    /// One group: every property's conditions.
    static func filters(_ t: LuaTable, position: Int32) throws -> [Filter] {
        var result: [Filter] = []
        // Sorted, so the request (and any error) is the same on every run.
        let entries = t.fields.compactMap { key, value in key.stringValue.map { ($0, value) } }.sorted { $0.0 < $1.0 }
        if entries.count != t.fields.count || !t.sequence.isEmpty { throw bad(position, "property names in a where table must be strings") }
        for (property, condition) in entries {
            if case .table(let ops) = condition {
                let named = ops.fields.compactMap { k, v in k.stringValue.map { ($0, v) } }.sorted { $0.0 < $1.0 }
                if named.count != ops.fields.count || !ops.sequence.isEmpty {
                    throw bad(position, "conditions on '\(property)' must be named operators ({gt = 1}, {any = {...}})")
                }
                for (name, operand) in named { result.append(try filter(property, name, operand, position: position)) }
            } else {
                result.append(try filter(property, "eq", condition, position: position))
            }
        }
        return result
    }

    static func filter(_ property: String, _ name: String, _ operand: LuaValue, position: Int32) throws -> Filter {
        guard let op = operators[name] else {
            throw bad(position, "unknown filter operator '\(name)' on '\(property)'")
        }
        switch op {
        case .between:
            guard case .table(let pair) = operand, pair.sequence.count == 2,
                  let lo = Arguments.propertyValue(pair.sequence[0]), let hi = Arguments.propertyValue(pair.sequence[1]) else {
                throw bad(position, "'between' on '\(property)' needs {low, high}")
            }
            return Filter(property, .between, lo, hi)
        case .in, .notIn:
            guard case .table(let list) = operand, !list.sequence.isEmpty else {
                throw bad(position, "'\(name)' on '\(property)' needs a non-empty list of values")
            }
            return Filter(property, op, values: try list.sequence.map { v in
                guard let s = Arguments.propertyValue(v) else { throw bad(position, "'\(name)' on '\(property)' needs a list of values") }
                return s
            })
        case .hasProperty:
            guard case .boolean(let present) = operand else { throw bad(position, "'exists' on '\(property)' needs true or false") }
            return Filter(property, present ? .hasProperty : .notHasProperty)
        default:
            guard let value = Arguments.propertyValue(operand) else {
                throw bad(position, "'\(name)' on '\(property)' needs a string, number or boolean, got \(operand.typeName)")
            }
            return Filter(property, op, value)
        }
    }

    /// HubSpot's `filterGroups` given as is: `{{filters = {{propertyName=, operator=, value=}}}}`.
    static func raw(_ value: LuaValue, position: Int32) throws -> [FilterGroup] {
        guard case .table(let groups) = value else { throw bad(position, "filterGroups must be a list") }
        return try groups.sequence.map { group in
            guard case .table(let g) = group, case .table(let filters) = g["filters"] else { throw bad(position, "each of filterGroups needs filters") }
            return FilterGroup(try filters.sequence.map { item in
                guard case .table(let f) = item, let property = f["propertyName"].stringValue,
                      let opName = f["operator"].stringValue, let op = Filter.Operator(rawValue: opName) else {
                    throw bad(position, "a filter needs propertyName and one of HubSpot's operators")
                }
                var filter = Filter(property, op, Arguments.propertyValue(f["value"]), Arguments.propertyValue(f["highValue"]))
                if case .table(let values) = f["values"] { filter.values = values.sequence.compactMap(Arguments.propertyValue) }
                return filter
            })
        }
    }

    /// `sort = "-createdate"` (descending) or a list of such names.
    static func sorts(_ value: LuaValue, position: Int32) throws -> [SearchSort] {
        func one(_ text: String) -> SearchSort {
            text.hasPrefix("-") ? SearchSort(String(text.dropFirst()), .descending) : SearchSort(text, .ascending)
        }
        switch value {
        case .nil: return []
        case .string(let s): return [one(s)]
        case .table(let t) where t.fields.isEmpty:
            return try t.sequence.map { guard let s = $0.stringValue else { throw bad(position, "option 'sort' must be a name or a list of names") }; return one(s) }
        default: throw bad(position, "option 'sort' must be a name or a list of names, got \(value.typeName)")
        }
    }

    static func bad(_ position: Int32, _ text: String) -> LuaArgumentError { .message(position, text) }
}
