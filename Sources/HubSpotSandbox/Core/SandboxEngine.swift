import Foundation
import HubSpot

/// The sandbox's single-threaded core: state, limits, faults and the request pipeline.
/// ``Sandbox`` runs it under a lock, so nothing in here synchronizes.
final class SandboxEngine {
    struct Outcome: Sendable {
        var reply: SandboxReply
        var delayMilliseconds: Int
    }

    var state: SandboxState
    let options: SandboxOptions
    private var limiter: RateLimiter
    private var faults: FaultInjector
    /// Lower-cased names, singular names and type ids → type, rebuilt when schemas change.
    private var typeLookup: [String: ObjectType] = [:]
    /// type → unique property → lower-cased value → record id; built on first use.
    var uniqueIndexes: [String: [String: [String: Int]]] = [:]
    /// Set by any write, so persistence saves only after requests that changed something.
    var dirty = false
    /// The time of the request being handled.
    var now: Int64 = 0

    init(state: SandboxState, options: SandboxOptions) {
        self.state = state
        self.options = options
        limiter = RateLimiter(perTenSeconds: options.rateLimitPerTenSeconds, searchPerSecond: options.searchPerSecond, daily: options.dailyLimit)
        faults = FaultInjector(options.faults)
        rebuildTypeLookup()
    }

    func encodedState() throws -> Data { try Persistence.encode(state) }

    // MARK: Pipeline

    func process(_ http: HTTPRequest) -> Outcome {
        now = options.clock.nowMilliseconds
        let request = APIRequest(http)
        let correlationId = UUID().uuidString.lowercased()
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json;charset=utf-8")
        headers.add(name: "X-HubSpot-Correlation-Id", value: correlationId)
        var delay = options.latency

        let isFormSubmit = request.segments.starts(with: ["submissions", "v3", "integration", "submit"])
        if !request.hasBearer && !isFormSubmit {
            return Outcome(reply: .response(errorResponse(.unauthenticated(), correlationId, headers)), delayMilliseconds: delay)
        }

        let verdict = limiter.admit(at: now, isSearch: isSearch(request))
        for (name, value) in verdict.headers { headers.add(name: name, value: value) }
        if let policy = verdict.refusedBy {
            headers.add(name: "Retry-After", value: String((limiter.retryAfter(policy: policy, now: now) + 999) / 1000))
            return Outcome(reply: .response(rateLimitResponse(policy, correlationId, headers)), delayMilliseconds: delay)
        }

        switch faults.draw() {
        case .drop?: return Outcome(reply: .dropConnection, delayMilliseconds: delay)
        case .status(429)?:
            return Outcome(reply: .response(rateLimitResponse("TEN_SECONDLY_ROLLING", correlationId, headers)), delayMilliseconds: delay)
        case .status(let code)?:
            let error = APIError(status: code, category: code == 500 ? "INTERNAL_ERROR" : "SERVICE_UNAVAILABLE",
                                 message: code == 500 ? "internal error" : "The service is temporarily unavailable (injected fault \(code)).")
            return Outcome(reply: .response(errorResponse(error, correlationId, headers)), delayMilliseconds: delay)
        case .slow(let ms)?: delay += ms
        case nil: break
        }

        dirty = false
        let response: HTTPResponse
        do {
            let result = try route(request)
            var body = Data()
            if let json = result.body { body = JSONWriter.data(json) }
            if result.body == nil { headers["Content-Type"] = nil }
            response = HTTPResponse(status: result.status, headers: headers, body: body)
        } catch let error as APIError {
            response = errorResponse(error, correlationId, headers)
        } catch {
            response = errorResponse(APIError(status: 500, category: "INTERNAL_ERROR", message: String(describing: error)), correlationId, headers)
        }
        if dirty, let url = options.persistenceURL {
            if let data = try? encodedState() { try? Persistence.writeAtomically(data, to: url) }
        }
        return Outcome(reply: .response(response), delayMilliseconds: delay)
    }

    private func isSearch(_ request: APIRequest) -> Bool {
        request.method == "POST" && request.segments.last == "search" && request.segments.first == "crm"
            && request.segments.count == 5 && request.segments[2] == "objects"
    }

    private func errorResponse(_ error: APIError, _ correlationId: String, _ headers: HTTPHeaders) -> HTTPResponse {
        HTTPResponse(status: error.status, headers: headers, body: JSONWriter.data(error.json(correlationId: correlationId)))
    }

    private func rateLimitResponse(_ policy: String, _ correlationId: String, _ headers: HTTPHeaders) -> HTTPResponse {
        let words = ["TEN_SECONDLY_ROLLING": "ten_secondly_rolling", "SECONDLY": "secondly", "DAILY": "daily"][policy] ?? "ten_secondly_rolling"
        let group = policy == "SECONDLY" ? "publicapi:private-app-search-secondly:\(state.portalId)" : "publicapi:private-app-api-calls-\(words):\(state.portalId)"
        let body: JSON = .object([
            ("status", "error"), ("message", .string("You have reached your \(words) limit.")), ("errorType", "RATE_LIMIT"),
            ("correlationId", .string(correlationId)), ("policyName", .string(policy)), ("groupName", .string(group)),
        ])
        return HTTPResponse(status: 429, headers: headers, body: JSONWriter.data(body))
    }

    // MARK: Object types

    func rebuildTypeLookup() {
        typeLookup = [:]
        for t in ObjectType.standardTypes + state.schemas.filter({ !$0.archived }).map(\.type) {
            var keys = [t.name, t.singular, t.typeId]
            if t.isCustom {
                let bare = t.name.hasPrefix("p_") ? String(t.name.dropFirst(2)) : t.name
                keys += [bare, "p\(state.portalId)_\(bare)"]
            }
            for k in keys { typeLookup[k.lowercased()] = t }
        }
    }

    /// The object type a path segment names; HubSpot's 400 when it names none.
    func objectType(_ name: String) throws -> ObjectType {
        if let t = typeLookup[name] ?? typeLookup[name.lowercased()] { return t }
        throw APIError.unknownObjectType(name)
    }

    func definitions(_ type: ObjectType) -> [String: PropertyDefinition] { state.properties[type.name] ?? [:] }

    // MARK: Audit

    /// Records a change in the audit log and marks the state dirty.
    func audit(_ action: String, _ category: String, _ target: String? = nil, sub: String? = nil) {
        dirty = true
        state.auditLog.append(AuditEvent(id: state.takeMiscId(), occurredAt: now, action: action, category: category,
                                         subCategory: sub, targetObjectId: target))
        if state.auditLog.count > 50_000 { state.auditLog.removeFirst(10_000) }
    }
}
