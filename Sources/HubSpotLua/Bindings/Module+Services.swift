import Foundation
import HubSpot
import LuaKit

/// `hubspot.forms`, `hubspot.lists`, `hubspot.workflows`, `hubspot.owners`, `hubspot.activity`.
extension Module {
    func pushForms(onto stack: LuaStack) {
        stack.newTable(fieldCapacity: 1)
        function("submit", in: stack) { module, call in try module.submitForm(call) }
    }

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

    func pushWorkflows(onto stack: LuaStack) {
        stack.newTable(fieldCapacity: 1)
        function("enroll", in: stack) { module, call in
            let workflow = try Arguments.id(call, 1), email = try call.string(2)
            let request = module.client.workflows.enrollRequest(workflowId: workflow, email: email)
            return try module.sendDiscarding(call, request)
        }
    }

    /// Sends and returns true.
    func sendDiscarding(_ call: LuaCall, _ request: HubSpotRequest) throws -> LuaResults {
        let client = self.client
        return try bridge.perform(call, { _ = try await client.send(request) }) { _, stack in
            stack.push(true)
            return 1
        }
    }

    // MARK: Forms

    /// `hubspot.forms.submit(portal_id, form_guid, fields, {context=, secure=})`: HubSpot's answer
    /// (`{inlineMessage=}` or `{redirectUri=}`).
    func submitForm(_ call: LuaCall) throws -> LuaResults {
        let portal = try Arguments.id(call, 1), guid = try call.string(2)
        let fields = try Arguments.properties(call, 3)
        let options = try Options(call, 4, allowed: ["context", "secure"])
        var context: FormSubmission.Context?
        switch options["context"] {
        case .nil: break
        case .table(let t):
            context = FormSubmission.Context(hutk: t["hutk"].stringValue, pageUri: t["page_uri"].stringValue ?? t["pageUri"].stringValue,
                                             pageName: t["page_name"].stringValue ?? t["pageName"].stringValue,
                                             ipAddress: t["ip_address"].stringValue ?? t["ipAddress"].stringValue)
        default: throw options.bad("context", "a table {page_uri=, page_name=, hutk=, ip_address=}")
        }
        let secure = try options.bool("secure")
        if secure && client.configuration.accessToken == nil {
            throw HubSpotError(kind: .invalidRequest, message: "a secure form submission needs an access token")
        }
        let submission = FormSubmission(fields: fields.sorted { $0.key < $1.key }.map { .init(name: $0.key, value: $0.value) },
                                        context: context)
        let request = client.forms.submitRequest(portalId: portal, formGuid: guid, submission, secure: secure)
        let client = self.client
        return try bridge.perform(call, { try await client.send(request).body }) { body, stack in
            try Records.decode(body, onto: stack)
            if stack.type(at: -1) == .nil { stack.pop(); stack.push(true) }
            return 1
        }
    }

    // MARK: Lists

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

    // MARK: Owners, activity

    /// `hubspot.owners()`: every owner (all pages), as HubSpot sends them.
    func owners(_ call: LuaCall) throws -> LuaResults {
        let options = try Options(call, 1, allowed: ["email", "archived"])
        let request = client.owners.listRequest(email: try options.string("email"), archived: try options.bool("archived"))
        return try collectPages(call, request)
    }

    /// `hubspot.activity{after=, before=}`: the account's audit-log events in that window
    /// (times as ISO 8601 strings or Unix seconds).
    func activity(_ call: LuaCall) throws -> LuaResults {
        let options = try Options(call, 1, allowed: ["after", "before"])
        let request = client.activity.auditLogsRequest(occurredAfter: try date(options, "after"), occurredBefore: try date(options, "before"))
        return try collectPages(call, request)
    }

    private func date(_ options: Options, _ name: String) throws -> Date? {
        switch options[name] {
        case .nil: return nil
        case .string(let s):
            let formatter = ISO8601DateFormatter()
            if let date = formatter.date(from: s) { return date }
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let date = formatter.date(from: s) { return date }
            formatter.formatOptions = [.withFullDate]
            if let date = formatter.date(from: s) { return date }
            throw options.bad(name, "an ISO 8601 time or Unix seconds")
        case let value:
            guard let seconds = value.doubleValue else { throw options.bad(name, "an ISO 8601 time or Unix seconds") }
            return Date(timeIntervalSince1970: seconds)
        }
    }

    /// Sends every page of `request` (following `paging.next.after`) and pushes all results as one list.
    func collectPages(_ call: LuaCall, _ request: HubSpotRequest) throws -> LuaResults {
        let client = self.client
        let query = request.query.map { ($0.name, $0.value) }
        return try bridge.perform(call, { () async throws -> [Data] in
            var bodies: [Data] = []
            for try await page in client.pages(request.method, request.path, query: query, body: request.body) { bodies.append(page.body) }
            return bodies
        }) { bodies, stack in
            stack.reserve(6)
            stack.newTable()
            stack.setJSONArrayMark(at: -1)
            let all = stack.top
            var n: Int64 = 0
            for body in bodies {
                try Records.decode(body, onto: stack)
                if stack.type(at: -1) == .table, stack.pushField("results", of: -1) == .table {
                    for i in 1...max(1, stack.rawLength(at: -1)) where stack.rawLength(at: -1) > 0 {
                        stack.pushElement(Int64(i), of: -1)
                        n += 1
                        stack.setElement(n, in: all)
                    }
                    stack.pop()
                } else if stack.type(at: -1) == .table {
                    stack.pop()
                }
                stack.pop()
            }
            return 1
        }
    }
}
