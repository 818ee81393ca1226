/// A CRM object type as it appears in paths: a standard type by name, or a custom
/// object by its fully qualified name (`p_cars`) or type id (`2-1234567`).
///
/// ```swift
/// client.objects(.contacts)
/// client.objects(ObjectType("p_cars"))
/// client.objects("2-1234567")
/// ```
public struct ObjectType: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name used in paths.
    public let name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { name }

    public static let contacts = ObjectType("contacts")
    public static let companies = ObjectType("companies")
    public static let deals = ObjectType("deals")
    public static let tickets = ObjectType("tickets")
    public static let products = ObjectType("products")
    public static let lineItems = ObjectType("line_items")
    public static let quotes = ObjectType("quotes")
    public static let leads = ObjectType("leads")
    public static let calls = ObjectType("calls")
    public static let emails = ObjectType("emails")
    public static let meetings = ObjectType("meetings")
    public static let notes = ObjectType("notes")
    public static let tasks = ObjectType("tasks")
    public static let communications = ObjectType("communications")

    /// The standard types, by their path names.
    public static let standard: [ObjectType] = [
        .contacts, .companies, .deals, .tickets, .products, .lineItems, .quotes, .leads,
        .calls, .emails, .meetings, .notes, .tasks, .communications,
    ]

    static let typeIds: [String: String] = [
        "contacts": "0-1", "companies": "0-2", "deals": "0-3", "tickets": "0-5", "products": "0-7",
        "line_items": "0-8", "quotes": "0-14", "leads": "0-136", "calls": "0-48", "emails": "0-49",
        "meetings": "0-47", "notes": "0-46", "tasks": "0-27", "communications": "0-18",
    ]

    /// The object type id (`0-1` for contacts, `2-…` for a custom object given by id),
    /// or nil for a custom object given by name.
    public var typeId: String? {
        if let known = Self.typeIds[name] { return known }
        let parts = name.split(separator: "-")
        if parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return name }
        return nil
    }

    /// Whether this is a custom object (`p_…` name or `2-…` id).
    public var isCustom: Bool { name.hasPrefix("2-") || name.hasPrefix("p_") || (typeId == nil) }
}
