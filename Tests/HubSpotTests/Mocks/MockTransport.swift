import Foundation
import HubSpot

/// A transport that answers with a closure and records every request it saw.
final class MockTransport: Transport, @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequest) async throws -> HTTPResponse
    private let lock = NSLock()
    private var seen: [HTTPRequest] = []
    private let handler: Handler

    init(_ handler: @escaping Handler) { self.handler = handler }

    /// Answers every request with the same status and JSON body.
    convenience init(status: Int = 200, json: String = "{}", headers: HTTPHeaders = [:]) {
        self.init { _ in HTTPResponse(status: status, headers: headers, body: Data(json.utf8)) }
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { seen.append(request) }
        return try await handler(request)
    }

    var requests: [HTTPRequest] { lock.withLock { seen } }
    var count: Int { lock.withLock { seen.count } }
    var last: HTTPRequest? { lock.withLock { seen.last } }
}

/// A counter safe to bump from concurrent tasks.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    @discardableResult func next() -> Int { lock.withLock { value += 1; return value } }
    var current: Int { lock.withLock { value } }
}

enum Fixtures {
    static let token = AccessToken("pat-na1-SECRET-0000-1111")

    /// A client on `transport` and a virtual clock, with the given tweaks.
    static func client(_ transport: any Transport, clock: any HubSpotClock = VirtualClock(), token: AccessToken? = token,
                       configure: (inout HubSpotConfiguration) -> Void = { _ in },
                       log: (@Sendable (String) -> Void)? = nil) -> HubSpotClient {
        var configuration = HubSpotConfiguration(accessToken: token)
        configure(&configuration)
        return HubSpotClient(configuration: configuration, base: transport, clock: clock, log: log)
    }

    static func response(_ status: Int = 200, _ json: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(json.utf8))
    }

    static func object(_ id: String, _ properties: [String: String] = [:], trace: String? = nil) -> String {
        let props = properties.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",")
        let traceField = trace.map { ",\"objectWriteTraceId\":\"\($0)\"" } ?? ""
        return """
        {"id":"\(id)","properties":{\(props)},"createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-01T00:00:00.000Z","archived":false\(traceField)}
        """
    }

    static func json(_ data: Data?) -> JSONValue? { data.flatMap { try? JSONValue.decode($0) } }

    static func query(_ request: HTTPRequest) -> [(String, String)] {
        URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems?.map { ($0.name, $0.value ?? "") } ?? []
    }

    static func queryValues(_ request: HTTPRequest, _ name: String) -> [String] {
        query(request).filter { $0.0 == name }.map(\.1)
    }
}
