import Foundation

/// Splits inputs into chunks of at most 100, sends the chunks concurrently within
/// the rate limit, and maps each chunk's answer back onto its inputs.
struct BatchRunner<Input: Sendable, Item: Sendable>: Sendable {
    typealias Outcome = BatchResult<Item>.Outcome
    let client: HubSpotClient
    let chunkSize: Int
    /// Builds the request for a chunk; `offset` is the index of the chunk's first input.
    let makeRequest: @Sendable (_ chunk: ArraySlice<Input>, _ offset: Int) -> HubSpotRequest
    /// Maps a chunk's 2xx response onto its inputs (same count and order as `chunk`).
    let match: @Sendable (_ response: HTTPResponse, _ request: HubSpotRequest, _ chunk: ArraySlice<Input>, _ offset: Int) -> [Outcome]

    func run(_ inputs: [Input]) async -> BatchResult<Item> {
        let offsets = Array(stride(from: 0, to: inputs.count, by: max(1, chunkSize)))
        let chunks = offsets.map { ($0, inputs[$0..<min($0 + chunkSize, inputs.count)]) }
        let outcomes = await client.concurrentMap(chunks) { offset, chunk -> [Outcome] in
            let request = makeRequest(chunk, offset)
            do {
                let response = try await client.send(request)
                return match(response, request, chunk, offset)
            } catch let error as HubSpotError {
                return Array(repeating: .failure(error), count: chunk.count)
            } catch {
                let wrapped = HubSpotError(kind: .transport, message: "\(error)", method: request.method.rawValue, path: request.path)
                return Array(repeating: .failure(wrapped), count: chunk.count)
            }
        }
        return BatchResult(outcomes: outcomes.flatMap { $0 })
    }
}

/// Matching a batch response's `results` and `errors` onto the inputs of a chunk.
enum BatchMatching {
    struct Response<T: Decodable & Sendable>: Decodable {
        var results: [T]
        var errors: [HubSpotError.Body]?
    }

    /// Gives each input the result whose key equals the input's key, or the error
    /// whose `context` names that key; inputs left over get the one error, or a
    /// "no result" error.
    static func match<T: Decodable & Sendable>(
        _ response: HTTPResponse, _ request: HubSpotRequest, inputKeys: [String], resultKey: (T) -> [String],
        as type: T.Type, client: HubSpotClient
    ) -> [BatchResult<T>.Outcome] {
        let decoded: Response<T>
        do { decoded = try client.decode(Response<T>.self, response, request) }
        catch let error as HubSpotError { return Array(repeating: .failure(error), count: inputKeys.count) }
        catch { return Array(repeating: .failure(.invalid("\(error)")), count: inputKeys.count) }

        var byKey: [String: T] = [:]
        for result in decoded.results { for key in resultKey(result) where byKey[key] == nil { byKey[key] = result } }
        let method = request.method.rawValue, path = request.path
        let errors = (decoded.errors ?? []).map { entry in
            (keys: Set((entry.context ?? [:]).values.flatMap { $0 }),
             error: HubSpotError.fromBatchEntry(entry, status: response.status, method: method, path: path))
        }
        var outcomes: [BatchResult<T>.Outcome] = []
        var unmatched: [Int] = []
        for (index, key) in inputKeys.enumerated() {
            if let result = byKey[key] { outcomes.append(.success(result)) }
            else if let error = errors.first(where: { $0.keys.contains(key) }) { outcomes.append(.failure(error.error)) }
            else { outcomes.append(.failure(.invalid("no result"))); unmatched.append(index) }
        }
        guard !unmatched.isEmpty else { return outcomes }
        // HubSpot did not say which input failed: with exactly one error, it is that one's;
        // with results but no keys (an old server), fall back to order.
        let leftoverErrors = errors.filter { entry in !inputKeys.contains { entry.keys.contains($0) } }
        for index in unmatched {
            if leftoverErrors.count == 1 {
                outcomes[index] = .failure(leftoverErrors[0].error)
            } else if errors.isEmpty, decoded.results.count == inputKeys.count, index < decoded.results.count, byKey.isEmpty {
                outcomes[index] = .success(decoded.results[index])
            } else {
                let summary = leftoverErrors.map(\.error.message).joined(separator: "; ")
                outcomes[index] = .failure(HubSpotError(
                    kind: .http, status: response.status, category: leftoverErrors.first?.error.category ?? "MISSING_RESULT",
                    message: summary.isEmpty ? "HubSpot returned no result for input \(inputKeys[index])" : summary,
                    method: method, path: path))
            }
        }
        return outcomes
    }
}
