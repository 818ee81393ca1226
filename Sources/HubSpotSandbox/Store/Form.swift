/// A marketing form: its fields (contact properties) and the submissions it received.
struct Form: Codable, Sendable {
    struct Field: Codable, Sendable {
        var name: String
        var label: String
        var fieldType: String
        var required: Bool
    }

    struct Submission: Codable, Sendable {
        var submittedAt: Int64
        var values: [String: String]
        var pageUri: String?
        var contactId: Int?
    }

    var id: String
    var name: String
    var fields: [Field]
    var submissions: [Submission] = []
    var archived: Bool = false
    var createdAt: Int64
    var updatedAt: Int64
}

/// A workflow: listed through the v4 flows API, enrolled into through v2.
struct Workflow: Codable, Sendable {
    var id: Int
    var name: String
    var isEnabled: Bool
    var objectTypeId: String = "0-1"
    var enrolledContactIds: [Int] = []
    var createdAt: Int64
    var updatedAt: Int64
}

/// A custom object type defined through the schemas API.
struct CustomSchema: Codable, Sendable {
    var type: ObjectType
    var id: String
    var labelSingular: String
    var labelPlural: String
    var requiredProperties: [String]
    var associatedObjects: [String]
    var archived: Bool = false
    var createdAt: Int64
    var updatedAt: Int64
}
