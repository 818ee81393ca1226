/// A HubSpot user who can own records (`hubspot_owner_id`), shaped like `PublicOwner`.
struct Owner: Codable, Sendable, Equatable {
    var id: Int
    var userId: Int
    var email: String
    var firstName: String
    var lastName: String
    var teamName: String?
    var archived: Bool = false
    var createdAt: Int64
    var updatedAt: Int64

    func json() -> JSON {
        var pairs: [(String, JSON)] = [
            ("id", .string(String(id))), ("email", .string(email)), ("type", "PERSON"), ("firstName", .string(firstName)),
            ("lastName", .string(lastName)), ("userId", .int(userId)), ("userIdIncludingInactive", .int(userId)),
            ("createdAt", .string(Timestamp.iso(createdAt))), ("updatedAt", .string(Timestamp.iso(updatedAt))), ("archived", .bool(archived)),
        ]
        if let teamName {
            pairs.append(("teams", .array([.object([("id", .string(String(abs(teamName.hashValue % 1000) + 1000))), ("name", .string(teamName)), ("primary", true)])])))
        }
        return .object(pairs)
    }
}
