/// One entry of the account's audit log (`PublicApiUserActionEvent`).
public struct AuditLogEvent: Sendable, Hashable, Decodable {
    public struct ActingUser: Sendable, Hashable, Decodable {
        public var userId: Int
        public var userEmail: String?
    }
    public var id: String
    public var category: String
    public var subCategory: String?
    public var action: String
    public var occurredAt: String
    public var targetObjectId: String?
    public var actingUser: ActingUser
}
