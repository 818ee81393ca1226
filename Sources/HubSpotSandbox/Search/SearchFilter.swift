/// One search filter, compiled once per request so matching a record is a dictionary
/// look-up and a comparison: values are lower-cased, parsed as numbers or turned into
/// the sortable datetime form up front.
struct SearchFilter {
    enum Kind { case string, number, datetime, date }
    /// The operator as an enum, so matching a record never compares strings.
    enum Op { case eq, neq, lt, lte, gt, gte, between, isIn, notIn, has, notHas, contains, notContains }

    let property: String
    let op: String
    let code: Op
    let kind: Kind
    /// The values as given (EQ's value or IN's values), for pseudo-properties.
    let rawValues: [String]
    private let text: String
    private let high: String
    private let number: Double
    private let highNumber: Double
    private let set: Set<String>
    private let numbers: [Double]

    /// - Throws: HubSpot's 400 for an operator without the value it needs.
    init(property: String, op: String, kind: Kind, value: String?, highValue: String?, values: [String]?) throws {
        self.property = property
        self.op = op
        self.kind = kind
        let codes: [String: Op] = ["EQ": .eq, "NEQ": .neq, "LT": .lt, "LTE": .lte, "GT": .gt, "GTE": .gte, "BETWEEN": .between,
                                   "IN": .isIn, "NOT_IN": .notIn, "HAS_PROPERTY": .has, "NOT_HAS_PROPERTY": .notHas,
                                   "CONTAINS_TOKEN": .contains, "NOT_CONTAINS_TOKEN": .notContains]
        code = codes[op] ?? .eq
        rawValues = values ?? value.map { [$0] } ?? []
        func prepare(_ raw: String) -> String {
            switch kind {
            case .string: return raw.lowercased()
            case .number: return raw
            case .datetime: return Timestamp.parse(raw).map(Timestamp.iso) ?? raw
            case .date: return Timestamp.parse(raw).map(Timestamp.isoDate) ?? raw
            }
        }
        switch op {
        case "EQ", "NEQ", "LT", "LTE", "GT", "GTE", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN":
            guard let value else { throw APIError.validation("Filter on \(property) with operator \(op) requires a value") }
            text = prepare(value)
            high = ""
        case "BETWEEN":
            guard let value, let highValue else {
                throw APIError.validation("Filter on \(property) with operator BETWEEN requires value and highValue")
            }
            text = prepare(value)
            high = prepare(highValue)
        case "IN", "NOT_IN":
            guard let values else { throw APIError.validation("Filter on \(property) with operator \(op) requires values") }
            text = ""
            high = ""
            set = Set(values.map(prepare))
            numbers = values.compactMap { Double($0) }
            number = .nan
            highNumber = .nan
            return
        case "HAS_PROPERTY", "NOT_HAS_PROPERTY":
            text = ""
            high = ""
        default:
            throw APIError.validation("Unknown filter operator \(op); use one of EQ, NEQ, LT, LTE, GT, GTE, BETWEEN, IN, NOT_IN, HAS_PROPERTY, NOT_HAS_PROPERTY, CONTAINS_TOKEN, NOT_CONTAINS_TOKEN")
        }
        set = []
        numbers = []
        number = Double(text) ?? .nan
        highNumber = Double(high) ?? .nan
    }

    func matches(_ properties: [String: String]) -> Bool { matches(value: properties[property]) }

    func matches(value: String?) -> Bool {
        switch code {
        case .has: return value != nil
        case .notHas: return value == nil
        case .neq: return value.map { !equals($0) } ?? true
        case .notIn: return value.map { !isIn($0) } ?? true
        case .notContains: return value.map { !containsToken($0) } ?? true
        default: break
        }
        guard let value else { return false }
        switch code {
        case .eq: return equals(value)
        case .isIn: return isIn(value)
        case .contains: return containsToken(value)
        case .lt: return compare(value, text, number).map { $0 < 0 } ?? false
        case .lte: return compare(value, text, number).map { $0 <= 0 } ?? false
        case .gt: return compare(value, text, number).map { $0 > 0 } ?? false
        case .gte: return compare(value, text, number).map { $0 >= 0 } ?? false
        case .between:
            guard let lo = compare(value, text, number), let hi = compare(value, high, highNumber) else { return false }
            return lo >= 0 && hi <= 0
        default: return false
        }
    }

    private func equals(_ value: String) -> Bool {
        switch kind {
        case .number: return Double(value).map { $0 == number } ?? false
        case .string: return Self.equalsIgnoringCase(value, lowered: text)
        case .datetime, .date: return value == text
        }
    }

    private func isIn(_ value: String) -> Bool {
        switch kind {
        case .number: return Double(value).map { numbers.contains($0) } ?? false
        case .string: return set.contains(value.lowercased())
        case .datetime, .date: return set.contains(value)
        }
    }

    /// -1, 0, 1 comparing a record's value with a filter bound; nil when incomparable.
    private func compare(_ value: String, _ bound: String, _ boundNumber: Double) -> Int? {
        switch kind {
        case .number:
            guard let v = Double(value), !boundNumber.isNaN else { return nil }
            return v < boundNumber ? -1 : (v > boundNumber ? 1 : 0)
        case .string:
            let v = value.lowercased()
            return v < bound ? -1 : (v > bound ? 1 : 0)
        case .datetime, .date:
            return value < bound ? -1 : (value > bound ? 1 : 0)
        }
    }

    /// Token match as HubSpot does it: the value split into words, `*` as a wildcard.
    private func containsToken(_ value: String) -> Bool {
        let lowered = value.lowercased()
        if text.contains("*") {
            if Self.glob(text, lowered) { return true }
            return Self.tokens(lowered).contains { Self.glob(text, $0) }
        }
        return lowered == text || Self.tokens(lowered).contains(text)
    }

    static func tokens(_ s: String) -> [String] {
        s.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    static func glob(_ pattern: String, _ s: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == s }
        var rest = Substring(s)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let r = rest.range(of: part) else { return false }
            rest = rest[r.upperBound...]
        }
        return rest.hasSuffix(parts[parts.count - 1])
    }

    /// ASCII case folding without allocating; falls back to `lowercased()` for other text.
    static func equalsIgnoringCase(_ a: String, lowered b: String) -> Bool {
        var ia = a.utf8.makeIterator(), ib = b.utf8.makeIterator()
        while true {
            let ca = ia.next(), cb = ib.next()
            guard let x = ca, let y = cb else { return ca == nil && cb == nil }
            if x >= 0x80 || y >= 0x80 { return a.lowercased() == b }
            let fx = (x >= 0x41 && x <= 0x5A) ? x + 32 : x
            if fx != y { return false }
        }
    }
}
