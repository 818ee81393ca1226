import HubSpot
import LuaKit

/// Reading a binding's arguments and options in Lua's wording, before any request.
///
/// Property values follow one rule, both ways: HubSpot's strings stay Lua strings as they
/// come (lossless: "007", "1e3" and long ids survive); on the way out a number becomes its
/// decimal text (3 → "3", 2.5 → "2.5"), a boolean "true"/"false", and `hubspot.null` the
/// empty string, which is how HubSpot clears a property.
struct Options {
    let table: LuaTable
    let position: Int32

    /// The options table at `position` (absent: empty), names checked against `allowed`.
    init(_ call: LuaCall, _ position: Int32, allowed: Set<String>) throws {
        table = try call.options(position, allowed: allowed) ?? LuaTable()
        self.position = position
    }

    subscript(name: String) -> LuaValue { table[name] }

    func bad(_ name: String, _ expected: String) -> LuaArgumentError {
        LuaArgumentError.message(position, "option '\(name)' must be \(expected), got \(table[name].typeName)")
    }

    func string(_ name: String) throws -> String? {
        switch table[name] {
        case .nil: return nil
        case .string(let s): return s
        case .integer(let i): return String(i)
        default: throw bad(name, "a string")
        }
    }

    func bool(_ name: String) throws -> Bool {
        switch table[name] {
        case .nil: return false
        case .boolean(let b): return b
        default: throw bad(name, "a boolean")
        }
    }

    func integer(_ name: String) throws -> Int? {
        switch table[name] {
        case .nil: return nil
        case let value: guard let i = value.integerValue else { throw bad(name, "an integer") }; return Int(i)
        }
    }

    /// A list of strings; a single string is a list of one.
    func strings(_ name: String) throws -> [String] {
        switch table[name] {
        case .nil: return []
        case .string(let s): return [s]
        case .table(let t):
            guard t.fields.isEmpty else { throw bad(name, "a list of strings") }
            return try t.sequence.map { guard let s = $0.stringValue else { throw bad(name, "a list of strings") }; return s }
        default: throw bad(name, "a list of strings")
        }
    }
}

enum Arguments {
    /// An id: a string, or a number written as Lua writes it (`101` → "101").
    static func id(_ call: LuaCall, _ position: Int32) throws -> String {
        switch call.type(position) {
        case .string, .number: return try call.string(position)
        default: throw LuaArgumentError.type(position, expected: "string")
        }
    }

    /// A list of ids (strings or integers).
    static func ids(_ call: LuaCall, _ position: Int32) throws -> [String] {
        try call.table(position)
        let table = try call.value(position).tableValue ?? LuaTable()
        return try table.sequence.map { value in
            guard let id = idString(value) else {
                throw LuaArgumentError.message(position, "list of ids expected, found a \(value.typeName)")
            }
            return id
        }
    }

    static func idString(_ value: LuaValue) -> String? {
        switch value {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return Int64(exactly: d).map(String.init)
        default: return nil
        }
    }

    /// A properties table `{name = value}`, values converted by the module's rule.
    static func properties(_ call: LuaCall, _ position: Int32) throws -> [String: String] {
        try call.table(position)
        return try properties(call.value(position).tableValue ?? LuaTable(), position: position)
    }

    static func properties(_ table: LuaTable, position: Int32, skipping: Set<String> = []) throws -> [String: String] {
        var result: [String: String] = [:]
        if !table.sequence.isEmpty {
            throw LuaArgumentError.message(position, "properties must be named (name = value), got a list")
        }
        for (key, value) in table.fields {
            guard let name = key.stringValue else {
                throw LuaArgumentError.message(position, "property names must be strings, got \(key.typeName)")
            }
            if skipping.contains(name) { continue }
            guard let text = propertyValue(value) else {
                throw LuaArgumentError.message(position, "property '\(name)' must be a string, number, boolean or hubspot.null, got \(value.typeName)")
            }
            result[name] = text
        }
        return result
    }

    /// The module's outgoing conversion of one property value.
    static func propertyValue(_ value: LuaValue) -> String? {
        switch value {
        case .string(let s): return s
        case .bytes(let b): return String(decoding: b, as: UTF8.self)
        case .integer(let i): return String(i)
        case .number(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 9.007_199_254_740_992e15 { return String(Int64(d)) }
            return d.isFinite ? "\(d)" : nil
        case .boolean(let b): return b ? "true" : "false"
        default: return value.isJSONNull ? "" : nil
        }
    }

    /// An object type name for `to_type` arguments.
    static func objectType(_ call: LuaCall, _ position: Int32) throws -> ObjectType {
        let name = try call.string(position)
        return try objectType(name, position: position)
    }

    static func objectType(_ name: String, position: Int32) throws -> ObjectType {
        guard ObjectTypes.isPlausible(name) else {
            throw LuaArgumentError.message(position, "unknown object type '\(name)'")
        }
        return ObjectType(ObjectTypes.aliases[name] ?? name)
    }

    /// `label_or_type_id`: absent for the default type, a string label, or an integer type id.
    static func label(_ call: LuaCall, _ position: Int32) throws -> AssociationLabelRef? {
        switch call.type(position) {
        case .none, .nil: return nil
        case .number: return .typeId(Int(try call.integer(position)))
        case .string: return .label(try call.string(position))
        default: throw LuaArgumentError.type(position, expected: "string or number")
        }
    }
}

/// Which object type names the module accepts.
enum ObjectTypes {
    /// Singular and HubSpot-id spellings users type, mapped to the path names.
    static let aliases: [String: String] = [
        "contact": "contacts", "company": "companies", "deal": "deals", "ticket": "tickets", "product": "products",
        "line_item": "line_items", "quote": "quotes", "lead": "leads", "call": "calls", "email": "emails",
        "meeting": "meetings", "note": "notes", "task": "tasks", "communication": "communications",
        "0-1": "contacts", "0-2": "companies", "0-3": "deals", "0-5": "tickets",
    ]

    /// Standard names, type ids (`2-1234567`), and names shaped like HubSpot object names
    /// (`p_cars`, `cars`: letters, digits and `_`, starting with a letter). Anything else
    /// (spaces, punctuation, empty) is clearly invalid; a well-formed name the account does
    /// not have fails at its first request with HubSpot's own error.
    static func isPlausible(_ name: String) -> Bool {
        if ObjectType.standard.contains(where: { $0.name == name }) || aliases[name] != nil { return true }
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) { return true }
        guard let first = name.first, first.isASCII, first.isLetter, name.count <= 100 else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
