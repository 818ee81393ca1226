import Foundation

extension AssociationsAPI {
    /// Associates many pairs, chunked by 100; labels are resolved first (one look-up per pair of types).
    ///
    /// Each outcome is the pair as given. Pairs with the default type use the
    /// `batch/associate/default` endpoint, the others `batch/create`.
    public func batchAssociate(_ from: ObjectType, to: ObjectType, _ pairs: [AssociationPair]) async -> BatchResult<AssociationPair> {
        var specs: [AssociationSpec?] = []
        for pair in pairs {
            if pair.label == .default { specs.append(nil); continue }
            do { specs.append(try await resolve(from: from, to: to, pair.label)) }
            catch let error as HubSpotError { return BatchResult(outcomes: pairs.map { _ in .failure(error) }) }
            catch { return BatchResult(outcomes: pairs.map { _ in .failure(.invalid("\(error)")) }) }
        }
        let path = pairPath(from, to)
        let indexed = Array(zip(pairs, specs).enumerated())
        let defaults = indexed.filter { $0.element.1 == nil }
        let labelled = indexed.filter { $0.element.1 != nil }
        typealias Item = (offset: Int, element: (AssociationPair, AssociationSpec?))
        let runner = { (items: [Item], make: @escaping @Sendable (ArraySlice<Item>) -> HubSpotRequest) async -> [(Int, BatchResult<AssociationPair>.Outcome)] in
            let result = await BatchRunner<Item, AssociationPair>(client: client, chunkSize: ObjectsAPI.batchSize,
                makeRequest: { chunk, _ in make(chunk) },
                match: { response, request, chunk, _ in Self.matchPairs(response, request, chunk.map(\.element.0), client) }
            ).run(items)
            return zip(items.map(\.offset), result.outcomes).map { ($0, $1) }
        }
        var outcomes = [BatchResult<AssociationPair>.Outcome](repeating: .failure(.invalid("not sent")), count: pairs.count)
        for (index, outcome) in await runner(defaults, { chunk in
            HubSpotRequest(.post, path + "/batch/associate/default", json: ["inputs": chunk.map {
                AssociationBodies.DefaultPost(from: .init(id: $0.element.0.fromId), to: .init(id: $0.element.0.toId))
            }])
        }) { outcomes[index] = outcome }
        for (index, outcome) in await runner(labelled, { chunk in
            HubSpotRequest(.post, path + "/batch/create", json: ["inputs": chunk.map {
                AssociationBodies.MultiPost(from: .init(id: $0.element.0.fromId), to: .init(id: $0.element.0.toId),
                                            types: $0.element.1.map { [$0] } ?? [])
            }])
        }) { outcomes[index] = outcome }
        return BatchResult(outcomes: outcomes)
    }

    /// Removes every association between many pairs, chunked by 100.
    public func batchRemove(_ from: ObjectType, to: ObjectType, _ pairs: [AssociationPair]) async -> BatchResult<AssociationPair> {
        let path = pairPath(from, to) + "/batch/archive"
        return await BatchRunner<AssociationPair, AssociationPair>(client: client, chunkSize: ObjectsAPI.batchSize, makeRequest: { chunk, _ in
            HubSpotRequest(.post, path, json: ["inputs": chunk.map {
                AssociationBodies.MultiArchive(from: .init(id: $0.fromId), to: [.init(id: $0.toId)])
            }])
        }, match: { _, _, chunk, _ in chunk.map { .success($0) } }).run(pairs)
    }

    /// Each pair succeeds unless an error's context names its from or to id.
    static func matchPairs(_ response: HTTPResponse, _ request: HubSpotRequest, _ pairs: [AssociationPair],
                           _ client: HubSpotClient) -> [BatchResult<AssociationPair>.Outcome] {
        struct Shape: Decodable { var errors: [HubSpotError.Body]? }
        let errors = (try? JSONDecoder().decode(Shape.self, from: response.body))?.errors ?? []
        let mapped = errors.map { entry in
            (keys: Set((entry.context ?? [:]).values.flatMap { $0 }),
             error: HubSpotError.fromBatchEntry(entry, status: response.status, method: request.method.rawValue, path: request.path))
        }
        return pairs.map { pair in
            if let hit = mapped.first(where: { $0.keys.contains(pair.fromId) || $0.keys.contains(pair.toId) }) { return .failure(hit.error) }
            if mapped.count == 1, pairs.count == 1, let only = mapped.first { return .failure(only.error) }
            return .success(pair)
        }
    }
}
