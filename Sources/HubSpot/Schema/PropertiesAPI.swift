/// Property definitions and property groups of one object type.
///
/// ```swift
/// let props = client.properties(.contacts)
/// let all = try await props.list()
/// try await props.create(PropertyDefinition(name: "favorite_color", label: "Favorite color",
///     type: "string", fieldType: "text", groupName: "contactinformation"))
/// ```
public struct PropertiesAPI: Sendable {
    public let client: HubSpotClient
    public let type: ObjectType

    public var basePath: String { client.version.prefix(.properties) + "/" + HubSpotRequest.segment(type.name) }
    func path(_ name: String) -> String { basePath + "/" + HubSpotRequest.segment(name) }
    func groupPath(_ name: String) -> String { basePath + "/groups/" + HubSpotRequest.segment(name) }
}

extension HubSpotClient {
    /// Property definitions and groups of an object type.
    public func properties(_ type: ObjectType) -> PropertiesAPI { PropertiesAPI(client: self, type: type) }
}

extension PropertiesAPI {
    public func listRequest(archived: Bool = false) -> HubSpotRequest {
        var request = HubSpotRequest(.get, basePath)
        if archived { request.add("archived", "true") }
        return request
    }
    public func getRequest(_ name: String) -> HubSpotRequest { HubSpotRequest(.get, path(name)) }
    public func createRequest(_ p: PropertyDefinition) -> HubSpotRequest {
        HubSpotRequest(.post, basePath, json: PropertyBodies.CreateProperty(
            name: p.name, label: p.label, type: p.type, fieldType: p.fieldType, groupName: p.groupName,
            description: p.description, options: p.options, displayOrder: p.displayOrder,
            hasUniqueValue: p.hasUniqueValue, hidden: p.hidden, formField: p.formField))
    }
    public func updateRequest(_ name: String, _ update: PropertyUpdate) -> HubSpotRequest {
        HubSpotRequest(.patch, path(name), json: update)
    }
    public func archiveRequest(_ name: String) -> HubSpotRequest { HubSpotRequest(.delete, path(name)) }

    /// Every property of the type (HubSpot returns them in one response).
    ///
    /// - Throws: ``HubSpotError``.
    public func list(archived: Bool = false) async throws -> [PropertyDefinition] {
        try await client.send(listRequest(archived: archived), as: CollectionResponse<PropertyDefinition>.self).results
    }

    /// One property.
    ///
    /// - Throws: ``HubSpotError`` (`isNotFound` when it does not exist).
    public func get(_ name: String) async throws -> PropertyDefinition {
        try await client.send(getRequest(name), as: PropertyDefinition.self)
    }

    /// Creates a property.
    ///
    /// - Throws: ``HubSpotError`` (409 when the name is taken).
    @discardableResult
    public func create(_ property: PropertyDefinition) async throws -> PropertyDefinition {
        try await client.send(createRequest(property), as: PropertyDefinition.self)
    }

    /// Changes a property.
    ///
    /// - Throws: ``HubSpotError``.
    @discardableResult
    public func update(_ name: String, _ update: PropertyUpdate) async throws -> PropertyDefinition {
        try await client.send(updateRequest(name, update), as: PropertyDefinition.self)
    }

    /// Archives a property.
    ///
    /// - Throws: ``HubSpotError``.
    public func archive(_ name: String) async throws { _ = try await client.send(archiveRequest(name)) }

    // MARK: Groups

    /// Every property group of the type.
    ///
    /// - Throws: ``HubSpotError``.
    public func groups() async throws -> [PropertyGroup] {
        try await client.send(HubSpotRequest(.get, basePath + "/groups"), as: CollectionResponse<PropertyGroup>.self).results
    }

    /// One property group.
    ///
    /// - Throws: ``HubSpotError``.
    public func group(_ name: String) async throws -> PropertyGroup {
        try await client.send(HubSpotRequest(.get, groupPath(name)), as: PropertyGroup.self)
    }

    /// Creates a property group.
    ///
    /// - Throws: ``HubSpotError``.
    @discardableResult
    public func createGroup(_ group: PropertyGroup) async throws -> PropertyGroup {
        let body = PropertyBodies.CreateGroup(name: group.name, label: group.label, displayOrder: group.displayOrder)
        return try await client.send(HubSpotRequest(.post, basePath + "/groups", json: body), as: PropertyGroup.self)
    }

    /// Changes a group's label or display order.
    ///
    /// - Throws: ``HubSpotError``.
    @discardableResult
    public func updateGroup(_ name: String, label: String? = nil, displayOrder: Int? = nil) async throws -> PropertyGroup {
        let body = PropertyBodies.UpdateGroup(label: label, displayOrder: displayOrder)
        return try await client.send(HubSpotRequest(.patch, groupPath(name), json: body), as: PropertyGroup.self)
    }

    /// Archives a property group.
    ///
    /// - Throws: ``HubSpotError``.
    public func archiveGroup(_ name: String) async throws { _ = try await client.send(HubSpotRequest(.delete, groupPath(name))) }
}
