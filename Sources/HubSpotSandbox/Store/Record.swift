/// One CRM record. Property values are kept as HubSpot sends them (strings), already
/// normalized on write, so reads and search never re-parse.
struct Record: Codable, Sendable {
    struct Version: Codable, Sendable {
        var value: String
        var timestamp: Int64
        var sourceType: String
        var sourceId: String?
    }

    var id: Int
    var properties: [String: String]
    /// Newest first, as `propertiesWithHistory` lists them.
    var history: [String: [Version]]
    var createdAt: Int64
    var updatedAt: Int64
    var archived: Bool = false
    var archivedAt: Int64?

    /// Sets a property and records the change in its history. An empty string clears it,
    /// as in HubSpot.
    mutating func set(_ name: String, _ value: String, at time: Int64, source: String = "API", sourceId: String? = nil) {
        if value.isEmpty {
            properties[name] = nil
        } else {
            properties[name] = value
        }
        history[name, default: []].insert(Version(value: value, timestamp: time, sourceType: source, sourceId: sourceId), at: 0)
    }
}
