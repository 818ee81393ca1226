import Foundation

extension HubSpotClient {
    /// Calls any endpoint: method, path, query and JSON body in, status, headers and body out.
    ///
    /// Auth, rate limiting and retries apply as for every other call. Error statuses
    /// are returned, not thrown, so the caller sees exactly what HubSpot said.
    ///
    /// ```swift
    /// let response = try await client.request(.get, "/crm/v3/objects/contacts", query: [("limit", "5")])
    /// print(response.status, String(decoding: response.body, as: UTF8.self))
    /// ```
    ///
    /// - Throws: ``HubSpotError`` only when no response arrived or the deadline passed.
    public func request(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [],
                        body: Data? = nil, host: HubSpotRequest.Host = .api) async throws -> HTTPResponse {
        try await exchange(HubSpotRequest(method, path, query: query, body: body, host: host))
    }

    /// Like ``request(_:_:query:body:host:)`` with a ``JSONValue`` body.
    ///
    /// - Throws: ``HubSpotError`` only when no response arrived or the deadline passed.
    public func request(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], json: JSONValue) async throws -> HTTPResponse {
        try await request(method, path, query: query, body: json.encoded())
    }

    /// Every page of a paged endpoint, following `paging.next.after`; each element
    /// is one page's whole response (decode `results` yourself).
    ///
    /// The `after` query item is replaced on each page (for a POST with a JSON
    /// object body, such as search, the body's `after` member instead). A non-2xx
    /// page throws.
    ///
    /// ```swift
    /// for try await page in client.pages(.get, "/crm/v3/owners") { … page.body … }
    /// ```
    public func pages(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: Data? = nil) -> RawPageSequence {
        RawPageSequence(client: self, request: HubSpotRequest(method, path, query: query, body: body))
    }
}

/// The pages of a raw paged request, as responses (see ``HubSpotClient/pages(_:_:query:body:)``).
public struct RawPageSequence: AsyncSequence, Sendable {
    public typealias Element = HTTPResponse
    let client: HubSpotClient
    let request: HubSpotRequest

    public func makeAsyncIterator() -> Iterator { Iterator(client: client, request: request) }

    public struct Iterator: AsyncIteratorProtocol {
        let client: HubSpotClient
        var request: HubSpotRequest
        var finished = false

        public mutating func next() async throws -> HTTPResponse? {
            if finished { return nil }
            let response = try await client.send(request)
            let after = (try? JSONDecoder().decode(PagingEnvelope.self, from: response.body))?.after
            let previous = request.query.last { $0.name == "after" }?.value
            if let after, !after.isEmpty, after != previous {
                if request.method == .post, let body = request.body, case .object(var object)? = try? JSONValue.decode(body) {
                    // Search-style endpoints take the cursor in the body.
                    guard object["after"]?.stringValue != after else { finished = true; return response }
                    object["after"] = .string(after)
                    request.body = JSONValue.object(object).encoded()
                } else {
                    request.query.removeAll { $0.name == "after" }
                    request.query.append((name: "after", value: after))
                }
            } else {
                finished = true
            }
            return response
        }
    }
}
