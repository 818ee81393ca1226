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
