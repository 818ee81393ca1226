import Foundation

/// The CRM object endpoints of one object type: get, list, create, update, archive,
/// merge, GDPR delete, batches and search.
///
/// ```swift
/// let contacts = client.objects(.contacts)
/// let ada = try await contacts.create(["email": "ada@example.com", "firstname": "Ada"])
/// try await contacts.update(ada.id, ["lastname": "Lovelace"])
/// let same = try await contacts.get("ada@example.com", idProperty: "email", properties: ["lastname"])
/// ```
///
/// Every method has a sibling `…Request` that builds the ``HubSpotRequest`` without
/// sending it, for callers that send with ``HubSpotClient/send(_:)`` and decode the
/// bytes themselves.
public struct ObjectsAPI: Sendable {
    public let client: HubSpotClient
    public let type: ObjectType

    /// `/crm/v3/objects/{type}` (or the dated equivalent).
    public var basePath: String { client.version.prefix(.objects) + "/" + HubSpotRequest.segment(type.name) }

    func path(_ id: String) -> String { basePath + "/" + HubSpotRequest.segment(id) }
}

extension HubSpotClient {
    /// The endpoints of one CRM object type.
    public func objects(_ type: ObjectType) -> ObjectsAPI { ObjectsAPI(client: self, type: type) }
}

extension ObjectsAPI {
    // MARK: Requests

    public func getRequest(_ id: String, idProperty: String? = nil, properties: [String] = [],
                           propertiesWithHistory: [String] = [], associations: [String] = [],
                           archived: Bool = false) -> HubSpotRequest {
        var request = HubSpotRequest(.get, path(id))
        request.add("properties", each: properties)
        request.add("propertiesWithHistory", each: propertiesWithHistory)
        request.add("associations", each: associations)
        if archived { request.add("archived", "true") }
        request.add("idProperty", idProperty)
        return request
    }

    public func listRequest(limit: Int = 100, after: String? = nil, properties: [String] = [],
                            propertiesWithHistory: [String] = [], associations: [String] = [],
                            archived: Bool = false) -> HubSpotRequest {
        var request = HubSpotRequest(.get, basePath, query: [("limit", String(min(max(limit, 1), 100)))])
        request.add("after", after)
        request.add("properties", each: properties)
        request.add("propertiesWithHistory", each: propertiesWithHistory)
        request.add("associations", each: associations)
        if archived { request.add("archived", "true") }
        return request
    }

    public func createRequest(_ properties: [String: String], associations: [AssociationInput] = []) -> HubSpotRequest {
        HubSpotRequest(.post, basePath, json: ObjectBodies.Create(properties: properties, associations: associations))
    }

    public func updateRequest(_ id: String, _ properties: [String: String], idProperty: String? = nil) -> HubSpotRequest {
        var request = HubSpotRequest(.patch, path(id), json: ObjectBodies.Update(properties: properties))
        request.add("idProperty", idProperty)
        return request
    }

    public func archiveRequest(_ id: String) -> HubSpotRequest { HubSpotRequest(.delete, path(id)) }

    public func mergeRequest(primaryId: String, mergeId: String) -> HubSpotRequest {
        HubSpotRequest(.post, basePath + "/merge", json: ObjectBodies.Merge(primaryObjectId: primaryId, objectIdToMerge: mergeId))
    }

    public func gdprDeleteRequest(_ id: String, idProperty: String? = nil) -> HubSpotRequest {
        HubSpotRequest(.post, basePath + "/gdpr-delete", json: ObjectBodies.GDPRDelete(objectId: id, idProperty: idProperty))
    }

    // MARK: Typed calls

    /// Reads one record by id, or by the value of a unique property (`idProperty: "email"`).
    ///
    /// - Throws: ``HubSpotError``; `isNotFound` when there is no such record.
    public func get(_ id: String, idProperty: String? = nil, properties: [String] = [],
                    propertiesWithHistory: [String] = [], associations: [String] = [],
                    archived: Bool = false) async throws -> CRMObject {
        let request = getRequest(id, idProperty: idProperty, properties: properties,
                                 propertiesWithHistory: propertiesWithHistory, associations: associations, archived: archived)
        return try await client.send(request, as: CRMObject.self)
    }

    /// Reads one record, or returns nil when it does not exist.
    ///
    /// - Throws: ``HubSpotError`` for anything but not-found.
    public func getIfPresent(_ id: String, idProperty: String? = nil, properties: [String] = [],
                             associations: [String] = []) async throws -> CRMObject? {
        do { return try await get(id, idProperty: idProperty, properties: properties, associations: associations) }
        catch let error as HubSpotError where error.isNotFound { return nil }
    }

    /// Reads one page of records (at most 100).
    ///
    /// - Throws: ``HubSpotError``.
    public func list(limit: Int = 100, after: String? = nil, properties: [String] = [],
                     propertiesWithHistory: [String] = [], associations: [String] = [],
                     archived: Bool = false) async throws -> Page<CRMObject> {
        let request = listRequest(limit: limit, after: after, properties: properties,
                                  propertiesWithHistory: propertiesWithHistory, associations: associations, archived: archived)
        return try await client.send(request, as: CollectionResponse<CRMObject>.self).page
    }

    /// Every record of the type, page by page as the loop asks.
    public func all(properties: [String] = [], associations: [String] = [], archived: Bool = false) -> PagedSequence<CRMObject> {
        let api = self
        return PagedSequence { after in
            try await api.list(limit: 100, after: after, properties: properties, associations: associations, archived: archived)
        }
    }

    /// Creates a record, with associations given by type id.
    ///
    /// - Throws: ``HubSpotError`` (409 `CONFLICT` for a duplicate unique value).
    public func create(_ properties: [String: String], associations: [AssociationInput] = []) async throws -> CRMObject {
        try await client.send(createRequest(properties, associations: associations), as: CRMObject.self)
    }

    /// Creates a record associated with other records, resolving labels to type ids.
    ///
    /// ```swift
    /// try await client.objects(.contacts).create(["email": "a@b.c"],
    ///     associatedWith: [AssociationTarget(.companies, "123")])
    /// ```
    ///
    /// - Throws: ``HubSpotError``; `.invalidRequest` for an unknown label.
    public func create(_ properties: [String: String], associatedWith targets: [AssociationTarget]) async throws -> CRMObject {
        var inputs: [AssociationInput] = []
        for target in targets {
            let spec = try await client.associations.resolve(from: type, to: target.toType, target.label)
            inputs.append(AssociationInput(toId: target.toId, types: [spec]))
        }
        return try await create(properties, associations: inputs)
    }

    /// Updates properties of a record given by id or unique property value.
    ///
    /// - Throws: ``HubSpotError``.
    @discardableResult
    public func update(_ id: String, _ properties: [String: String], idProperty: String? = nil) async throws -> CRMObject {
        try await client.send(updateRequest(id, properties, idProperty: idProperty), as: CRMObject.self)
    }

    /// Archives (deletes) a record. Archiving a missing record succeeds, as in HubSpot.
    ///
    /// - Throws: ``HubSpotError``.
    public func archive(_ id: String) async throws {
        _ = try await client.send(archiveRequest(id))
    }

    /// Merges `mergeId` into `primaryId` and returns the surviving record.
    ///
    /// - Throws: ``HubSpotError``.
    public func merge(primaryId: String, mergeId: String) async throws -> CRMObject {
        try await client.send(mergeRequest(primaryId: primaryId, mergeId: mergeId), as: CRMObject.self)
    }

    /// Permanently deletes a contact and its data under GDPR (contacts only).
    ///
    /// - Throws: ``HubSpotError``.
    public func gdprDelete(_ id: String, idProperty: String? = nil) async throws {
        _ = try await client.send(gdprDeleteRequest(id, idProperty: idProperty))
    }
}
