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
