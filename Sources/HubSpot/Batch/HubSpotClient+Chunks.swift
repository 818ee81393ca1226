/// The answer to one chunk of a chunked batch: which inputs it covered and what came back.
public struct ChunkResponse: Sendable {
    /// The indices of the inputs the chunk carried.
    public var range: Range<Int>
    /// The response (2xx, 207 included) or the chunk's error.
    public var result: Result<HTTPResponse, HubSpotError>
}

extension HubSpotClient {
    /// Splits `count` inputs into chunks, builds one request per chunk, and sends the chunks
    /// concurrently within the rate limit; answers come back in chunk order, as raw responses.
    ///
    /// This is the batch methods' machinery without their decoding, for callers that decode
    /// bodies themselves (the Lua bindings). The `…Request(_:offset:)` builders of
    /// ``ObjectsAPI`` set each input's `objectWriteTraceId` to its index in the whole input,
    /// so results can be put back in input order from the bytes alone.
    ///
    /// ```swift
    /// let contacts = client.objects(.contacts)
    /// let chunks = await client.sendChunked(inputs.count) { range in
    ///     contacts.batchCreateRequest(Array(inputs[range]), offset: range.lowerBound)
    /// }
    /// for chunk in chunks { if case .success(let response) = chunk.result { decode(response.body) } }
    /// ```
    public func sendChunked(_ count: Int, chunkSize: Int = ObjectsAPI.batchSize,
                            _ makeRequest: @escaping @Sendable (Range<Int>) -> HubSpotRequest) async -> [ChunkResponse] {
        let size = max(1, chunkSize)
        let ranges = stride(from: 0, to: max(0, count), by: size).map { $0..<min($0 + size, count) }
        let results = await sendAll(ranges.map(makeRequest))
        return zip(ranges, results).map { ChunkResponse(range: $0, result: $1) }
    }
}
