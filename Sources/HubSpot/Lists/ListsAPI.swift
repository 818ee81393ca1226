/// Lists v3: create and read lists, search them, and change and read their members.
///
/// ```swift
/// let list = try await client.lists.create(name: "Q3 leads", objectType: .contacts)
/// try await client.lists.add(list.listId, recordIds: ["101", "102"])
/// for try await member in client.lists.members(list.listId) { print(member.recordId) }
/// ```
public struct ListsAPI: Sendable {
    public let client: HubSpotClient
    var basePath: String { client.version.prefix(.lists) }
    func path(_ id: String) -> String { basePath + "/" + HubSpotRequest.segment(id) }
}

extension HubSpotClient {
    /// Lists v3.
    public var lists: ListsAPI { ListsAPI(client: self) }
}

extension ListsAPI {
    struct Create: Encodable {
        var name: String
        var objectTypeId: String
        var processingType: ListProcessing
        var filterBranch: JSONValue?
        var listFolderId: Int?
    }
    struct Search: Encodable {
        var query: String?
        var offset: Int
        var count: Int
        var processingTypes: [String]?
        var additionalProperties: [String]
    }
    struct SearchResponse: Decodable {
        var lists: [HubSpotList]
        var hasMore: Bool
        var offset: Int
        var total: Int?
    }
    struct ListEnvelope: Decodable { var list: HubSpotList }

    public func createRequest(name: String, objectType: ObjectType, processing: ListProcessing = .manual,
                              filterBranch: JSONValue? = nil, folderId: Int? = nil) throws -> HubSpotRequest {
        guard let typeId = objectType.typeId else {
            throw HubSpotError.invalid("lists need an object type id (e.g. 0-1 or 2-1234567); \(objectType) has none")
        }
        return HubSpotRequest(.post, basePath, json: Create(name: name, objectTypeId: typeId, processingType: processing,
                                                            filterBranch: filterBranch, listFolderId: folderId))
    }

    public func membershipRequest(_ listId: String, add: Bool, recordIds: [String]) -> HubSpotRequest {
        HubSpotRequest(.put, path(listId) + (add ? "/memberships/add" : "/memberships/remove"), json: recordIds)
    }

    public func membersRequest(_ listId: String, after: String? = nil, limit: Int = 250) -> HubSpotRequest {
        var request = HubSpotRequest(.get, path(listId) + "/memberships", query: [("limit", String(limit))])
        request.add("after", after)
        return request
    }

    /// Creates a list; `MANUAL` lists take members by ``add(_:recordIds:)``.
    ///
    /// - Throws: ``HubSpotError`` (`.invalidRequest` for a custom type given by name, which has no type id).
    public func create(name: String, objectType: ObjectType, processing: ListProcessing = .manual,
                       filterBranch: JSONValue? = nil, folderId: Int? = nil) async throws -> HubSpotList {
        let request = try createRequest(name: name, objectType: objectType, processing: processing,
                                        filterBranch: filterBranch, folderId: folderId)
        return try await client.send(request, as: ListEnvelope.self).list
    }

    /// One list by id.
    ///
    /// - Throws: ``HubSpotError``.
    public func get(_ listId: String) async throws -> HubSpotList {
        try await client.send(HubSpotRequest(.get, path(listId)), as: ListEnvelope.self).list
    }

    /// Archives a list.
    ///
    /// - Throws: ``HubSpotError``.
    public func archive(_ listId: String) async throws { _ = try await client.send(HubSpotRequest(.delete, path(listId))) }

    /// One page of lists whose name matches `query`.
    ///
    /// - Throws: ``HubSpotError``.
    public func search(query: String? = nil, offset: Int = 0, count: Int = 100, processing: [ListProcessing] = []) async throws -> Page<HubSpotList> {
        let body = Search(query: query, offset: offset, count: count,
                          processingTypes: processing.isEmpty ? nil : processing.map(\.rawValue), additionalProperties: [])
        let response = try await client.send(HubSpotRequest(.post, basePath + "/search", json: body), as: SearchResponse.self)
        return Page(results: response.lists, after: response.hasMore ? String(response.offset) : nil, total: response.total)
    }

    /// Every list matching `query`, over all pages.
    public func searchAll(query: String? = nil, processing: [ListProcessing] = []) -> PagedSequence<HubSpotList> {
        let api = self
        return PagedSequence { after in
            try await api.search(query: query, offset: after.flatMap { Int($0) } ?? 0, processing: processing)
        }
    }

    /// Adds records to a `MANUAL` or `SNAPSHOT` list.
    ///
    /// - Throws: ``HubSpotError``.
    @discardableResult
    public func add(_ listId: String, recordIds: [String]) async throws -> MembershipsUpdate {
        try await client.send(membershipRequest(listId, add: true, recordIds: recordIds), as: MembershipsUpdate.self)
    }

    /// Removes records from a list.
    ///
    /// - Throws: ``HubSpotError``.
    @discardableResult
    public func remove(_ listId: String, recordIds: [String]) async throws -> MembershipsUpdate {
        try await client.send(membershipRequest(listId, add: false, recordIds: recordIds), as: MembershipsUpdate.self)
    }

    /// One page of a list's members.
    ///
    /// - Throws: ``HubSpotError``.
    public func membersPage(_ listId: String, after: String? = nil, limit: Int = 250) async throws -> Page<ListMember> {
        try await client.send(membersRequest(listId, after: after, limit: limit), as: CollectionResponse<ListMember>.self).page
    }

    /// Every member of a list, over all pages.
    public func members(_ listId: String) -> PagedSequence<ListMember> {
        let api = self
        return PagedSequence { after in try await api.membersPage(listId, after: after) }
    }
}
