import Foundation
import HubSpot
import LuaKit

/// `hubspot.workflows`, `hubspot.owners`, `hubspot.activity`: the account around the records.
extension Module {
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
