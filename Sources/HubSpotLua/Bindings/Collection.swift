import Foundation
import HubSpot
import LuaKit

/// One object type's records, as Lua sees them: `hubspot.contacts`, `hubspot.object("p_cars")`.
///
/// A full userdata named `hubspot.Collection` whose methods translate their arguments into
/// the client's request builders, send through the client and decode the bytes into Lua.
final class Collection {
    let module: Module
    let type: ObjectType
    var api: ObjectsAPI { module.client.objects(type) }
    var bridge: Bridge { module.bridge }

    init(module: Module, type: ObjectType) {
        self.module = module
        self.type = type
    }

    static func makeType() -> LuaUserdataType<Collection> {
        let type = LuaUserdataType<Collection>(name: "hubspot.Collection")
            .meta(.tostring) { c, call in call.stack.push("hubspot.\(c.type.name)"); return .values(1) }
        let methods: [(String, (Collection, LuaCall) throws -> LuaResults)] = [
            ("get", { try $0.get($1) }), ("create", { try $0.create($1) }), ("update", { try $0.update($1) }),
            ("delete", { try $0.delete($1) }), ("merge", { try $0.merge($1) }), ("list", { try $0.list($1) }),
            ("all", { try $0.all($1) }), ("search", { try $0.search($1) }), ("find", { try $0.find($1) }),
            ("first", { try $0.first($1) }), ("count", { try $0.count($1) }),
            ("get_many", { try $0.getMany($1) }), ("create_many", { try $0.createMany($1) }),
            ("update_many", { try $0.updateMany($1) }), ("upsert_many", { try $0.upsertMany($1) }),
            ("delete_many", { try $0.deleteMany($1) }),
            ("associate", { try $0.associate($1) }), ("unassociate", { try $0.unassociate($1) }),
            ("associations", { try $0.associations($1) }),
            ("properties", { try $0.properties($1) }), ("pipelines", { try $0.pipelines($1) }),
        ]
        for (name, body) in methods { type.method(name, body) }
        return type
    }

    /// Sends `request` and pushes the decoded record.
    func sendRecord(_ call: LuaCall, _ request: HubSpotRequest) throws -> LuaResults {
        let client = module.client
        return try bridge.perform(call, { try await client.send(request).body }) { body, stack in
            try Records.pushRecord(body, onto: stack)
            return 1
        }
    }

    // MARK: One record

    /// `c:get(id, {properties=, history=, associations=, id_property=, archived=})`: the record,
    /// or `nil, err` when HubSpot says it does not exist.
    func get(_ call: LuaCall) throws -> LuaResults {
        let id = try Arguments.id(call, 2)
        let options = try Options(call, 3, allowed: ["properties", "history", "associations", "id_property", "archived"])
        let request = api.getRequest(id, idProperty: try options.string("id_property"), properties: try options.strings("properties"),
                                     propertiesWithHistory: try options.strings("history"),
                                     associations: try options.strings("associations"), archived: try options.bool("archived"))
        let client = module.client
        return try bridge.perform(call, { () async throws -> Result<Data, HubSpotError> in
            do { return .success(try await client.send(request).body) }
            catch let error as HubSpotError where error.isNotFound { return .failure(error) }
        }) { outcome, stack in
            switch outcome {
            case .success(let body):
                try Records.pushRecord(body, onto: stack)
                return 1
            case .failure(let error):
                stack.pushNil()
                error.pushLuaError(onto: stack)
                return 2
            }
        }
    }

    /// `c:create(props, {associations = {{to_type=, to=, label=}}})`.
    func create(_ call: LuaCall) throws -> LuaResults {
        let properties = try Arguments.properties(call, 2)
        let options = try Options(call, 3, allowed: ["associations"])
        let targets = try associationTargets(options)
        let api = self.api, from = type
        return try bridge.perform(call, {
            var inputs: [AssociationInput] = []
            for target in targets {
                let spec = try await api.client.associations.resolve(from: from, to: target.toType, target.label)
                inputs.append(AssociationInput(toId: target.toId, types: [spec]))
            }
            return try await api.client.send(api.createRequest(properties, associations: inputs)).body
        }) { body, stack in
            try Records.pushRecord(body, onto: stack)
            return 1
        }
    }

    private func associationTargets(_ options: Options) throws -> [AssociationTarget] {
        guard case .table(let list) = options["associations"] else {
            if options["associations"] == .nil { return [] }
            throw options.bad("associations", "a list of {to_type=, to=, label=}")
        }
        return try list.sequence.map { item in
            guard case .table(let t) = item, let toType = t["to_type"].stringValue, let to = Arguments.idString(t["to"]) else {
                throw options.bad("associations", "a list of {to_type=, to=, label=}")
            }
            let label: AssociationLabelRef
            switch t["label"] {
            case .nil: label = .default
            case .string(let s): label = .label(s)
            case let value:
                guard let id = value.integerValue else { throw options.bad("associations", "a list of {to_type=, to=, label=}") }
                label = .typeId(Int(id))
            }
            return AssociationTarget(try Arguments.objectType(toType, position: options.position), to, label: label)
        }
    }

    /// `c:update(id, props, {id_property=})`.
    func update(_ call: LuaCall) throws -> LuaResults {
        let id = try Arguments.id(call, 2)
        let properties = try Arguments.properties(call, 3)
        let options = try Options(call, 4, allowed: ["id_property"])
        return try sendRecord(call, api.updateRequest(id, properties, idProperty: try options.string("id_property")))
    }

    /// `c:delete(id)`: archives the record; returns true.
    func delete(_ call: LuaCall) throws -> LuaResults {
        let id = try Arguments.id(call, 2)
        _ = try Options(call, 3, allowed: [])
        let client = module.client, request = api.archiveRequest(id)
        return try bridge.perform(call, { _ = try await client.send(request) }) { _, stack in
            stack.push(true)
            return 1
        }
    }

    /// `c:merge(primary_id, secondary_id)`: the surviving record.
    func merge(_ call: LuaCall) throws -> LuaResults {
        let primary = try Arguments.id(call, 2), secondary = try Arguments.id(call, 3)
        return try sendRecord(call, api.mergeRequest(primaryId: primary, mergeId: secondary))
    }

    // MARK: Pages

    /// `c:list{limit=, after=, properties=, associations=, archived=}`: one page `{results=, after=}`.
    func list(_ call: LuaCall) throws -> LuaResults {
        let options = try Options(call, 2, allowed: ["limit", "after", "properties", "associations", "archived"])
        let request = api.listRequest(limit: try options.integer("limit") ?? 100, after: try options.string("after"),
                                      properties: try options.strings("properties"),
                                      associations: try options.strings("associations"), archived: try options.bool("archived"))
        let client = module.client
        return try bridge.perform(call, { try await client.send(request).body }) { body, stack in
            try Records.pushPage(body, onto: stack)
            return 1
        }
    }

    /// `c:all{properties=, associations=, archived=}`: an iterator over every record, a page at a time.
    func all(_ call: LuaCall) throws -> LuaResults {
        let options = try Options(call, 2, allowed: ["properties", "associations", "archived"])
        let properties = try options.strings("properties"), associations = try options.strings("associations")
        let archived = try options.bool("archived")
        let api = self.api
        return try module.pushPager(call) { after in
            api.listRequest(limit: 100, after: after, properties: properties, associations: associations, archived: archived)
        }
    }
}

extension Module {
    /// Pushes an iterator over the `results` of successive pages of `request(after)`,
    /// following `paging.next.after`; each page fetch is one binding call (a yield point
    /// inside `hubspot.parallel`).
    /// `transform` may replace the results list on top of the stack (list members keep only ids).
    func pushPager(_ call: LuaCall, transform: ((LuaStack) -> Void)? = nil,
                   _ request: @escaping @Sendable (String?) -> HubSpotRequest) throws -> LuaResults {
        let cursor = PageCursor()
        let client = self.client, bridge = self.bridge
        call.stack.reserve(3)
        shared.pager.push(onto: call.stack)
        call.stack.push(function: { fetch in
            if cursor.done { fetch.stack.pushNil(); fetch.stack.push(true); return .values(2) }
            let next = request(cursor.after)
            return try bridge.perform(fetch, { try await client.send(next).body }) { body, stack in
                try Records.pushPage(body, onto: stack)
                stack.pushField("after", of: -1)
                cursor.after = stack.string(at: -1)
                stack.pop()
                cursor.done = cursor.after == nil || cursor.after == next.query.last(where: { $0.name == "after" })?.value
                stack.pushField("results", of: -1)
                stack.remove(at: -2)
                transform?(stack)
                stack.push(cursor.done)
                return 2
            }
        })
        try call.stack.call(arguments: 1, results: 1)
        return .values(1)
    }
}

/// Where an iterator is in its pages.
final class PageCursor {
    var after: String?
    var done = false
}
