/// An association type between two object types, as the labels endpoint lists it.
public struct AssociationLabel: Sendable, Hashable, Decodable {
    public var category: AssociationCategory
    public var typeId: Int
    /// The label, nil for an unlabelled (default) type.
    public var label: String?

    public init(category: AssociationCategory, typeId: Int, label: String?) {
        self.category = category
        self.typeId = typeId
        self.label = label
    }

    enum CodingKeys: String, CodingKey { case category, typeId, label }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        category = (try? c.decode(AssociationCategory.self, forKey: .category)) ?? .userDefined
        typeId = try c.decode(Int.self, forKey: .typeId)
        label = try c.decodeIfPresent(String.self, forKey: .label)
    }

    /// The spec to send for this type.
    public var spec: AssociationSpec { AssociationSpec(category, typeId) }
}

/// Which association type to use: the default, a label, or a type id.
public enum AssociationLabelRef: Sendable, Hashable {
    /// HubSpot's default (unlabelled) type for the pair.
    case `default`
    /// A label, resolved to its type id through the labels endpoint (cached).
    case label(String)
    /// A type id, e.g. 279 (contact to company).
    case typeId(Int)
}

/// An association to make when creating a record.
public struct AssociationTarget: Sendable, Hashable {
    public var toType: ObjectType
    public var toId: String
    public var label: AssociationLabelRef

    public init(_ toType: ObjectType, _ toId: String, label: AssociationLabelRef = .default) {
        self.toType = toType
        self.toId = toId
        self.label = label
    }
}

/// A record associated with another, with every type linking them (v4 `MultiAssociatedObjectWithLabel`).
public struct AssociatedRecord: Sendable, Hashable, Decodable {
    public var toObjectId: String
    public var associationTypes: [AssociationLabel]

    enum CodingKeys: String, CodingKey { case toObjectId, associationTypes }

    public init(toObjectId: String, associationTypes: [AssociationLabel]) {
        self.toObjectId = toObjectId
        self.associationTypes = associationTypes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // A string in the current descriptions, a number in the older one and in HubSpot's guide.
        toObjectId = try c.decode(LenientString.self, forKey: .toObjectId).value
        associationTypes = try c.decodeIfPresent([AssociationLabel].self, forKey: .associationTypes) ?? []
    }
}

/// One pair to associate or dissociate in a batch.
public struct AssociationPair: Sendable, Hashable {
    public var fromId: String
    public var toId: String
    public var label: AssociationLabelRef

    public init(_ fromId: String, _ toId: String, label: AssociationLabelRef = .default) {
        self.fromId = fromId
        self.toId = toId
        self.label = label
    }
}

/// Wire shapes of the v4 association bodies.
enum AssociationBodies {
    struct ID: Codable, Hashable { var id: String }
    struct MultiPost: Encodable {
        var from: ID
        var to: ID
        var types: [AssociationSpec]
    }
    struct DefaultPost: Encodable {
        var from: ID
        var to: ID
    }
    struct MultiArchive: Encodable {
        var from: ID
        var to: [ID]
    }
    /// `LabelsBetweenObjectPair`, the answer of create.
    struct LabelsBetween: Decodable {
        var fromObjectId: LenientString
        var toObjectId: LenientString
    }
}

/// Association types cached per object-type pair, so a label is looked up once.
actor AssociationLabelCache {
    private var labels: [String: [AssociationLabel]] = [:]

    func get(_ key: String) -> [AssociationLabel]? { labels[key] }
    func set(_ key: String, _ value: [AssociationLabel]) { labels[key] = value }
}
