/// A list (segment) of records. MANUAL and SNAPSHOT lists take memberships through the
/// API; DYNAMIC ones would be computed from filters, which the sandbox does not evaluate.
struct CRMList: Codable, Sendable {
    struct Member: Codable, Sendable {
        var recordId: Int
        var addedAt: Int64
    }

    var listId: Int
    var name: String
    var objectTypeId: String
    var processingType: String
    var members: [Member] = []
    var listVersion: Int = 1
    var createdAt: Int64
    var updatedAt: Int64
    var deletedAt: Int64?

    func json(includeSize: Bool = true) -> JSON {
        var pairs: [(String, JSON)] = [
            ("listId", .string(String(listId))), ("listVersion", .int(listVersion)), ("name", .string(name)),
            ("objectTypeId", .string(objectTypeId)), ("processingStatus", "COMPLETE"), ("processingType", .string(processingType)),
            ("createdAt", .string(Timestamp.iso(createdAt))), ("updatedAt", .string(Timestamp.iso(updatedAt))),
        ]
        if includeSize { pairs.append(("size", .int(members.count))) }
        if let deletedAt { pairs.append(("deletedAt", .string(Timestamp.iso(deletedAt)))) }
        return .object(pairs)
    }
}
