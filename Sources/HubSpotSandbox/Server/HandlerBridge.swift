import Foundation
import HubSpot

/// Runs a parsed request through the async handler without a thread per request and
/// without blocking the cooperative pool: one `Task` per request, whose result goes
/// back to the event loop through the ``LoopMailbox``.
enum HandlerBridge {
    static func start(
        _ request: ParsedRequest, connection id: UInt64, baseURL: String,
        handler: @escaping SandboxServer.Handler, mailbox: LoopMailbox
    ) {
        Task {
            let response = await respond(to: request, baseURL: baseURL, handler: handler)
            mailbox.deliver(LoopMailbox.Delivery(connection: id, bytes: response.bytes, keepAlive: response.keepAlive))
        }
    }

    /// Builds the ``HTTPRequest``, runs the handler and serializes its response — all off
    /// the loop thread, so the loop only moves bytes.
    static func respond(
        to request: ParsedRequest, baseURL: String, handler: SandboxServer.Handler
    ) async -> (bytes: [UInt8], keepAlive: Bool) {
        guard let url = URL(string: baseURL + request.target) else {
            return (HTTPResponseWriter.errorResponse(.malformed("bad request target"), date: HTTPDate.now()), false)
        }
        let httpRequest = HTTPRequest(
            method: HTTPMethod(rawValue: request.method), url: url, headers: request.headers,
            body: request.body.isEmpty ? nil : Data(request.body))
        let response = await handler(httpRequest)
        return HTTPResponseWriter.serialize(
            response, keepAlive: request.keepAlive, isHead: request.isHead,
            minorVersion: request.minorVersion, date: HTTPDate.now())
    }
}
