/// Pipelines and their stages for one object type (deals, tickets, …).
///
/// ```swift
/// for pipeline in try await client.pipelines(.deals).list() {
///     print(pipeline.label, pipeline.stages.map(\.label))
/// }
/// ```
public struct PipelinesAPI: Sendable {
    public let client: HubSpotClient
    public let type: ObjectType

    public var basePath: String { client.version.prefix(.pipelines) + "/" + HubSpotRequest.segment(type.name) }
    func path(_ id: String) -> String { basePath + "/" + HubSpotRequest.segment(id) }
}

extension HubSpotClient {
    /// Pipelines of an object type.
    public func pipelines(_ type: ObjectType) -> PipelinesAPI { PipelinesAPI(client: self, type: type) }
}

extension PipelinesAPI {
    public func listRequest() -> HubSpotRequest { HubSpotRequest(.get, basePath) }

    /// Every pipeline of the type, with stages.
    ///
    /// - Throws: ``HubSpotError``.
    public func list() async throws -> [Pipeline] {
        try await client.send(listRequest(), as: CollectionResponse<Pipeline>.self).results
    }

    /// One pipeline.
    ///
    /// - Throws: ``HubSpotError``.
    public func get(_ id: String) async throws -> Pipeline {
        try await client.send(HubSpotRequest(.get, path(id)), as: Pipeline.self)
    }

    /// Creates a pipeline with its stages.
    ///
    /// - Throws: ``HubSpotError``.
    @discardableResult
    public func create(_ input: PipelineInput) async throws -> Pipeline {
        try await client.send(HubSpotRequest(.post, basePath, json: input), as: Pipeline.self)
    }

    /// Renames or reorders a pipeline.
    ///
    /// - Throws: ``HubSpotError``.
    @discardableResult
    public func update(_ id: String, label: String? = nil, displayOrder: Int? = nil) async throws -> Pipeline {
        struct Patch: Encodable { var label: String?; var displayOrder: Int? }
        return try await client.send(HubSpotRequest(.patch, path(id), json: Patch(label: label, displayOrder: displayOrder)), as: Pipeline.self)
    }

    /// Archives a pipeline.
    ///
    /// - Throws: ``HubSpotError``.
    public func archive(_ id: String) async throws { _ = try await client.send(HubSpotRequest(.delete, path(id))) }

    /// The stages of a pipeline.
    ///
    /// - Throws: ``HubSpotError``.
    public func stages(_ pipelineId: String) async throws -> [PipelineStage] {
        try await client.send(HubSpotRequest(.get, path(pipelineId) + "/stages"), as: CollectionResponse<PipelineStage>.self).results
    }

    /// One stage of a pipeline.
    ///
    /// - Throws: ``HubSpotError``.
    public func stage(_ pipelineId: String, _ stageId: String) async throws -> PipelineStage {
        try await client.send(HubSpotRequest(.get, path(pipelineId) + "/stages/" + HubSpotRequest.segment(stageId)), as: PipelineStage.self)
    }
}
