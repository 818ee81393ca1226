import HubSpot
import LuaKit

/// A HubSpot failure stands in Lua as a table a script can inspect (`err.status`,
/// `err.category`, `err.errors[1].message`, `err.request.path`), with a `__tostring` that
/// reads like the Swift description:
///
/// ```text
/// HubSpot 409 CONFLICT on POST /crm/v3/objects/contacts: Contact already exists. Existing ID: 123
/// ```
///
/// The token is never in it: the client redacts it before the error exists.
extension HubSpotError: LuaErrorConvertible {
    public func pushLuaError(onto stack: LuaStack) {
        stack.reserve(6)
        stack.newTable(fieldCapacity: 12)
        stack.push(LuaErrors.kindNames[kind] ?? kind.rawValue); stack.setField("kind", in: -2)
        if let status { stack.push(status); stack.setField("status", in: -2) }
        if let category { stack.push(category); stack.setField("category", in: -2) }
        if let subCategory { stack.push(subCategory); stack.setField("sub_category", in: -2) }
        stack.push(message); stack.setField("message", in: -2)
        if let correlationId { stack.push(correlationId); stack.setField("correlation_id", in: -2) }
        if let policyName { stack.push(policyName); stack.setField("policy_name", in: -2) }
        if let retryAfter {
            let seconds = Double(retryAfter.components.seconds) + Double(retryAfter.components.attoseconds) / 1e18
            stack.push(seconds); stack.setField("retry_after", in: -2)
        }
        stack.newTable(arrayCapacity: Int32(clamping: errors.count))
        for (i, detail) in errors.enumerated() {
            stack.newTable(fieldCapacity: 3)
            stack.push(detail.message); stack.setField("message", in: -2)
            if let code = detail.code { stack.push(code); stack.setField("code", in: -2) }
            if let context = detail.context { stack.push(context); stack.setField("context", in: -2) }
            stack.setElement(Int64(i + 1), in: -2)
        }
        stack.setField("errors", in: -2)
        if !context.isEmpty { stack.push(context); stack.setField("context", in: -2) }
        if method != nil || path != nil {
            stack.newTable(fieldCapacity: 2)
            if let method { stack.push(method); stack.setField("method", in: -2) }
            if let path { stack.push(path); stack.setField("path", in: -2) }
            stack.setField("request", in: -2)
        }
        LuaErrors.pushErrorMetatable(onto: stack)
        stack.setMetatable(of: -2)
    }
}

/// Error objects of the module, and the one place Swift errors are pushed as Lua values
/// outside the trampoline (a coroutine resumed with an error).
enum LuaErrors {
    static let errorTypeName = "hubspot.Error"

    /// `err.kind`, in Lua's snake_case.
    static let kindNames: [HubSpotError.Kind: String] = [
        .http: "http", .transport: "transport", .deadlineExceeded: "deadline_exceeded",
        .invalidRequest: "invalid_request", .decoding: "decoding", .cancelled: "cancelled",
    ]

    static func pushErrorMetatable(onto stack: LuaStack) {
        guard stack.pushNamedMetatable(errorTypeName) else { return }
        stack.push(function: { call in
            call.stack.push(describe(call.stack, at: 1))
            return .values(1)
        })
        stack.setField("__tostring", in: -2)
    }

    /// The Swift description of the error table at `index`, rebuilt from its fields.
    static func describe(_ stack: LuaStack, at index: Int32) -> String {
        guard stack.type(at: index) == .table else { return "HubSpot error" }
        func field(_ name: String, of table: Int32) -> String? {
            stack.pushField(name, of: table)
            defer { stack.pop() }
            return stack.type(at: -1) == .string || stack.type(at: -1) == .number ? stack.read(String.self, at: -1) : nil
        }
        let t = stack.absolute(index)
        let kindName = field("kind", of: t) ?? "http"
        let kind = kindNames.first { $0.value == kindName }?.key ?? .http
        var error = HubSpotError(kind: kind,
                                 status: field("status", of: t).flatMap { Int($0) }, category: field("category", of: t),
                                 message: field("message", of: t) ?? "")
        if stack.pushField("request", of: t) == .table {
            error.method = field("method", of: -1)
            error.path = field("path", of: -1)
        }
        stack.pop()
        return error.description
    }

    /// Pushes the Lua value that stands for `error`.
    static func push(_ error: Error, onto stack: LuaStack) {
        switch error {
        case let error as LuaErrorConvertible: error.pushLuaError(onto: stack)
        case let error as LuaError: error.value.push(onto: stack)
        default: stack.push(String(describing: error))
        }
    }
}

/// An error object already built in Lua (a failed batch's table, say), raised as is.
///
/// Unchecked-Sendable as `LuaError` is: the reference belongs to the state's thread and
/// is only pushed there.
struct LuaPreparedError: LuaErrorConvertible, @unchecked Sendable {
    let object: LuaReference
    func pushLuaError(onto stack: LuaStack) { object.push(onto: stack) }
}
