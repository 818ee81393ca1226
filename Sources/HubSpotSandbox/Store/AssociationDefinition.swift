/// One direction of an association type between two object types, with its id,
/// category, label and the id of the opposite direction.
///
/// HubSpot's association types are one-way; the sandbox keeps each pair's two
/// directions linked so writing one side always writes the other.
struct AssociationDefinition: Codable, Sendable, Equatable {
    var fromType: String
    var toType: String
    var typeId: Int
    var category: String
    var label: String?
    var inverseTypeId: Int
    /// The unlabeled type a default association uses.
    var isDefault: Bool = false

    func specJSON() -> JSON {
        .object([("associationCategory", .string(category)), ("associationTypeId", .int(typeId))])
    }
}

extension AssociationDefinition {
    /// HubSpot's published ids for the standard pairs: (from, to, id, inverse id, label).
    private static let table: [(String, String, Int, Int, String?)] = [
        ("contacts", "companies", 279, 280, nil), ("contacts", "companies", 1, 2, "Primary"),
        ("deals", "contacts", 3, 4, nil),
        ("deals", "companies", 341, 342, nil), ("deals", "companies", 5, 6, "Primary"),
        ("tickets", "contacts", 16, 15, nil),
        ("tickets", "companies", 339, 340, nil), ("tickets", "companies", 26, 25, "Primary"),
        ("deals", "tickets", 27, 28, nil),
        ("line_items", "deals", 20, 19, nil),
        ("quotes", "deals", 64, 63, nil), ("quotes", "line_items", 67, 68, nil),
        ("quotes", "contacts", 69, 70, nil), ("quotes", "companies", 71, 72, nil),
        ("calls", "contacts", 194, 193, nil), ("calls", "companies", 182, 181, nil),
        ("calls", "deals", 206, 205, nil), ("calls", "tickets", 220, 219, nil),
        ("emails", "contacts", 198, 197, nil), ("emails", "companies", 186, 185, nil),
        ("emails", "deals", 210, 209, nil), ("emails", "tickets", 224, 223, nil),
        ("meetings", "contacts", 200, 199, nil), ("meetings", "companies", 188, 187, nil),
        ("meetings", "deals", 212, 211, nil), ("meetings", "tickets", 226, 225, nil),
        ("notes", "contacts", 202, 201, nil), ("notes", "companies", 190, 189, nil),
        ("notes", "deals", 214, 213, nil), ("notes", "tickets", 228, 227, nil),
        ("tasks", "contacts", 204, 203, nil), ("tasks", "companies", 192, 191, nil),
        ("tasks", "deals", 216, 215, nil), ("tasks", "tickets", 230, 229, nil),
        ("communications", "contacts", 81, 82, nil), ("communications", "companies", 87, 88, nil),
        ("communications", "deals", 85, 86, nil), ("communications", "tickets", 83, 84, nil),
        ("leads", "contacts", 608, 609, nil), ("leads", "contacts", 578, 579, "Primary"),
        ("leads", "companies", 610, 611, nil),
        ("companies", "companies", 13, 14, "Parent Company"),
    ]

    /// Both directions of every standard pair.
    static let standard: [AssociationDefinition] = table.flatMap { from, to, id, inverse, label -> [AssociationDefinition] in
        let inverseLabel = label == "Parent Company" ? "Child Company" : label
        return [
            AssociationDefinition(fromType: from, toType: to, typeId: id, category: "HUBSPOT_DEFINED", label: label,
                                  inverseTypeId: inverse, isDefault: label == nil),
            AssociationDefinition(fromType: to, toType: from, typeId: inverse, category: "HUBSPOT_DEFINED", label: inverseLabel,
                                  inverseTypeId: id, isDefault: label == nil),
        ]
    }
}
