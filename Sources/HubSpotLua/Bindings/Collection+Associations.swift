import Foundation
import HubSpot
import LuaKit

/// Associations v4 and the type's schema (properties, pipelines).
extension Collection {
    /// `c:associate(id, to_type, to_id, label_or_type_id?)`: true.
    func associate(_ call: LuaCall) throws -> LuaResults {
        let id = try Arguments.id(call, 2), toType = try Arguments.objectType(call, 3), toId = try Arguments.id(call, 4)
        let label = try Arguments.label(call, 5) ?? .default
        let associations = module.client.associations, from = type
        return try bridge.perform(call, { try await associations.associate(from, id, to: toType, toId, label) }) { _, stack in
            stack.push(true)
            return 1
        }
    }

    /// `c:unassociate(id, to_type, to_id, label_or_type_id?)`: every type, or only the one given; true.
    func unassociate(_ call: LuaCall) throws -> LuaResults {
        let id = try Arguments.id(call, 2), toType = try Arguments.objectType(call, 3), toId = try Arguments.id(call, 4)
        let label = try Arguments.label(call, 5)
        let associations = module.client.associations, from = type
        return try bridge.perform(call, { try await associations.remove(from, id, to: toType, toId, label) }) { _, stack in
            stack.push(true)
            return 1
        }
    }

    /// `c:associations(id, to_type)`: `{{id=, types={{type_id=, label=, category=}}}}` over every page.
    func associations(_ call: LuaCall) throws -> LuaResults {
        let id = try Arguments.id(call, 2), toType = try Arguments.objectType(call, 3)
        let associations = module.client.associations, from = type
        return try bridge.perform(call, { try await associations.list(from, id, to: toType).collect() }) { records, stack in
            stack.reserve(6)
            stack.newTable(arrayCapacity: Int32(clamping: records.count))
            stack.setJSONArrayMark(at: -1)
            for (i, record) in records.enumerated() {
                stack.newTable(fieldCapacity: 2)
                stack.push(record.toObjectId)
                stack.setField("id", in: -2)
                stack.newTable(arrayCapacity: Int32(clamping: record.associationTypes.count))
                for (j, type) in record.associationTypes.enumerated() {
                    stack.newTable(fieldCapacity: 3)
                    stack.push(type.typeId)
                    stack.setField("type_id", in: -2)
                    if let label = type.label { stack.push(label); stack.setField("label", in: -2) }
                    stack.push(type.category.rawValue)
                    stack.setField("category", in: -2)
                    stack.setElement(Int64(j + 1), in: -2)
                }
                stack.setField("types", in: -2)
                stack.setElement(Int64(i + 1), in: -2)
            }
            return 1
        }
    }

    /// `c:properties()`: HubSpot's property definitions of the type, as HubSpot sends them.
    func properties(_ call: LuaCall) throws -> LuaResults {
        try sendResults(call, module.client.properties(type).listRequest())
    }

    /// `c:pipelines()`: the type's pipelines with their stages.
    func pipelines(_ call: LuaCall) throws -> LuaResults {
        try sendResults(call, module.client.pipelines(type).listRequest())
    }

    /// Sends a request whose body is `{results = [...]}` and pushes the list.
    func sendResults(_ call: LuaCall, _ request: HubSpotRequest) throws -> LuaResults {
        let client = module.client
        return try bridge.perform(call, { try await client.send(request).body }) { body, stack in
            try Records.decode(body, onto: stack)
            if stack.pushField("results", of: -1) != .table { stack.pop(); stack.newTable() }
            stack.remove(at: -2)
            return 1
        }
    }
}
