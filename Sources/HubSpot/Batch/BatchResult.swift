/// What a batch call did to each input, in input order: successes and per-input
/// errors side by side, so a partial failure (HTTP 207, or one chunk failing)
/// never hides what was written.
///
/// ```swift
/// let result = await client.objects(.contacts).batchCreate(inputs)
/// for (index, error) in result.failures { print("input \(index): \(error)") }
/// let created = result.successes
/// ```
public struct BatchResult<Item: Sendable>: Sendable {
    /// The outcome of one input.
    public enum Outcome: Sendable {
        case success(Item)
        case failure(HubSpotError)

        public var value: Item? { if case .success(let item) = self { return item } else { return nil } }
        public var error: HubSpotError? { if case .failure(let error) = self { return error } else { return nil } }
    }

    /// One outcome per input, in input order.
    public var outcomes: [Outcome]

    public init(outcomes: [Outcome]) { self.outcomes = outcomes }

    /// The successful items, in input order.
    public var successes: [Item] { outcomes.compactMap(\.value) }

    /// The failed inputs: their index in the input and the error.
    public var failures: [(index: Int, error: HubSpotError)] {
        outcomes.enumerated().compactMap { index, outcome in outcome.error.map { (index, $0) } }
    }

    /// Whether every input succeeded.
    public var isComplete: Bool { outcomes.allSatisfy { $0.error == nil } }

    /// The items when every input succeeded.
    ///
    /// - Throws: the first input's ``HubSpotError`` otherwise (inspect ``outcomes`` to keep the successes).
    public func get() throws -> [Item] {
        if let first = failures.first { throw first.error }
        return successes
    }
}
