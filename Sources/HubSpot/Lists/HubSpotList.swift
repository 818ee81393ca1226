/// A list of records (lists v3 `PublicObjectList`): static (`MANUAL`, `SNAPSHOT`) or `DYNAMIC`.
public struct HubSpotList: Sendable, Hashable, Decodable {
    public var listId: String
    public var name: String
    public var objectTypeId: String
    public var processingType: String
    public var processingStatus: String?
    public var listVersion: Int?
    public var createdAt: String?
    public var updatedAt: String?
    /// Extra properties the search endpoint returns (e.g. `hs_list_size`).
    public var additionalProperties: [String: String]?

    enum CodingKeys: String, CodingKey {
        case listId, name, objectTypeId, processingType, processingStatus, listVersion, createdAt, updatedAt, additionalProperties
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        listId = try c.decode(LenientString.self, forKey: .listId).value
        name = try c.decode(String.self, forKey: .name)
        objectTypeId = try c.decode(String.self, forKey: .objectTypeId)
        processingType = try c.decode(String.self, forKey: .processingType)
        processingStatus = try c.decodeIfPresent(String.self, forKey: .processingStatus)
        listVersion = try c.decodeIfPresent(Int.self, forKey: .listVersion)
        createdAt = try c.decodeIfPresent(String.self, forKey: .createdAt)
        updatedAt = try c.decodeIfPresent(String.self, forKey: .updatedAt)
        additionalProperties = try c.decodeIfPresent([String: String].self, forKey: .additionalProperties)
    }
}

/// How a list gets its members.
public enum ListProcessing: String, Sendable, Hashable, Encodable {
    /// Members are added and removed by hand (or by API).
    case manual = "MANUAL"
    /// Members are whoever matches the filters, kept up to date.
    case dynamic = "DYNAMIC"
    /// Members matched the filters once, then manual.
    case snapshot = "SNAPSHOT"
}

/// What a membership change did (`MembershipsUpdateResponse`; HubSpot spells `recordsIdsAdded`).
public struct MembershipsUpdate: Sendable, Hashable, Decodable {
    public var recordIdsAdded: [String]
    public var recordIdsRemoved: [String]
    public var recordIdsMissing: [String]

    enum CodingKeys: String, CodingKey { case recordsIdsAdded, recordIdsRemoved, recordIdsMissing }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        recordIdsAdded = try c.decodeIfPresent([LenientString].self, forKey: .recordsIdsAdded)?.map(\.value) ?? []
        recordIdsRemoved = try c.decodeIfPresent([LenientString].self, forKey: .recordIdsRemoved)?.map(\.value) ?? []
        recordIdsMissing = try c.decodeIfPresent([LenientString].self, forKey: .recordIdsMissing)?.map(\.value) ?? []
    }
}

/// A list member (`JoinTimeAndRecordId`).
public struct ListMember: Sendable, Hashable, Decodable {
    public var recordId: String
    public var membershipTimestamp: String?

    enum CodingKeys: String, CodingKey { case recordId, membershipTimestamp }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        recordId = try c.decode(LenientString.self, forKey: .recordId).value
        membershipTimestamp = try c.decodeIfPresent(String.self, forKey: .membershipTimestamp)
    }
}
