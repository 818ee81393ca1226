import Foundation

extension ObjectsAPI {
    /// HubSpot's batch size: at most 100 inputs per request.
    public static let batchSize = 100

    // MARK: Requests (one chunk each; the typed calls split into chunks)

    public func batchReadRequest(_ ids: [String], idProperty: String? = nil, properties: [String] = [],
                                 propertiesWithHistory: [String] = [], archived: Bool = false) -> HubSpotRequest {
        var request = HubSpotRequest(.post, basePath + "/batch/read", json: ObjectBodies.BatchRead(
            inputs: ids.map { .init(id: $0) }, properties: properties,
            propertiesWithHistory: propertiesWithHistory, idProperty: idProperty))
        if archived { request.add("archived", "true") }
        return request
    }

    /// `offset` numbers the inputs' `objectWriteTraceId`s, by which results are put back in input order.
    public func batchCreateRequest(_ inputs: [BatchCreateInput], offset: Int = 0) -> HubSpotRequest {
        let items = inputs.enumerated().map { index, input in
            ObjectBodies.BatchCreateItem(properties: input.properties, associations: input.associations,
                                         objectWriteTraceId: String(offset + index))
        }
        return HubSpotRequest(.post, basePath + "/batch/create", json: ObjectBodies.Inputs(inputs: items))
    }

    public func batchUpdateRequest(_ inputs: [BatchUpdateInput], idProperty: String? = nil, offset: Int = 0) -> HubSpotRequest {
        HubSpotRequest(.post, basePath + "/batch/update", json: ObjectBodies.Inputs(inputs: writeItems(inputs, idProperty, offset)))
    }

    public func batchUpsertRequest(_ inputs: [BatchUpdateInput], idProperty: String, offset: Int = 0) -> HubSpotRequest {
        HubSpotRequest(.post, basePath + "/batch/upsert", json: ObjectBodies.Inputs(inputs: writeItems(inputs, idProperty, offset)))
    }

    public func batchArchiveRequest(_ ids: [String]) -> HubSpotRequest {
        HubSpotRequest(.post, basePath + "/batch/archive", json: ObjectBodies.Inputs(inputs: ids.map { ObjectBodies.ID(id: $0) }))
    }

    private func writeItems(_ inputs: [BatchUpdateInput], _ idProperty: String?, _ offset: Int) -> [ObjectBodies.BatchWriteItem] {
        inputs.enumerated().map { index, input in
            ObjectBodies.BatchWriteItem(id: input.id, properties: input.properties, idProperty: idProperty,
                                        objectWriteTraceId: String(offset + index))
        }
    }

    // MARK: Typed calls

    /// Reads many records by id (or unique property value), in input order.
    ///
    /// An id HubSpot does not know is a per-input failure; the rest succeed.
    public func batchRead(_ ids: [String], idProperty: String? = nil, properties: [String] = [],
                          propertiesWithHistory: [String] = [], archived: Bool = false) async -> BatchResult<CRMObject> {
        let api = self
        // Results are matched to inputs by the unique property's value, so it must come back.
        let properties = idProperty.map { properties.contains($0) ? properties : properties + [$0] } ?? properties
        return await BatchRunner<String, CRMObject>(client: client, chunkSize: Self.batchSize, makeRequest: { chunk, _ in
            api.batchReadRequest(Array(chunk), idProperty: idProperty, properties: properties,
                                 propertiesWithHistory: propertiesWithHistory, archived: archived)
        }, match: { response, request, chunk, _ in
            BatchMatching.match(response, request, inputKeys: Array(chunk), resultKey: { object in
                [object.id] + (idProperty.flatMap { object.properties[$0] ?? nil }.map { [$0] } ?? [])
            }, as: CRMObject.self, client: api.client)
        }).run(ids)
    }

    /// Creates many records, in input order.
    public func batchCreate(_ inputs: [BatchCreateInput]) async -> BatchResult<CRMObject> {
        let api = self
        return await BatchRunner<BatchCreateInput, CRMObject>(client: client, chunkSize: Self.batchSize, makeRequest: { chunk, offset in
            api.batchCreateRequest(Array(chunk), offset: offset)
        }, match: { response, request, chunk, offset in
            BatchMatching.match(response, request, inputKeys: chunk.indices.map { String($0) },
                                resultKey: { [$0.objectWriteTraceId].compactMap { $0 } }, as: CRMObject.self, client: api.client)
        }).run(inputs)
    }

    /// Updates many records, in input order.
    public func batchUpdate(_ inputs: [BatchUpdateInput], idProperty: String? = nil) async -> BatchResult<CRMObject> {
        let api = self
        return await BatchRunner<BatchUpdateInput, CRMObject>(client: client, chunkSize: Self.batchSize, makeRequest: { chunk, offset in
            api.batchUpdateRequest(Array(chunk), idProperty: idProperty, offset: offset)
        }, match: { response, request, chunk, offset in
            Self.matchWrites(response, request, chunk, idProperty, api.client)
        }).run(inputs)
    }

    /// Creates or updates many records keyed by a unique property, in input order.
    public func batchUpsert(_ inputs: [BatchUpdateInput], idProperty: String) async -> BatchResult<CRMObject> {
        let api = self
        return await BatchRunner<BatchUpdateInput, CRMObject>(client: client, chunkSize: Self.batchSize, makeRequest: { chunk, offset in
            api.batchUpsertRequest(Array(chunk), idProperty: idProperty, offset: offset)
        }, match: { response, request, chunk, offset in
            Self.matchWrites(response, request, chunk, idProperty, api.client)
        }).run(inputs)
    }

    /// Archives many records; each outcome is the id archived.
    public func batchArchive(_ ids: [String]) async -> BatchResult<String> {
        let api = self
        return await BatchRunner<String, String>(client: client, chunkSize: Self.batchSize, makeRequest: { chunk, _ in
            api.batchArchiveRequest(Array(chunk))
        }, match: { _, _, chunk, _ in chunk.map { .success($0) } }).run(ids)
    }

    /// Matches update/upsert results by trace id, then by id or unique property value.
    private static func matchWrites(_ response: HTTPResponse, _ request: HubSpotRequest, _ chunk: ArraySlice<BatchUpdateInput>,
                                    _ idProperty: String?, _ client: HubSpotClient) -> [BatchResult<CRMObject>.Outcome] {
        let traced = BatchMatching.match(response, request, inputKeys: chunk.indices.map { String($0) },
                                         resultKey: { [$0.objectWriteTraceId].compactMap { $0 } }, as: CRMObject.self, client: client)
        let byId = BatchMatching.match(response, request, inputKeys: chunk.map(\.id), resultKey: { object in
            [object.id] + (idProperty.flatMap { object.properties[$0] ?? nil }.map { [$0] } ?? [])
        }, as: CRMObject.self, client: client)
        return zip(traced, byId).map { first, second in first.value != nil ? first : second }
    }
}
