import Foundation

/// A CRM record as HubSpot returns it: `SimplePublicObject`, with associations when asked for.
///
/// Property values are strings or null, as HubSpot sends them; a property
/// HubSpot did not return is absent from ``properties``.
public struct CRMObject: Sendable, Equatable, Codable {
    public var id: String
    public var properties: [String: String?]
    public var propertiesWithHistory: [String: [PropertyVersion]]?
    public var createdAt: String?
    public var updatedAt: String?
    public var archived: Bool
    public var archivedAt: String?
    /// Associated ids by object type, when requested with `associations:`.
    public var associations: [String: AssociatedIds]?
    /// The trace id HubSpot echoes for batch writes (the client uses it to keep input order).
    public var objectWriteTraceId: String?
    /// Set by upsert: whether the record was created.
    public var new: Bool?

    public init(id: String, properties: [String: String?] = [:], createdAt: String? = nil, updatedAt: String? = nil,
                archived: Bool = false) {
        self.id = id
        self.properties = properties
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.archived = archived
    }

    /// The value of a property, nil when absent or null.
    public subscript(property name: String) -> String? { properties[name] ?? nil }

    enum CodingKeys: String, CodingKey {
        case id, properties, propertiesWithHistory, createdAt, updatedAt, archived, archivedAt, associations,
            objectWriteTraceId, new
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(LenientString.self, forKey: .id).value
        let raw = try c.decodeIfPresent([String: LenientString?].self, forKey: .properties) ?? [:]
        properties = raw.mapValues { $0?.value }
        propertiesWithHistory = try c.decodeIfPresent([String: [PropertyVersion]].self, forKey: .propertiesWithHistory)
        createdAt = try c.decodeIfPresent(String.self, forKey: .createdAt)
        updatedAt = try c.decodeIfPresent(String.self, forKey: .updatedAt)
        archived = try c.decodeIfPresent(Bool.self, forKey: .archived) ?? false
        archivedAt = try c.decodeIfPresent(String.self, forKey: .archivedAt)
        associations = try c.decodeIfPresent([String: AssociatedIds].self, forKey: .associations)
        objectWriteTraceId = try c.decodeIfPresent(String.self, forKey: .objectWriteTraceId)
        new = try c.decodeIfPresent(Bool.self, forKey: .new)
    }
}

/// One value of a property's history.
public struct PropertyVersion: Sendable, Equatable, Codable {
    public var value: String?
    public var timestamp: String?
    public var sourceType: String?
    public var sourceId: String?
    public var sourceLabel: String?
    public var updatedByUserId: Int?
}

/// The ids associated with a record under one object type (`CollectionResponseAssociatedId`).
public struct AssociatedIds: Sendable, Equatable, Codable {
    public struct Item: Sendable, Equatable, Codable {
        public var id: String
        public var type: String?
    }
    public var results: [Item]
}

/// A string HubSpot may send as a JSON number or boolean by mistake.
struct LenientString: Decodable, Sendable {
    var value: String
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { value = s }
        else if let i = try? c.decode(Int64.self) { value = String(i) }
        else if let d = try? c.decode(Double.self) { value = String(d) }
        else if let b = try? c.decode(Bool.self) { value = b ? "true" : "false" }
        else { throw DecodingError.typeMismatch(String.self, .init(codingPath: decoder.codingPath, debugDescription: "not a scalar")) }
    }
}
