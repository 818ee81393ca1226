/// One page of a paged HubSpot collection: its items and the cursor of the next page.
public struct Page<Element: Sendable>: Sendable {
    public var results: [Element]
    /// The `paging.next.after` cursor, nil on the last page.
    public var after: String?
    /// The total, for endpoints that report one (search).
    public var total: Int?

    public init(results: [Element], after: String?, total: Int? = nil) {
        self.results = results
        self.after = after
        self.total = total
    }
}

/// The `paging` envelope shared by HubSpot's collection responses.
struct PagingEnvelope: Decodable, Sendable {
    struct Next: Decodable, Sendable { var after: String? }
    struct Paging: Decodable, Sendable { var next: Next? }
    var paging: Paging?
    var after: String? { paging?.next?.after }
}

/// A HubSpot collection response: `results` plus `paging`.
struct CollectionResponse<Element: Decodable & Sendable>: Decodable, Sendable {
    var results: [Element]
    var paging: PagingEnvelope.Paging?
    var total: Int?

    var page: Page<Element> { Page(results: results, after: paging?.next?.after, total: total) }
}
