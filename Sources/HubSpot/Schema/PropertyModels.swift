/// A property definition (`Property`): its name, type, field type, group and options.
public struct PropertyDefinition: Sendable, Hashable, Codable {
    public var name: String
    public var label: String
    public var type: String
    public var fieldType: String
    public var groupName: String
    public var description: String?
    public var options: [PropertyOption]?
    public var displayOrder: Int?
    public var hasUniqueValue: Bool?
    public var hidden: Bool?
    public var formField: Bool?
    public var calculated: Bool?
    public var archived: Bool?
    public var createdAt: String?
    public var updatedAt: String?

    /// A definition to create: the five fields HubSpot requires, the rest optional.
    public init(name: String, label: String, type: String, fieldType: String, groupName: String,
                description: String? = nil, options: [PropertyOption]? = nil) {
        self.name = name
        self.label = label
        self.type = type
        self.fieldType = fieldType
        self.groupName = groupName
        self.description = description
        self.options = options
    }
}

/// One option of an enumeration property.
public struct PropertyOption: Sendable, Hashable, Codable {
    public var label: String
    public var value: String
    public var hidden: Bool
    public var description: String?
    public var displayOrder: Int?

    public init(label: String, value: String, hidden: Bool = false, displayOrder: Int? = nil) {
        self.label = label
        self.value = value
        self.hidden = hidden
        self.displayOrder = displayOrder
    }
}

/// Changes to a property (`PropertyUpdate`); nil fields are left as they are.
public struct PropertyUpdate: Sendable, Hashable, Encodable {
    public var label: String?
    public var description: String?
    public var groupName: String?
    public var fieldType: String?
    public var type: String?
    public var options: [PropertyOption]?
    public var displayOrder: Int?
    public var hidden: Bool?
    public var formField: Bool?

    public init(label: String? = nil, description: String? = nil, groupName: String? = nil, options: [PropertyOption]? = nil) {
        self.label = label
        self.description = description
        self.groupName = groupName
        self.options = options
    }
}

/// A property group (`PropertyGroup`).
public struct PropertyGroup: Sendable, Hashable, Codable {
    public var name: String
    public var label: String
    public var displayOrder: Int?
    public var archived: Bool?

    public init(name: String, label: String, displayOrder: Int? = nil) {
        self.name = name
        self.label = label
        self.displayOrder = displayOrder
    }
}

/// Wire shapes for property bodies that differ from the models.
enum PropertyBodies {
    struct CreateProperty: Encodable {
        var name, label, type, fieldType, groupName: String
        var description: String?
        var options: [PropertyOption]?
        var displayOrder: Int?
        var hasUniqueValue: Bool?
        var hidden: Bool?
        var formField: Bool?
    }
    struct CreateGroup: Encodable {
        var name, label: String
        var displayOrder: Int?
    }
    struct UpdateGroup: Encodable {
        var label: String?
        var displayOrder: Int?
    }
}
