/// A CRM search: filter groups (OR of ANDs), a full-text query, sorts, properties
/// and one page's position.
///
/// ```swift
/// var search = SearchRequest(filterGroups: [FilterGroup([Filter("lastname", .eq, "Smith")])])
/// search.sorts = [SearchSort("createdate", .descending)]
/// search.properties = ["email", "lastname"]
/// let page = try await client.objects(.contacts).search(search)
/// ```
///
/// HubSpot's limits are checked before sending (``validate()``): at most 5 groups,
/// 6 filters a group, 18 filters in all, 200 results a page, and `after + limit`
/// within the first 10,000 results.
public struct SearchRequest: Sendable, Hashable, Encodable {
    public static let maxGroups = 5
    public static let maxFiltersPerGroup = 6
    public static let maxFilters = 18
    public static let maxLimit = 200
    public static let maxResults = 10_000

    public var filterGroups: [FilterGroup]
    public var query: String?
    public var sorts: [SearchSort]
    public var properties: [String]
    public var limit: Int
    public var after: String?

    public init(filterGroups: [FilterGroup] = [], query: String? = nil, sorts: [SearchSort] = [],
                properties: [String] = [], limit: Int = 100, after: String? = nil) {
        self.filterGroups = filterGroups
        self.query = query
        self.sorts = sorts
        self.properties = properties
        self.limit = limit
        self.after = after
    }

    /// A search whose one group holds `filters` (all must match).
    public init(where filters: [Filter], properties: [String] = [], limit: Int = 100) {
        self.init(filterGroups: filters.isEmpty ? [] : [FilterGroup(filters)], properties: properties, limit: limit)
    }

    /// Checks HubSpot's search limits.
    ///
    /// - Throws: ``HubSpotError`` with kind `.invalidRequest`, naming the limit.
    public func validate() throws {
        if filterGroups.count > Self.maxGroups {
            throw HubSpotError.invalid("search has \(filterGroups.count) filter groups; HubSpot allows at most \(Self.maxGroups)")
        }
        for (index, group) in filterGroups.enumerated() where group.filters.count > Self.maxFiltersPerGroup {
            throw HubSpotError.invalid("search filter group \(index + 1) has \(group.filters.count) filters; HubSpot allows at most \(Self.maxFiltersPerGroup) per group")
        }
        let total = filterGroups.reduce(0) { $0 + $1.filters.count }
        if total > Self.maxFilters {
            throw HubSpotError.invalid("search has \(total) filters in all; HubSpot allows at most \(Self.maxFilters)")
        }
        for group in filterGroups { for filter in group.filters { try filter.validate() } }
        if limit < 1 || limit > Self.maxLimit {
            throw HubSpotError.invalid("search limit \(limit) is out of range; HubSpot allows 1 to \(Self.maxLimit)")
        }
        if let after {
            guard let offset = Int(after), offset >= 0 else {
                throw HubSpotError.invalid("search after \"\(after)\" is not a result offset")
            }
            if offset + limit > Self.maxResults {
                throw HubSpotError.invalid("search after \(offset) + limit \(limit) passes HubSpot's \(Self.maxResults)-result cap; use searchAll to read past it")
            }
        }
    }

    enum CodingKeys: String, CodingKey { case filterGroups, query, sorts, properties, limit, after }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(filterGroups, forKey: .filterGroups)
        try c.encodeIfPresent(query, forKey: .query)
        try c.encode(sorts, forKey: .sorts)
        try c.encode(properties, forKey: .properties)
        try c.encode(limit, forKey: .limit)
        try c.encodeIfPresent(after, forKey: .after)
    }
}
