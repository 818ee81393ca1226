import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The network transport: one HTTP exchange through `URLSession`.
///
/// It throws only when no response arrived (the `URLError`); every HTTP status is
/// returned as an ``HTTPResponse``.
public final class URLSessionTransport: Transport {
    private let session: URLSession
    private let timeout: TimeInterval

    /// - Parameters:
    ///   - timeout: the longest one exchange may take.
    ///   - maxConnections: connections kept to one host (enough for a full rate-limit window in flight).
    public init(timeout: Duration = .seconds(30), maxConnections: Int = 100, session: URLSession? = nil) {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        self.timeout = seconds
        if let session {
            self.session = session
        } else {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = seconds
            configuration.httpMaximumConnectionsPerHost = max(1, maxConnections)
            configuration.httpCookieStorage = nil
            configuration.urlCache = nil
            self.session = URLSession(configuration: configuration)
        }
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method.rawValue
        for field in request.headers { urlRequest.addValue(field.value, forHTTPHeaderField: field.name) }
        urlRequest.httpBody = request.body
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers.add(name: name, value: value) }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }
}
