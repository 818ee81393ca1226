/// A HubSpot error response: status code plus the body HubSpot sends
/// (`{status:"error", message, correlationId, category, subCategory?, errors?, context?}`).
///
/// Route code throws it; the dispatcher turns it into a response, so every failure has
/// HubSpot's shape without each route building bodies.
struct APIError: Error {
    struct Detail {
        var message: String
        var code: String?
        var context: [String: [String]] = [:]
        var subCategory: String?
    }

    var status: Int
    var category: String
    var message: String
    var subCategory: String?
    var errors: [Detail] = []
    var context: [String: [String]] = [:]
    /// The forms API names an error detail's code `errorType`; the CRM APIs name it `code`.
    var detailCodeKey = "code"

    func json(correlationId: String) -> JSON {
        var pairs: [(String, JSON)] = [
            ("status", "error"), ("message", .string(message)), ("correlationId", .string(correlationId)),
            ("category", .string(category)),
        ]
        if let subCategory { pairs.append(("subCategory", .string(subCategory))) }
        if !errors.isEmpty {
            pairs.append(("errors", .array(errors.map { d in
                var e: [(String, JSON)] = [("message", .string(d.message))]
                if let code = d.code { e.append((detailCodeKey, .string(code))) }
                if let sub = d.subCategory { e.append(("subCategory", .string(sub))) }
                if !d.context.isEmpty { e.append(("context", Self.contextJSON(d.context))) }
                return .object(e)
            })))
        }
        if !context.isEmpty { pairs.append(("context", Self.contextJSON(context))) }
        return .object(pairs)
    }

    static func contextJSON(_ c: [String: [String]]) -> JSON {
        .object(c.keys.sorted().map { k in (k, .array((c[k] ?? []).map { .string($0) })) })
    }

    // MARK: The errors HubSpot gives, worded as HubSpot words them.

    static func notFound(_ message: String = "Resource not found") -> APIError {
        APIError(status: 404, category: "OBJECT_NOT_FOUND", message: message)
    }

    static func validation(_ message: String, errors: [Detail] = [], context: [String: [String]] = [:]) -> APIError {
        APIError(status: 400, category: "VALIDATION_ERROR", message: message, errors: errors, context: context)
    }

    static func badRequest(_ message: String) -> APIError { validation(message) }

    static func conflict(_ message: String) -> APIError {
        APIError(status: 409, category: "CONFLICT", message: message)
    }

    static func unauthenticated() -> APIError {
        APIError(
            status: 401, category: "INVALID_AUTHENTICATION",
            message: "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview")
    }

    static func unknownObjectType(_ name: String) -> APIError {
        APIError(status: 400, category: "VALIDATION_ERROR", message: "Unable to infer object type from: \(name)")
    }

    static func routeNotFound(_ method: String, _ path: String) -> APIError {
        APIError(status: 404, category: "OBJECT_NOT_FOUND", message: "No route for \(method) \(path) in the sandbox")
    }

    static func invalidJSON(_ reason: String) -> APIError {
        APIError(status: 400, category: "VALIDATION_ERROR", message: "Invalid input JSON on line 1: \(reason)")
    }
}
