/// A HubSpot user who can own records (`PublicOwner`).
public struct Owner: Sendable, Hashable, Decodable {
    public struct Team: Sendable, Hashable, Decodable {
        public var id: String
        public var name: String
        public var primary: Bool?
    }
    public var id: String
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    public var userId: Int?
    public var type: String?
    public var archived: Bool?
    public var teams: [Team]?
    public var createdAt: String?
    public var updatedAt: String?
}
