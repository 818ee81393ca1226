/// Every match of a search, past HubSpot's 10,000-result cap, by keyset paging on
/// `hs_object_id` (see ``ObjectsAPI/searchAll(_:)``).
public struct SearchSequence: AsyncSequence, Sendable {
    public typealias Element = CRMObject
    public static let keyProperty = "hs_object_id"

    let api: ObjectsAPI
    let search: SearchRequest

    public func makeAsyncIterator() -> Iterator { Iterator(plan: Plan(search), api: api) }

    /// Gathers every match into an array.
    ///
    /// - Throws: ``HubSpotError`` from any page, or when the matches cannot be read in full.
    public func collect() async throws -> [CRMObject] {
        var all: [CRMObject] = []
        for try await element in self { all.append(element) }
        return all
    }

    /// How the search is paged: the base request, the keyset direction, and why keyset paging is impossible.
    struct Plan: Sendable {
        var base: SearchRequest
        var keyDirection: SearchSort.Direction?
        var keysetProblem: String?

        init(_ search: SearchRequest) {
            base = search
            if search.sorts.isEmpty {
                base.sorts = [SearchSort(SearchSequence.keyProperty, .ascending)]
                keyDirection = .ascending
            } else if search.sorts.count == 1, search.sorts[0].propertyName == SearchSequence.keyProperty {
                keyDirection = search.sorts[0].direction
            } else {
                keyDirection = nil
                keysetProblem = "it sorts by \(search.sorts.map(\.propertyName).joined(separator: ", ")), and reading past the cap pages by \(SearchSequence.keyProperty); remove the sort (and sort the results yourself) or narrow the filters"
            }
            if keysetProblem == nil {
                let groups = Swift.max(1, search.filterGroups.count)
                let total = search.filterGroups.reduce(0) { $0 + $1.filters.count }
                if let crowded = search.filterGroups.firstIndex(where: { $0.filters.count >= SearchRequest.maxFiltersPerGroup }) {
                    keysetProblem = "reading past the cap adds a filter on \(SearchSequence.keyProperty) to every group, and group \(crowded + 1) already has \(SearchRequest.maxFiltersPerGroup) filters (at most \(SearchRequest.maxFiltersPerGroup - 1) leave room)"
                } else if total + groups > SearchRequest.maxFilters {
                    keysetProblem = "reading past the cap adds a filter on \(SearchSequence.keyProperty) to each of \(groups) groups, which would make \(total + groups) filters (HubSpot allows \(SearchRequest.maxFilters))"
                }
            }
            if base.limit > SearchRequest.maxLimit { base.limit = SearchRequest.maxLimit }
        }

        /// The request for the page after `after`, keyed past `lastId` when given.
        func request(after: String?, lastId: String?) -> SearchRequest {
            var request = base
            request.after = after
            guard let lastId, let direction = keyDirection else { return request }
            let key = Filter(SearchSequence.keyProperty, direction == .ascending ? .gt : .lt, lastId)
            request.filterGroups = request.filterGroups.isEmpty
                ? [FilterGroup([key])]
                : request.filterGroups.map { FilterGroup($0.filters + [key]) }
            return request
        }
    }

    public struct Iterator: AsyncIteratorProtocol {
        var pages: SearchPageSequence.Iterator
        let api: ObjectsAPI
        var buffer: [CRMObject] = []
        var index = 0

        init(plan: Plan, api: ObjectsAPI) {
            self.pages = SearchPageSequence.Iterator(plan: plan, api: api)
            self.api = api
        }

        public mutating func next() async throws -> CRMObject? {
            while index >= buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = try api.client.decode(CollectionResponse<CRMObject>.self, page.response, page.request).results
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}

/// The pages of ``ObjectsAPI/searchAll(_:)`` as raw responses, for callers that decode
/// the bytes themselves (the Lua bindings): the same keyset paging past 10,000.
public struct SearchPageSequence: AsyncSequence, Sendable {
    public typealias Element = HTTPResponse
    let api: ObjectsAPI
    let search: SearchRequest

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(inner: Iterator(plan: SearchSequence.Plan(search), api: api)) }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var inner: Iterator
        public mutating func next() async throws -> HTTPResponse? { try await inner.next()?.response }
    }

    /// Only what paging needs from a page: the ids, the total and the cursor.
    struct Summary: Decodable {
        struct Item: Decodable { var id: String }
        var results: [Item]
        var total: Int?
        var paging: PagingEnvelope.Paging?
    }

    struct Iterator {
        let plan: SearchSequence.Plan
        let api: ObjectsAPI
        var after: String?
        /// The last id seen, and the id the current run of pages is keyed past.
        var lastId: String?
        var keyFrom: String?
        var finished = false
        var checkedTotal = false

        init(plan: SearchSequence.Plan, api: ObjectsAPI) {
            self.plan = plan
            self.api = api
            self.after = plan.base.after
        }

        /// The next page (possibly empty, when the search matches nothing), or nil at the end.
        mutating func next() async throws -> (response: HTTPResponse, request: HubSpotRequest)? {
            if finished { return nil }
            let request = plan.request(after: after, lastId: keyFrom)
            let http = try api.searchRequest(request)
            let response = try await api.client.send(http)
            let page = try api.client.decode(Summary.self, response, http)
            let pageAfter = page.paging?.next?.after
            if !checkedTotal {
                checkedTotal = true
                if let total = page.total, total > SearchRequest.maxResults, let problem = plan.keysetProblem {
                    throw HubSpotError.invalid("search matches \(total) records, past HubSpot's \(SearchRequest.maxResults)-result cap, and cannot be read in full: \(problem)",
                                               method: "POST", path: api.basePath + "/search")
                }
            }
            if let last = page.results.last { lastId = last.id }
            let offset = Int(request.after ?? "0") ?? 0
            let reached = offset + page.results.count
            if page.results.isEmpty { finished = true; return (response, http) }
            if let next = pageAfter, let nextOffset = Int(next), nextOffset + request.limit <= SearchRequest.maxResults {
                after = next
                return (response, http)
            }
            // No next page within the cap. HubSpot either stops offering `after` at the cap or
            // offers one it will refuse; when the total says more remain, restart keyed past the last id.
            let more = pageAfter != nil || (page.total ?? 0) > reached
            guard more, reached + request.limit > SearchRequest.maxResults || pageAfter != nil,
                  plan.keyDirection != nil, let lastId else { finished = true; return (response, http) }
            keyFrom = lastId
            after = nil
            return (response, http)
        }
    }
}

extension ObjectsAPI {
    /// Every page of a search past the 10,000-result cap, as raw responses (see ``searchAll(_:)``).
    public func searchAllPages(_ search: SearchRequest) -> SearchPageSequence { SearchPageSequence(api: self, search: search) }
}
