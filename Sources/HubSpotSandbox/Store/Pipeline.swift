/// A deal, ticket or lead pipeline with its stages, shaped like HubSpot's `Pipeline`.
struct Pipeline: Codable, Sendable, Equatable {
    struct Stage: Codable, Sendable, Equatable {
        var id: String
        var label: String
        var displayOrder: Int
        var metadata: [String: String]
        var archived: Bool = false
        var createdAt: Int64
        var updatedAt: Int64

        func json() -> JSON {
            .object([
                ("id", .string(id)), ("label", .string(label)), ("displayOrder", .int(displayOrder)),
                ("metadata", .object(metadata.keys.sorted().map { ($0, .string(metadata[$0] ?? "")) })),
                ("archived", .bool(archived)), ("createdAt", .string(Timestamp.iso(createdAt))),
                ("updatedAt", .string(Timestamp.iso(updatedAt))), ("writePermissions", "CRM_PERMISSIONS_ENFORCEMENT"),
            ])
        }
    }

    var id: String
    var label: String
    var displayOrder: Int
    var stages: [Stage]
    var archived: Bool = false
    var createdAt: Int64
    var updatedAt: Int64

    func json() -> JSON {
        .object([
            ("id", .string(id)), ("label", .string(label)), ("displayOrder", .int(displayOrder)),
            ("stages", .array(stages.filter { !$0.archived }.sorted { $0.displayOrder < $1.displayOrder }.map { $0.json() })),
            ("archived", .bool(archived)), ("createdAt", .string(Timestamp.iso(createdAt))), ("updatedAt", .string(Timestamp.iso(updatedAt))),
        ])
    }
}
