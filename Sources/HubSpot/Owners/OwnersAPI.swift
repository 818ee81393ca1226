/// The account's owners (users who can own records).
///
/// ```swift
/// for try await owner in client.owners.all() { print(owner.email ?? owner.id) }
/// ```
public struct OwnersAPI: Sendable {
    public let client: HubSpotClient
    var basePath: String { client.version.prefix(.owners) }
}

extension HubSpotClient {
    /// The account's owners.
    public var owners: OwnersAPI { OwnersAPI(client: self) }
}

extension OwnersAPI {
    public func listRequest(email: String? = nil, after: String? = nil, limit: Int = 100, archived: Bool = false) -> HubSpotRequest {
        var request = HubSpotRequest(.get, basePath, query: [("limit", String(limit))])
        request.add("email", email)
        request.add("after", after)
        if archived { request.add("archived", "true") }
        return request
    }

    /// One page of owners, optionally only the one with `email`.
    ///
    /// - Throws: ``HubSpotError``.
    public func page(email: String? = nil, after: String? = nil, limit: Int = 100, archived: Bool = false) async throws -> Page<Owner> {
        try await client.send(listRequest(email: email, after: after, limit: limit, archived: archived),
                              as: CollectionResponse<Owner>.self).page
    }

    /// Every owner, over all pages.
    public func all(email: String? = nil, archived: Bool = false) -> PagedSequence<Owner> {
        let api = self
        return PagedSequence { after in try await api.page(email: email, after: after, archived: archived) }
    }

    /// One owner by owner id, or by user id with `byUserId: true`.
    ///
    /// - Throws: ``HubSpotError``.
    public func get(_ id: String, byUserId: Bool = false) async throws -> Owner {
        var request = HubSpotRequest(.get, basePath + "/" + HubSpotRequest.segment(id))
        if byUserId { request.add("idProperty", "userId") }
        return try await client.send(request, as: Owner.self)
    }
}
