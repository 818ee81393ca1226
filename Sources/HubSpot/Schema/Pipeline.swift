/// A pipeline of deals, tickets or another object type, with its stages.
public struct Pipeline: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var displayOrder: Int
    public var stages: [PipelineStage]
    public var archived: Bool?
    public var createdAt: String?
    public var updatedAt: String?
}

/// A stage of a pipeline; `metadata` holds e.g. `probability` for deal stages.
public struct PipelineStage: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var displayOrder: Int
    public var metadata: [String: String]
    public var archived: Bool?
    public var createdAt: String?
    public var updatedAt: String?

    enum CodingKeys: String, CodingKey { case id, label, displayOrder, metadata, archived, createdAt, updatedAt }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        label = try c.decode(String.self, forKey: .label)
        displayOrder = try c.decodeIfPresent(Int.self, forKey: .displayOrder) ?? 0
        let raw = try c.decodeIfPresent([String: LenientString].self, forKey: .metadata) ?? [:]
        metadata = raw.mapValues(\.value)
        archived = try c.decodeIfPresent(Bool.self, forKey: .archived)
        createdAt = try c.decodeIfPresent(String.self, forKey: .createdAt)
        updatedAt = try c.decodeIfPresent(String.self, forKey: .updatedAt)
    }
}

/// A pipeline to create (`PipelineInput`).
public struct PipelineInput: Sendable, Hashable, Encodable {
    public struct Stage: Sendable, Hashable, Encodable {
        public var label: String
        public var displayOrder: Int
        public var metadata: [String: String]
        public init(label: String, displayOrder: Int, metadata: [String: String] = [:]) {
            self.label = label
            self.displayOrder = displayOrder
            self.metadata = metadata
        }
    }
    public var label: String
    public var displayOrder: Int
    public var stages: [Stage]
    public init(label: String, displayOrder: Int = 0, stages: [Stage]) {
        self.label = label
        self.displayOrder = displayOrder
        self.stages = stages
    }
}
