import Foundation
import HubSpot

/// Runs a parsed request through the async handler without a thread per request and
/// without blocking the cooperative pool: one `Task` per request, whose result goes
/// back to the event loop through the ``LoopMailbox``.
enum HandlerBridge {
    static func start(
        _ request: ParsedRequest, connection id: UInt64, baseURL: String,
        replier: @escaping SandboxServer.Replier, mailbox: LoopMailbox
    ) {
        Task {
            let outcome = await respond(to: request, baseURL: baseURL, replier: replier)
            mailbox.deliver(LoopMailbox.Delivery(connection: id, outcome: outcome))
        }
    }

    /// Builds the ``HTTPRequest``, runs the handler and serializes its response — all off
    /// the loop thread, so the loop only moves bytes.
    static func respond(
        to request: ParsedRequest, baseURL: String, replier: SandboxServer.Replier
    ) async -> LoopMailbox.Delivery.Outcome {
        guard let url = URL(string: baseURL + request.target) else {
            return .response(HTTPResponseWriter.errorResponse(.malformed("bad request target"), date: HTTPDate.now()),
                             keepAlive: false)
        }
        let httpRequest = HTTPRequest(
            method: HTTPMethod(rawValue: request.method), url: url, headers: request.headers,
            body: request.body.isEmpty ? nil : Data(request.body))
        guard case .response(let response) = await replier(httpRequest) else { return .drop }
        let serialized = HTTPResponseWriter.serialize(
            response, keepAlive: request.keepAlive, isHead: request.isHead,
            minorVersion: request.minorVersion, date: HTTPDate.now())
        return .response(serialized.bytes, keepAlive: serialized.keepAlive)
    }
}
