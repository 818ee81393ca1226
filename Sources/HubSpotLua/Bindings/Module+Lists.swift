import Foundation
import HubSpot
import LuaKit

/// `hubspot.lists`: lists v3 (create, get, membership, members).
extension Module {
    func pushLists(onto stack: LuaStack) {
        stack.newTable(fieldCapacity: 5)
        function("create", in: stack) { module, call in try module.createList(call) }
        function("get", in: stack) { module, call in
            let id = try Arguments.id(call, 1)
            return try module.sendList(call, HubSpotRequest(.get, module.listPath(id)))
        }
        function("add", in: stack) { module, call in try module.changeMembers(call, add: true) }
        function("remove", in: stack) { module, call in try module.changeMembers(call, add: false) }
        function("members", in: stack) { module, call in try module.listMembers(call) }
    }

    func listPath(_ id: String) -> String { "/crm/v3/lists/" + HubSpotRequest.segment(id) }

    /// `hubspot.lists.create{name=, object_type=, processing="MANUAL"}`: the list, with `id`.
    func createList(_ call: LuaCall) throws -> LuaResults {
        let options = try Options(call, 1, allowed: ["name", "object_type", "processing"])
        guard let name = try options.string("name") else { throw LuaArgumentError.message(1, "option 'name' is required") }
        let type = try Arguments.objectType(try options.string("object_type") ?? "contacts", position: 1)
        let processingName = try options.string("processing") ?? "MANUAL"
        guard let processing = ListProcessing(rawValue: processingName.uppercased()) else {
            throw LuaArgumentError.message(1, "invalid processing '\(processingName)' (MANUAL, DYNAMIC or SNAPSHOT)")
        }
        return try sendList(call, try client.lists.createRequest(name: name, objectType: type, processing: processing))
    }

    /// Sends a request answered by `{list = {...}}` and pushes the list with `id = listId`.
    func sendList(_ call: LuaCall, _ request: HubSpotRequest) throws -> LuaResults {
        let client = self.client
        return try bridge.perform(call, { try await client.send(request).body }) { body, stack in
            try Records.decode(body, onto: stack)
            if stack.type(at: -1) == .table, stack.pushField("list", of: -1) == .table { stack.remove(at: -2) } else if stack.type(at: -1) != .table {
                return 1
            } else { stack.pop() }
            if stack.pushField("listId", of: -1) != .nil { stack.setField("id", in: -2) } else { stack.pop() }
            return 1
        }
    }

    /// `hubspot.lists.add(id, record_ids)` / `remove`: HubSpot's answer (`recordIdsAdded`,
    /// `recordIdsRemoved`, `recordIdsMissing`; HubSpot spells the first `recordsIdsAdded`,
    /// and both spellings are there).
    func changeMembers(_ call: LuaCall, add: Bool) throws -> LuaResults {
        let id = try Arguments.id(call, 1), records = try Arguments.ids(call, 2)
        let request = client.lists.membershipRequest(id, add: add, recordIds: records)
        let client = self.client
        return try bridge.perform(call, { try await client.send(request).body }) { body, stack in
            try Records.decode(body, onto: stack)
            if stack.type(at: -1) == .table, stack.pushField("recordIdsAdded", of: -1) == .nil {
                stack.pop()
                stack.pushField("recordsIdsAdded", of: -1)
                stack.setField("recordIdsAdded", in: -2)
            } else if stack.type(at: -1) == .table {
                stack.pop()
            }
            return 1
        }
    }

    /// `hubspot.lists.members(id)`: an iterator over the member record ids.
    func listMembers(_ call: LuaCall) throws -> LuaResults {
        let id = try Arguments.id(call, 1)
        let lists = client.lists
        return try pushPager(call, transform: { stack in
            // Each member is {recordId=, membershipTimestamp=}: keep the ids.
            let list = stack.top
            stack.newTable(arrayCapacity: Int32(clamping: stack.rawLength(at: list)))
            for i in 1...max(1, stack.rawLength(at: list)) where stack.rawLength(at: list) > 0 {
                stack.pushElement(Int64(i), of: list)
                stack.pushField("recordId", of: -1)
                stack.remove(at: -2)
                stack.setElement(Int64(i), in: -2)
            }
            stack.remove(at: list)
        }) { after in lists.membersRequest(id, after: after) }
    }
}
