import Foundation
import HubSpot
import LuaKit

extension Collection {
    static let searchOptions: Set<String> = ["where", "query", "sort", "properties", "limit", "after"]

    /// Reads a search's options table at position 2.
    func searchRequest(_ call: LuaCall, allowed: Set<String> = searchOptions) throws -> SearchRequest {
        let options = try Options(call, 2, allowed: allowed)
        var search = SearchRequest(filterGroups: try Where.groups(options["where"], position: 2),
                                   query: try options.string("query"), sorts: try Where.sorts(options["sort"], position: 2),
                                   properties: try options.strings("properties"))
        if let limit = try options.integer("limit") { search.limit = limit }
        search.after = try options.string("after")
        return search
    }

    /// Builds the search request, turning the client's limit checks into the script's error.
    func validated(_ search: SearchRequest) throws -> HubSpotRequest {
        try api.searchRequest(search)
    }

    /// `c:search{where=, query=, sort=, properties=, limit=, after=}`: one page `{results=, total=, after=}`.
    func search(_ call: LuaCall) throws -> LuaResults {
        let request = try validated(try searchRequest(call))
        let client = module.client
        return try bridge.perform(call, { try await client.send(request).body }) { body, stack in
            try Records.pushPage(body, onto: stack)
            return 1
        }
    }

    /// `c:first{...}`: the first match, or nil.
    func first(_ call: LuaCall) throws -> LuaResults {
        var search = try searchRequest(call, allowed: Self.searchOptions.subtracting(["limit"]))
        search.limit = 1
        let request = try validated(search)
        let client = module.client
        return try bridge.perform(call, { try await client.send(request).body }) { body, stack in
            try Records.pushPage(body, onto: stack)
            stack.pushField("results", of: -1)
            stack.pushElement(1, of: -1)
            stack.remove(at: -2)
            stack.remove(at: -2)
            return 1
        }
    }

    /// `c:count{where=, query=}`: the number of matches.
    func count(_ call: LuaCall) throws -> LuaResults {
        var search = try searchRequest(call, allowed: ["where", "query"])
        search.limit = 1
        let request = try validated(search)
        let client = module.client
        return try bridge.perform(call, { try await client.send(request).body }) { body, stack in
            try Records.decode(body, onto: stack)
            if stack.pushField("total", of: -1) != .number { stack.pop(); stack.push(0) }
            stack.remove(at: -2)
            return 1
        }
    }

    /// `c:find{where=, query=, sort=, properties=}`: an iterator over every match, past
    /// HubSpot's 10,000-result cap (the client's keyset paging on `hs_object_id`).
    func find(_ call: LuaCall) throws -> LuaResults {
        let search = try searchRequest(call, allowed: Self.searchOptions.subtracting(["after"]))
        _ = try validated(search)
        var full = search
        if full.limit == 100 { full.limit = SearchRequest.maxLimit }
        let pages = SearchPages(api.searchAllPages(full))
        let bridge = self.bridge
        call.stack.reserve(3)
        module.shared.pager.push(onto: call.stack)
        call.stack.push(function: { fetch in
            try bridge.perform(fetch, { try await pages.next() }) { body, stack in
                guard let body else { stack.pushNil(); stack.push(true); return 2 }
                try Records.pushPage(body, onto: stack)
                stack.pushField("results", of: -1)
                stack.remove(at: -2)
                stack.push(false)
                return 2
            }
        })
        try call.stack.call(arguments: 1, results: 1)
        return .values(1)
    }
}

/// The search page iterator of one `c:find` loop, advanced by one Task at a time.
///
/// Unchecked-Sendable: the iterator is only touched by the fetch in flight, and a Lua
/// iterator never asks for the next page before the previous one arrived.
final class SearchPages: @unchecked Sendable {
    private var iterator: SearchPageSequence.AsyncIterator

    init(_ pages: SearchPageSequence) { iterator = pages.makeAsyncIterator() }

    func next() async throws -> Data? { try await iterator.next()?.body }
}
