import Foundation
import HubSpotSandbox

/// A JSON value decoded without Foundation's number/boolean ambiguity, used both for the
/// OpenAPI files and for the bodies being validated.
public indirect enum SpecNode: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([SpecNode])
    case object([String: SpecNode])

    /// Parsed by the sandbox's strict parser, then shaped for schema checks (numbers as
    /// one kind, objects as dictionaries).
    public static func parse(_ data: Data) throws -> SpecNode { SpecNode(try JSON.parse(data)) }

    init(_ json: JSON) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .number(Double(i))
        case .double(let d): self = .number(d)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(SpecNode.init))
        case .object(let pairs): self = .object(Dictionary(pairs.map { ($0.0, SpecNode($0.1)) }, uniquingKeysWith: { _, last in last }))
        }
    }

    public subscript(key: String) -> SpecNode? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    var string: String? { if case .string(let s) = self { return s }; return nil }
    var array: [SpecNode]? { if case .array(let a) = self { return a }; return nil }
    var object: [String: SpecNode]? { if case .object(let o) = self { return o }; return nil }
    var bool: Bool? { if case .bool(let b) = self { return b }; return nil }

    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let d): return d.rounded() == d ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
