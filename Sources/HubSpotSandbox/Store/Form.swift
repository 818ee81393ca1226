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
