/// Every element of a paged HubSpot collection, fetched a page at a time as the
/// loop asks for more.
///
/// ```swift
/// for try await contact in client.objects(.contacts).all(properties: ["email"]) {
///     print(contact.properties["email"] ?? nil)
/// }
/// ```
///
/// Nothing is fetched until iteration starts; breaking out of the loop stops the
/// fetching. Each iteration starts again from the first page.
public struct PagedSequence<Element: Sendable>: AsyncSequence, Sendable {
    public typealias Fetch = @Sendable (_ after: String?) async throws -> Page<Element>
    let fetch: Fetch
    let start: String?

    /// - Parameters:
    ///   - start: the cursor of the first page to fetch (nil for the beginning).
    ///   - fetch: fetches the page after a cursor.
    public init(start: String? = nil, fetch: @escaping Fetch) {
        self.start = start
        self.fetch = fetch
    }

    public func makeAsyncIterator() -> Iterator { Iterator(fetch: fetch, after: start) }

    /// Gathers every element into an array.
    ///
    /// - Throws: ``HubSpotError`` from any page.
    public func collect() async throws -> [Element] {
        var all: [Element] = []
        for try await element in self { all.append(element) }
        return all
    }

    /// The pages themselves rather than their elements.
    public var pages: PageSequence<Element> { PageSequence(fetch: fetch, start: start) }

    public struct Iterator: AsyncIteratorProtocol {
        let fetch: Fetch
        var after: String?
        var buffer: [Element] = []
        var index = 0
        var finished = false

        public mutating func next() async throws -> Element? {
            while index >= buffer.count {
                if finished { return nil }
                let page = try await fetch(after)
                buffer = page.results
                index = 0
                if let next = page.after, !next.isEmpty, next != after { after = next } else { finished = true }
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}

/// The pages of a paged collection, one element per page.
public struct PageSequence<Element: Sendable>: AsyncSequence, Sendable {
    let fetch: PagedSequence<Element>.Fetch
    let start: String?

    public func makeAsyncIterator() -> Iterator { Iterator(fetch: fetch, after: start) }

    public struct Iterator: AsyncIteratorProtocol {
        let fetch: PagedSequence<Element>.Fetch
        var after: String?
        var finished = false

        public mutating func next() async throws -> Page<Element>? {
            if finished { return nil }
            let page = try await fetch(after)
            if let next = page.after, !next.isEmpty, next != after { after = next } else { finished = true }
            return page
        }
    }
}
