/// What a route answers: a status and an optional JSON body.
struct RouteResult {
    var status: Int
    var body: JSON?

    static func ok(_ body: JSON) -> RouteResult { RouteResult(status: 200, body: body) }
    static func created(_ body: JSON) -> RouteResult { RouteResult(status: 201, body: body) }
    static let noContent = RouteResult(status: 204, body: nil)
}
