import Foundation

extension HubSpotError {
    /// The JSON shape of HubSpot's error bodies (`Error` and `StandardError` in the API descriptions).
    struct Body: Decodable {
        var status: String?
        var message: String?
        var correlationId: String?
        var category: String?
        var subCategory: SubCategory?
        var errors: [Detail]?
        var context: [String: [String]]?
        var policyName: String?

        /// `subCategory` is a string in `Error` and an object in `StandardError`.
        struct SubCategory: Decodable {
            var text: String?
            init(from decoder: Decoder) throws {
                text = try? decoder.singleValueContainer().decode(String.self)
            }
        }
    }

    /// Builds the error for a non-2xx response, redacting `secret` wherever it appears.
    ///
    /// A body that is not HubSpot's error JSON still gives a useful error: the
    /// status, and the body's first line as the message.
    static func from(response: HTTPResponse, method: String, path: String, redacting secret: String? = nil) -> HubSpotError {
        let parsed = try? JSONDecoder().decode(Body.self, from: response.body)
        let fallback = String(decoding: response.body.prefix(300), as: UTF8.self)
            .split(separator: "\n").first.map(String.init) ?? ""
        var message = parsed?.message ?? (fallback.isEmpty ? HTTPStatus.reason(response.status) : fallback)
        if let secret, !secret.isEmpty { message = message.replacingOccurrences(of: secret, with: "[redacted]") }
        let category = parsed?.category ?? HTTPStatus.defaultCategory(response.status)
        return HubSpotError(
            kind: .http, status: response.status, category: category,
            subCategory: parsed?.subCategory?.text, message: message,
            correlationId: parsed?.correlationId ?? response.headers["X-HubSpot-Correlation-Id"],
            errors: parsed?.errors ?? [], context: parsed?.context ?? [:],
            policyName: parsed?.policyName, method: method, path: path,
            retryAfter: HTTPStatus.retryAfter(response.headers), body: response.body)
    }

    /// Builds one per-input error from an entry of a batch response's `errors` array.
    static func fromBatchEntry(_ entry: Body, status: Int, method: String, path: String) -> HubSpotError {
        HubSpotError(kind: .http, status: status, category: entry.category, subCategory: entry.subCategory?.text,
                     message: entry.message ?? "batch input failed", correlationId: entry.correlationId,
                     errors: entry.errors ?? [], context: entry.context ?? [:], method: method, path: path)
    }
}

/// Small facts about HTTP statuses and headers.
enum HTTPStatus {
    static func reason(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 409: return "Conflict"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "HTTP \(status)"
        }
    }

    /// The category to report when the body names none.
    static func defaultCategory(_ status: Int) -> String {
        switch status {
        case 400: return "VALIDATION_ERROR"
        case 401: return "INVALID_AUTHENTICATION"
        case 403: return "MISSING_SCOPES"
        case 404: return "OBJECT_NOT_FOUND"
        case 409: return "CONFLICT"
        case 429: return "RATE_LIMITS"
        default: return status >= 500 ? "INTERNAL_ERROR" : "ERROR"
        }
    }

    /// `Retry-After` in seconds (HubSpot never sends the HTTP-date form).
    static func retryAfter(_ headers: HTTPHeaders) -> Duration? {
        guard let raw = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces), let seconds = Double(raw), seconds >= 0
        else { return nil }
        return .milliseconds(Int64(seconds * 1000))
    }
}
