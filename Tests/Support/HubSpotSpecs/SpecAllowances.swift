/// The known differences between HubSpot's API descriptions and the live API that the
/// validator tolerates, and nothing broader. Each entry names the schema it applies to;
/// see ../shared/hubspot-api/README.md ("Known spec/API differences").
enum SpecAllowances {
    /// Fields the files mark `required` that the API treats as optional (README).
    static let optionalRequired: [String: Set<String>] = [
        "PublicObjectSearchRequest": ["after", "limit", "sorts", "properties"],
        "BatchReadInputSimplePublicObjectId": ["properties", "propertiesWithHistory"],
        "SimplePublicObjectInputForCreate": ["associations"],
        "SimplePublicObjectBatchInputForCreate": ["associations"],
    ]

    /// `PublicObjectSearchRequest.sorts` is typed as strings; the API takes
    /// `{propertyName, direction}` objects (README).
    static let sortObjects: [String: Set<String>] = ["PublicObjectSearchRequest": ["sorts"]]

    /// v4 association ids are strings in the current files, integers in the older rollout
    /// and in HubSpot's guide and live responses (README).
    static let integerIds: [String: Set<String>] = [
        "MultiAssociatedObjectWithLabel": ["toObjectId"],
        "LabelsBetweenObjectPair": ["fromObjectId", "toObjectId"],
    ]

    /// An association type without a label has `"label": null` (README).
    static let nullable: [String: Set<String>] = [
        "AssociationSpecWithLabel": ["label"],
    ]

    /// A record's `properties` map: a requested property with no value comes back null,
    /// where the files type the map's values as plain strings (live behavior).
    static let nullableMapSchemas: Set<String> = [
        "SimplePublicObject", "SimplePublicObjectWithAssociations", "SimplePublicUpsertObject",
    ]
}
