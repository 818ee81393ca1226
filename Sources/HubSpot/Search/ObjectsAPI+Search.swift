extension ObjectsAPI {
    /// Builds the search request after checking HubSpot's limits.
    ///
    /// - Throws: ``HubSpotError`` (`.invalidRequest`) when the search breaks a limit.
    public func searchRequest(_ search: SearchRequest) throws -> HubSpotRequest {
        try search.validate()
        return HubSpotRequest(.post, basePath + "/search", json: search)
    }

    /// Runs one page of a search: at most 200 results, with the total and the next cursor.
    ///
    /// - Throws: ``HubSpotError``; `.invalidRequest`, before sending, when a limit is broken.
    public func search(_ search: SearchRequest) async throws -> Page<CRMObject> {
        try await client.send(try searchRequest(search), as: CollectionResponse<CRMObject>.self).page
    }

    /// Every match of a search, past HubSpot's 10,000-result cap.
    ///
    /// Without a sort, results come in `hs_object_id` order; near the cap the
    /// sequence restarts paging with an extra filter `hs_object_id > last seen` in
    /// each group. That filter needs room: at most 5 filters in each group and 17 in
    /// all (a search without groups gets one). A sort on `hs_object_id` (either way)
    /// is kept; any other sort is kept only while the matches fit under the cap —
    /// with more, the first page throws rather than silently dropping results or
    /// the order asked for.
    ///
    /// ```swift
    /// let search = SearchRequest(where: [Filter("lifecyclestage", .eq, "lead")], properties: ["email"])
    /// for try await lead in client.objects(.contacts).searchAll(search) { … }
    /// ```
    public func searchAll(_ search: SearchRequest) -> SearchSequence { SearchSequence(api: self, search: search) }

    /// The number of matches.
    ///
    /// - Throws: ``HubSpotError``.
    public func count(_ search: SearchRequest) async throws -> Int {
        var one = search
        one.limit = 1
        one.after = nil
        return try await self.search(one).total ?? 0
    }

    /// The first match, or nil.
    ///
    /// - Throws: ``HubSpotError``.
    public func first(_ search: SearchRequest) async throws -> CRMObject? {
        var one = search
        one.limit = 1
        return try await self.search(one).results.first
    }
}
