/// An association to create together with a record (`PublicAssociationsForObject`).
public struct AssociationInput: Sendable, Equatable, Encodable {
    public struct To: Sendable, Equatable, Encodable { public var id: String }
    public var to: To
    public var types: [AssociationSpec]

    public init(toId: String, types: [AssociationSpec]) {
        self.to = To(id: toId)
        self.types = types
    }
}

/// An association type on the wire: category and type id.
public struct AssociationSpec: Sendable, Hashable, Codable {
    public var associationCategory: AssociationCategory
    public var associationTypeId: Int

    public init(_ category: AssociationCategory, _ typeId: Int) {
        self.associationCategory = category
        self.associationTypeId = typeId
    }
}

/// Who defined an association type.
public enum AssociationCategory: String, Sendable, Hashable, Codable {
    case hubspotDefined = "HUBSPOT_DEFINED"
    case userDefined = "USER_DEFINED"
    case integratorDefined = "INTEGRATOR_DEFINED"
    case work = "WORK"
}

/// One record to create in a batch.
public struct BatchCreateInput: Sendable, Equatable {
    public var properties: [String: String]
    public var associations: [AssociationInput]

    public init(properties: [String: String], associations: [AssociationInput] = []) {
        self.properties = properties
        self.associations = associations
    }
}

/// One record to update in a batch: its id (or unique property value) and new values.
public struct BatchUpdateInput: Sendable, Equatable {
    public var id: String
    public var properties: [String: String]

    public init(id: String, properties: [String: String]) {
        self.id = id
        self.properties = properties
    }
}

/// Wire shapes of the object endpoints' request bodies.
enum ObjectBodies {
    struct Create: Encodable {
        var properties: [String: String]
        var associations: [AssociationInput]
    }
    struct Update: Encodable { var properties: [String: String] }
    struct Merge: Encodable {
        var primaryObjectId: String
        var objectIdToMerge: String
    }
    struct GDPRDelete: Encodable {
        var objectId: String
        var idProperty: String?
    }
    struct ID: Encodable { var id: String }
    struct BatchRead: Encodable {
        var inputs: [ID]
        var properties: [String]
        var propertiesWithHistory: [String]
        var idProperty: String?
    }
    struct BatchCreateItem: Encodable {
        var properties: [String: String]
        var associations: [AssociationInput]
        var objectWriteTraceId: String
    }
    struct BatchWriteItem: Encodable {
        var id: String
        var properties: [String: String]
        var idProperty: String?
        var objectWriteTraceId: String
    }
    struct Inputs<T: Encodable>: Encodable { var inputs: [T] }
}
