/// Routes not built yet.
extension SandboxEngine {
    func search(_ type: ObjectType, _ r: APIRequest) throws -> RouteResult { throw APIError.routeNotFound(r.method, r.path) }
    func batch(_ type: ObjectType, _ op: String, _ r: APIRequest) throws -> RouteResult { throw APIError.routeNotFound(r.method, r.path) }
    func associationRoute(_ r: APIRequest) throws -> RouteResult { throw APIError.routeNotFound(r.method, r.path) }
    func propertyRoute(_ r: APIRequest) throws -> RouteResult { throw APIError.routeNotFound(r.method, r.path) }
    func schemaRoute(_ r: APIRequest, from: Int) throws -> RouteResult { throw APIError.routeNotFound(r.method, r.path) }
    func pipelineRoute(_ r: APIRequest) throws -> RouteResult { throw APIError.routeNotFound(r.method, r.path) }
    func ownerRoute(_ r: APIRequest) throws -> RouteResult { throw APIError.routeNotFound(r.method, r.path) }
    func listRoute(_ r: APIRequest) throws -> RouteResult { throw APIError.routeNotFound(r.method, r.path) }
    func formRoute(_ r: APIRequest) throws -> RouteResult { throw APIError.routeNotFound(r.method, r.path) }
    func submissionRoute(_ r: APIRequest) throws -> RouteResult { throw APIError.routeNotFound(r.method, r.path) }
    func workflowRoute(_ r: APIRequest) throws -> RouteResult { throw APIError.routeNotFound(r.method, r.path) }
    func accountRoute(_ r: APIRequest) throws -> RouteResult { throw APIError.routeNotFound(r.method, r.path) }
}
