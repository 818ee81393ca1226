/// A property definition, shaped like HubSpot's `Property` so routes can emit it directly.
struct PropertyDefinition: Codable, Sendable, Equatable {
    struct Option: Codable, Sendable, Equatable {
        var label: String
        var value: String
        var displayOrder: Int = 0
        var hidden: Bool = false
        var description: String = ""
    }

    var name: String
    var label: String
    /// string, number, date, datetime, enumeration, bool, phone_number.
    var type: String
    var fieldType: String
    var groupName: String
    var description: String = ""
    var options: [Option] = []
    var displayOrder: Int = -1
    var hasUniqueValue: Bool = false
    var hidden: Bool = false
    var formField: Bool = true
    var hubspotDefined: Bool = true
    /// Set by HubSpot itself (ids, timestamps): accepted on read, refused on write.
    var readOnlyValue: Bool = false
    /// Options live elsewhere (pipeline stages, owners), so writes are checked there, not here.
    var externalOptions: Bool = false
    var calculated: Bool = false
    var archived: Bool = false
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    func json() -> JSON {
        .object([
            ("name", .string(name)), ("label", .string(label)), ("type", .string(type)), ("fieldType", .string(fieldType)),
            ("description", .string(description)), ("groupName", .string(groupName)),
            ("options", .array(options.map { o in
                .object([("label", .string(o.label)), ("value", .string(o.value)), ("description", .string(o.description)),
                         ("displayOrder", .int(o.displayOrder)), ("hidden", .bool(o.hidden))])
            })),
            ("displayOrder", .int(displayOrder)), ("calculated", .bool(calculated)), ("externalOptions", .bool(externalOptions)),
            ("hasUniqueValue", .bool(hasUniqueValue)), ("hidden", .bool(hidden)), ("hubspotDefined", .bool(hubspotDefined)),
            ("formField", .bool(formField)), ("archived", .bool(archived)),
            ("createdAt", .string(Timestamp.iso(createdAt))), ("updatedAt", .string(Timestamp.iso(updatedAt))),
            ("modificationMetadata", .object([
                ("archivable", .bool(!hubspotDefined)), ("readOnlyDefinition", .bool(hubspotDefined)),
                ("readOnlyValue", .bool(readOnlyValue)),
            ])),
        ])
    }
}

/// A property group, shaped like HubSpot's `PropertyGroup`.
struct PropertyGroup: Codable, Sendable, Equatable {
    var name: String
    var label: String
    var displayOrder: Int = -1
    var archived: Bool = false

    func json() -> JSON {
        .object([("name", .string(name)), ("label", .string(label)), ("displayOrder", .int(displayOrder)), ("archived", .bool(archived))])
    }
}
