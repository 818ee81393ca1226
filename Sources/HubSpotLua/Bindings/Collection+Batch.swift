import Foundation
import HubSpot
import LuaKit

/// The batch methods: chunks of 100 sent concurrently by the client (`sendChunked`, within
/// the rate limit), answers decoded into Lua and put back in input order.
///
/// When any input fails, the call raises an error table that also carries what worked:
/// `err.results` (input order, nil where an input failed) and `err.failures`
/// (`{index =, error =}`), so a script can keep or retry without losing anything.
extension Collection {
    /// How a chunk's results find their inputs.
    enum Matching {
        /// By `objectWriteTraceId` (the input's index), then by `keys[index]` (an id or a
        /// unique property value) read from `id` or `properties[keyProperty]`.
        case keyed(keys: [String], keyProperty: String?)
        /// Creates: by `objectWriteTraceId`, else by content (the first open input whose
        /// properties the result carries), for servers that do not echo trace ids.
        case created(inputs: [[String: String]])
        /// Archive: nothing comes back; success is the whole chunk's.
        case none
    }

    func getMany(_ call: LuaCall) throws -> LuaResults {
        let ids = try Arguments.ids(call, 2)
        let options = try Options(call, 3, allowed: ["properties", "id_property", "history"])
        let idProperty = try options.string("id_property"), properties = try options.strings("properties")
        let history = try options.strings("history")
        let api = self.api
        return try runBatch(call, count: ids.count, matching: .keyed(keys: ids, keyProperty: idProperty)) { range in
            api.batchReadRequest(Array(ids[range]), idProperty: idProperty, properties: properties, propertiesWithHistory: history)
        }
    }

    func createMany(_ call: LuaCall) throws -> LuaResults {
        let items = try list(call, 2)
        _ = try Options(call, 3, allowed: [])
        let inputs = try items.map { item -> BatchCreateInput in
            if case .table(let props) = item["properties"] { return BatchCreateInput(properties: try Arguments.properties(props, position: 2)) }
            return BatchCreateInput(properties: try Arguments.properties(item, position: 2))
        }
        let api = self.api
        return try runBatch(call, count: inputs.count, matching: .created(inputs: inputs.map(\.properties))) { range in
            api.batchCreateRequest(Array(inputs[range]), offset: range.lowerBound)
        }
    }

    func updateMany(_ call: LuaCall) throws -> LuaResults {
        let items = try list(call, 2)
        let options = try Options(call, 3, allowed: ["id_property"])
        let idProperty = try options.string("id_property")
        let inputs = try items.map { try writeInput($0, idProperty: idProperty, position: 2) }
        let api = self.api
        return try runBatch(call, count: inputs.count, matching: .keyed(keys: inputs.map(\.id), keyProperty: idProperty)) { range in
            api.batchUpdateRequest(Array(inputs[range]), idProperty: idProperty, offset: range.lowerBound)
        }
    }

    func upsertMany(_ call: LuaCall) throws -> LuaResults {
        let items = try list(call, 2)
        let options = try Options(call, 3, allowed: ["id_property"])
        guard let idProperty = try options.string("id_property") else {
            throw LuaArgumentError.message(3, "option 'id_property' is required (the unique property to match on)")
        }
        let inputs = try items.map { try writeInput($0, idProperty: idProperty, position: 2) }
        let api = self.api
        return try runBatch(call, count: inputs.count, matching: .keyed(keys: inputs.map(\.id), keyProperty: idProperty)) { range in
            api.batchUpsertRequest(Array(inputs[range]), idProperty: idProperty, offset: range.lowerBound)
        }
    }

    func deleteMany(_ call: LuaCall) throws -> LuaResults {
        let ids = try Arguments.ids(call, 2)
        _ = try Options(call, 3, allowed: [])
        let api = self.api
        return try runBatch(call, count: ids.count, matching: .none) { range in api.batchArchiveRequest(Array(ids[range])) }
    }

    /// A list argument of tables.
    private func list(_ call: LuaCall, _ position: Int32) throws -> [LuaTable] {
        try call.table(position)
        let table = try call.value(position).tableValue ?? LuaTable()
        return try table.sequence.map { item in
            guard case .table(let t) = item else { throw LuaArgumentError.message(position, "list of tables expected, found a \(item.typeName)") }
            return t
        }
    }

    /// `{id =, properties = {...}}` or `{id =, name = value, ...}`; with an id property,
    /// its value may stand for the id.
    private func writeInput(_ item: LuaTable, idProperty: String?, position: Int32) throws -> BatchUpdateInput {
        let properties: [String: String]
        if case .table(let props) = item["properties"] {
            properties = try Arguments.properties(props, position: position)
        } else {
            properties = try Arguments.properties(item, position: position, skipping: ["id"])
        }
        guard let id = Arguments.idString(item["id"]) ?? idProperty.flatMap({ properties[$0] }) else {
            throw LuaArgumentError.message(position, "each input needs an id" + (idProperty.map { " or a '\($0)' value" } ?? ""))
        }
        return BatchUpdateInput(id: id, properties: properties)
    }

    /// Sends the chunks and pushes the results list (or raises the failure with the results).
    func runBatch(_ call: LuaCall, count: Int, matching: Matching,
                  _ makeRequest: @escaping @Sendable (Range<Int>) -> HubSpotRequest) throws -> LuaResults {
        let client = module.client
        if count == 0 {
            call.stack.newTable()
            call.stack.setJSONArrayMark(at: -1)
            return .values(1)
        }
        return try bridge.perform(call, { await client.sendChunked(count, makeRequest) }) { chunks, stack in
            try BatchAssembly(stack: stack, count: count, matching: matching).push(chunks)
        }
    }
}
