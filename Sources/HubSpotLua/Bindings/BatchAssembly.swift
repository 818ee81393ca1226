import Foundation
import HubSpot
import LuaKit

/// Puts a chunked batch's answers back in input order, in Lua: a results list with nil
/// holes where inputs failed, and the failures with their errors.
struct BatchAssembly {
    let stack: LuaStack
    let count: Int
    let matching: Collection.Matching

    /// Pushes the results list and returns 1, or throws the error table when an input failed.
    func push(_ chunks: [ChunkResponse]) throws -> Int32 {
        stack.reserve(8)
        stack.newTable(arrayCapacity: Int32(clamping: count))
        stack.setJSONArrayMark(at: -1)
        let results = stack.top
        var failures: [(Int, HubSpotError)] = []
        for chunk in chunks {
            switch chunk.result {
            case .failure(let error):
                failures += chunk.range.map { ($0, error) }
            case .success(let response):
                failures += try place(response, chunk.range, into: results)
            }
        }
        if failures.isEmpty { return 1 }
        failures.sort { $0.0 < $1.0 }
        let first = failures[0].1
        var summary = first
        summary.message = "\(failures.count) of \(count) inputs failed; first (input \(failures[0].0 + 1)): \(first.message)"
        summary.pushLuaError(onto: stack)
        stack.pushCopy(of: results)
        stack.setField("results", in: -2)
        stack.newTable(arrayCapacity: Int32(clamping: failures.count))
        for (n, (index, error)) in failures.enumerated() {
            stack.newTable(fieldCapacity: 2)
            stack.push(index + 1)
            stack.setField("index", in: -2)
            error.pushLuaError(onto: stack)
            stack.setField("error", in: -2)
            stack.setElement(Int64(n + 1), in: -2)
        }
        stack.setField("failures", in: -2)
        let object = LuaReference(stack: stack, index: -1)
        stack.pop(2)
        throw LuaPreparedError(object: object)
    }

    /// Sets the chunk's results at their inputs' places; returns the inputs that failed.
    private func place(_ response: HTTPResponse, _ range: Range<Int>, into results: Int32) throws -> [(Int, HubSpotError)] {
        let keys: [String], keyProperty: String?, created: [[String: String]]
        switch matching {
        case .none:
            for index in range { stack.push(true); stack.setElement(Int64(index + 1), in: results) }
            return []
        case .keyed(let k, let p): (keys, keyProperty, created) = (k, p, [])
        case .created(let inputs): (keys, keyProperty, created) = ([], nil, inputs)
        }
        try Records.decode(response.body, onto: stack)
        let body = stack.top
        defer { stack.top = body - 1 }
        var filled = Set<Int>()
        var byKey: [String: Int] = [:]
        for index in range where index < keys.count { byKey[keys[index]] = byKey[keys[index]] ?? index }
        var unkeyed: [Int32] = []
        if stack.pushField("results", of: body) == .table {
            let list = stack.top
            for i in 1...max(1, stack.rawLength(at: list)) where stack.rawLength(at: list) > 0 {
                stack.pushElement(Int64(i), of: list)
                Records.mark(stack, at: -1)
                if let index = target(of: stack.top, range, byKey, keyProperty, created: created, filled: filled), !filled.contains(index) {
                    filled.insert(index)
                    stack.setElement(Int64(index + 1), in: results)
                } else {
                    unkeyed.append(Int32(i))
                    stack.pop()
                }
            }
            // No trace ids or keys (creates on a server that does not echo them): input order.
            let open = range.filter { !filled.contains($0) }
            let errorsCount = stack.pushField("errors", of: body) == .table ? stack.rawLength(at: -1) : 0
            stack.pop()
            if errorsCount == 0, unkeyed.count == open.count {
                for (i, index) in zip(unkeyed, open) {
                    stack.pushElement(Int64(i), of: list)
                    stack.setElement(Int64(index + 1), in: results)
                    filled.insert(index)
                }
            }
        }
        stack.pop()
        let open = range.filter { !filled.contains($0) }
        if open.isEmpty { return [] }
        let errors = batchErrors(body, response)
        let leftovers = errors.filter { entry in !open.contains { index in index < keys.count && entry.keys.contains(keys[index]) } }
        return open.map { index in
            if index < keys.count, let entry = errors.first(where: { $0.keys.contains(keys[index]) }) { return (index, entry.error) }
            if leftovers.count == 1 || errors.count == 1 { return (index, (leftovers.first ?? errors[0]).error) }
            return (index, HubSpotError(kind: .http, status: response.status, category: errors.first?.error.category ?? "MISSING_RESULT",
                                        message: errors.isEmpty ? "HubSpot returned no result for input \(index + 1)"
                                                                : errors.map(\.error.message).joined(separator: "; "),
                                        method: "POST", path: nil))
        }
    }

    /// The input index a result belongs to: its `objectWriteTraceId`, else its key.
    private func target(of record: Int32, _ range: Range<Int>, _ byKey: [String: Int], _ keyProperty: String?,
                        created: [[String: String]], filled: Set<Int>) -> Int? {
        stack.pushField("objectWriteTraceId", of: record)
        let trace = stack.read(String.self, at: -1)
        stack.pop()
        if let trace, let index = Int(trace), range.contains(index) { return index }
        stack.pushField("id", of: record)
        let id = stack.read(String.self, at: -1)
        stack.pop()
        if let id, let index = byKey[id] { return index }
        if let keyProperty, stack.pushField("properties", of: record) == .table {
            stack.pushField(keyProperty, of: -1)
            let value = stack.read(String.self, at: -1)
            stack.pop(2)
            if let value, let index = byKey[value] ?? byKey.first(where: { $0.key.lowercased() == value.lowercased() })?.value { return index }
        } else if keyProperty != nil {
            stack.pop()
        }
        guard !created.isEmpty, stack.pushField("properties", of: record) == .table else {
            if !created.isEmpty { stack.pop() }
            return nil
        }
        defer { stack.pop() }
        let properties = stack.top
        return range.first { index in
            index < created.count && !filled.contains(index) && created[index].allSatisfy { name, value in
                stack.pushField(name, of: properties)
                defer { stack.pop() }
                let returned = stack.read(String.self, at: -1) ?? ""
                return returned == value || returned.lowercased() == value.lowercased()
            }
        }
    }

    /// The `errors` of a 207 body, each with the input keys its `context` names.
    private func batchErrors(_ body: Int32, _ response: HTTPResponse) -> [(keys: Set<String>, error: HubSpotError)] {
        guard stack.pushField("errors", of: body) == .table, let list = LuaValue.read(from: stack, at: -1)?.tableValue else {
            stack.pop()
            return []
        }
        stack.pop()
        return list.sequence.compactMap { entry in
            guard case .table(let e) = entry else { return nil }
            var context: [String: [String]] = [:]
            if case .table(let c) = e["context"] {
                for (k, v) in c.fields {
                    if let name = k.stringValue, case .table(let values) = v { context[name] = values.sequence.compactMap(\.stringValue) }
                }
            }
            let details: [HubSpotError.Detail] = (e["errors"].tableValue?.sequence ?? []).compactMap { d in
                guard case .table(let t) = d, let message = t["message"].stringValue else { return nil }
                return HubSpotError.Detail(message: message, code: t["code"].stringValue)
            }
            let error = HubSpotError(kind: .http, status: response.status, category: e["category"].stringValue,
                                     subCategory: e["subCategory"].stringValue, message: e["message"].stringValue ?? "batch input failed",
                                     correlationId: e["correlationId"].stringValue, errors: details, context: context)
            return (Set(context.values.flatMap { $0 }), error)
        }
    }
}
