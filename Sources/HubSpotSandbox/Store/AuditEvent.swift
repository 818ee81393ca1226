/// One entry of the account audit log: something a request changed.
struct AuditEvent: Codable, Sendable {
    var id: Int
    var occurredAt: Int64
    /// CREATE, UPDATE, DELETE, MERGE, ASSOCIATE, ENROLL, SUBMIT...
    var action: String
    /// The object type or area: "contacts", "PROPERTY", "LIST", "FORM"...
    var category: String
    var subCategory: String?
    var targetObjectId: String?

    func json(userId: Int, email: String) -> JSON {
        var pairs: [(String, JSON)] = [
            ("id", .string(String(id))), ("occurredAt", .string(Timestamp.iso(occurredAt))), ("action", .string(action)),
            ("category", .string(category)),
            ("actingUser", .object([("userId", .int(userId)), ("userEmail", .string(email))])),
        ]
        if let subCategory { pairs.append(("subCategory", .string(subCategory))) }
        if let targetObjectId { pairs.append(("targetObjectId", .string(targetObjectId))) }
        return .object(pairs)
    }
}
