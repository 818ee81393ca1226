import Foundation

/// Account activity: the audit log (who did what, when).
///
/// ```swift
/// let since = Date().addingTimeInterval(-86_400)
/// for try await event in client.activity.auditLogs(occurredAfter: since) { print(event.action) }
/// ```
public struct ActivityAPI: Sendable {
    public let client: HubSpotClient
    static let path = "/account-info/v3/activity/audit-logs"
}

extension HubSpotClient {
    /// Account activity and audit logs.
    public var activity: ActivityAPI { ActivityAPI(client: self) }
}

extension ActivityAPI {
    public func auditLogsRequest(occurredAfter: Date? = nil, occurredBefore: Date? = nil, actingUserIds: [Int] = [],
                                 after: String? = nil, limit: Int = 100) -> HubSpotRequest {
        var request = HubSpotRequest(.get, Self.path, query: [("limit", String(limit))])
        request.add("occurredAfter", occurredAfter.map(Self.timestamp))
        request.add("occurredBefore", occurredBefore.map(Self.timestamp))
        request.add("actingUserId", each: actingUserIds.map(String.init))
        request.add("after", after)
        return request
    }

    /// One page of audit-log events.
    ///
    /// - Throws: ``HubSpotError``.
    public func auditLogPage(occurredAfter: Date? = nil, occurredBefore: Date? = nil, actingUserIds: [Int] = [],
                             after: String? = nil, limit: Int = 100) async throws -> Page<AuditLogEvent> {
        let request = auditLogsRequest(occurredAfter: occurredAfter, occurredBefore: occurredBefore,
                                       actingUserIds: actingUserIds, after: after, limit: limit)
        return try await client.send(request, as: CollectionResponse<AuditLogEvent>.self).page
    }

    /// Every audit-log event in the time range, over all pages.
    public func auditLogs(occurredAfter: Date? = nil, occurredBefore: Date? = nil, actingUserIds: [Int] = []) -> PagedSequence<AuditLogEvent> {
        let api = self
        return PagedSequence { after in
            try await api.auditLogPage(occurredAfter: occurredAfter, occurredBefore: occurredBefore,
                                       actingUserIds: actingUserIds, after: after)
        }
    }

    /// ISO 8601 with milliseconds, in UTC, as HubSpot's date-time parameters expect.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
