import Foundation
import HubSpot
import LuaKit

/// `hubspot.request{method=, path=, query=, body=, paginate=}`: any endpoint, with the
/// client's auth, rate limiting and retries.
extension Module {
    func request(_ call: LuaCall) throws -> LuaResults {
        let options = try Options(call, 1, allowed: ["method", "path", "query", "body", "paginate"])
        let methodName = (try options.string("method") ?? "GET").uppercased()
        guard ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"].contains(methodName) else {
            throw LuaArgumentError.message(1, "invalid method '\(methodName)'")
        }
        let method = HTTPMethod(methodName)
        guard let path = try options.string("path") else { throw LuaArgumentError.message(1, "option 'path' is required") }
        let query = try queryItems(options)
        var body: Data?
        switch options["body"] {
        case .nil: break
        case .string(let text): body = Data(text.utf8)
        case .table:
            call.stack.pushField("body", of: 1)
            defer { call.stack.pop() }
            body = Data(try LuaJSON.encode(call.stack, at: -1))
        default: throw options.bad("body", "a table (sent as JSON) or a string")
        }
        if try options.bool("paginate") {
            return try paginate(call, HubSpotRequest(method, path, query: query, body: body))
        }
        let client = self.client, request = HubSpotRequest(method, path, query: query, body: body)
        return try bridge.perform(call, { try await client.exchange(request) }) { response, stack in
            stack.reserve(4)
            stack.newTable(fieldCapacity: 3)
            stack.push(response.status)
            stack.setField("status", in: -2)
            stack.newTable()
            for (name, value) in response.headers.fields { stack.push(value); stack.setField(name.lowercased(), in: -2) }
            stack.setField("headers", in: -2)
            let type = response.headers["Content-Type"] ?? ""
            if response.body.isEmpty {
                stack.pushNil()
            } else if type.contains("json") || type.isEmpty, (try? Records.decode(response.body, onto: stack)) != nil {
                // decoded
            } else {
                response.body.withUnsafeBytes { stack.push(bytes: $0) }
            }
            stack.setField("body", in: -2)
            return 1
        }
    }

    /// `query = {limit = 10, properties = {"a", "b"}}`: repeated names from lists.
    private func queryItems(_ options: Options) throws -> [(String, String)] {
        switch options["query"] {
        case .nil: return []
        case .table(let t):
            var items: [(String, String)] = []
            for (key, value) in t.fields.sorted(by: { ($0.key.stringValue ?? "") < ($1.key.stringValue ?? "") }) {
                guard let name = key.stringValue else { throw options.bad("query", "a table of name = value") }
                if case .table(let list) = value {
                    for item in list.sequence {
                        guard let text = Arguments.propertyValue(item) else { throw options.bad("query", "a table of name = value") }
                        items.append((name, text))
                    }
                } else {
                    guard let text = Arguments.propertyValue(value) else { throw options.bad("query", "a table of name = value") }
                    items.append((name, text))
                }
            }
            return items
        default: throw options.bad("query", "a table of name = value")
        }
    }

    /// An iterator over the `results` of every page, following `paging.next.after`.
    private func paginate(_ call: LuaCall, _ request: HubSpotRequest) throws -> LuaResults {
        let pages = RawPages(client.pages(request.method, request.path, query: request.query.map { ($0.name, $0.value) }, body: request.body))
        let bridge = self.bridge
        call.stack.reserve(3)
        shared.pager.push(onto: call.stack)
        call.stack.push(function: { fetch in
            try bridge.perform(fetch, { try await pages.next() }) { body, stack in
                guard let body else { stack.pushNil(); stack.push(true); return 2 }
                try Records.decode(body, onto: stack)
                if stack.type(at: -1) != .table || stack.pushField("results", of: -1) != .table {
                    stack.pop()
                    stack.newTable()
                } else {
                    stack.remove(at: -2)
                }
                stack.push(false)
                return 2
            }
        })
        try call.stack.call(arguments: 1, results: 1)
        return .values(1)
    }
}

/// The page iterator of one `paginate = true` loop (one fetch in flight at a time).
final class RawPages: @unchecked Sendable {
    private var iterator: RawPageSequence.Iterator
    init(_ pages: RawPageSequence) { iterator = pages.makeAsyncIterator() }
    func next() async throws -> Data? { try await iterator.next()?.body }
}
