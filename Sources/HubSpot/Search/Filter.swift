/// One search condition on a property (`Filter` in HubSpot's search body).
///
/// ```swift
/// Filter("lastname", .eq, "Smith")
/// Filter("amount", .between, "100", "500")
/// Filter("lifecyclestage", .in, values: ["lead", "customer"])
/// Filter("phone", .hasProperty)
/// ```
public struct Filter: Sendable, Hashable, Encodable {
    /// HubSpot's 13 filter operators.
    public enum Operator: String, Sendable, Hashable, Encodable, CaseIterable {
        case eq = "EQ", neq = "NEQ", lt = "LT", lte = "LTE", gt = "GT", gte = "GTE"
        case between = "BETWEEN", `in` = "IN", notIn = "NOT_IN"
        case hasProperty = "HAS_PROPERTY", notHasProperty = "NOT_HAS_PROPERTY"
        case containsToken = "CONTAINS_TOKEN", notContainsToken = "NOT_CONTAINS_TOKEN"
    }

    public var propertyName: String
    public var `operator`: Operator
    public var value: String?
    public var highValue: String?
    public var values: [String]?

    /// A filter with one value (EQ, NEQ, LT, LTE, GT, GTE, CONTAINS_TOKEN, NOT_CONTAINS_TOKEN),
    /// two (BETWEEN: low and high) or none (HAS_PROPERTY, NOT_HAS_PROPERTY).
    public init(_ propertyName: String, _ op: Operator, _ value: String? = nil, _ highValue: String? = nil) {
        self.propertyName = propertyName
        self.operator = op
        self.value = value
        self.highValue = highValue
    }

    /// A filter on a list of values (IN, NOT_IN).
    public init(_ propertyName: String, _ op: Operator, values: [String]) {
        self.propertyName = propertyName
        self.operator = op
        self.values = values
    }

    /// Checks the operands the operator needs.
    func validate() throws {
        switch self.operator {
        case .hasProperty, .notHasProperty: return
        case .between:
            guard value != nil, highValue != nil else {
                throw HubSpotError.invalid("filter \(propertyName) BETWEEN needs a low value and a high value")
            }
        case .in, .notIn:
            guard let values, !values.isEmpty else {
                throw HubSpotError.invalid("filter \(propertyName) \(self.operator.rawValue) needs a non-empty list of values")
            }
        default:
            guard value != nil else { throw HubSpotError.invalid("filter \(propertyName) \(self.operator.rawValue) needs a value") }
        }
    }
}

/// Filters that must all match (AND); a search's groups are alternatives (OR).
public struct FilterGroup: Sendable, Hashable, Encodable {
    public var filters: [Filter]
    public init(_ filters: [Filter]) { self.filters = filters }
}

/// A sort order, sent as `{propertyName, direction}` (the API's form, not the
/// descriptions' string form).
public struct SearchSort: Sendable, Hashable, Encodable {
    public enum Direction: String, Sendable, Hashable, Encodable { case ascending = "ASCENDING", descending = "DESCENDING" }
    public var propertyName: String
    public var direction: Direction
    public init(_ propertyName: String, _ direction: Direction = .ascending) {
        self.propertyName = propertyName
        self.direction = direction
    }
}
