import Foundation

extension HubSpotClient {
    /// Sends one request through auth, rate limiting and retries, and returns the
    /// response when its status is 2xx (207 included).
    ///
    /// This is the raw-bytes path: every typed method is `send` plus a decode, so a
    /// caller that decodes JSON itself (the Lua bindings) loses nothing by using it.
    ///
    /// - Throws: ``HubSpotError`` — `.http` for a non-2xx status (after retries),
    ///   `.transport` when no response arrived, `.deadlineExceeded`, `.cancelled`.
    public func send(_ request: HubSpotRequest) async throws -> HTTPResponse {
        let response = try await exchange(request)
        guard response.isSuccess else {
            throw HubSpotError.from(response: response, method: request.method.rawValue, path: request.path,
                                    redacting: configuration.accessToken?.secret)
        }
        return response
    }

    /// Sends one request and returns whatever response arrives, error statuses included.
    ///
    /// - Throws: ``HubSpotError`` only when no response arrived, the deadline passed or the call was cancelled.
    public func exchange(_ request: HubSpotRequest) async throws -> HTTPResponse {
        let http = try httpRequest(for: request)
        let deadline = configuration.deadline.map { clock.now() + $0 }
        do {
            return try await Deadline.$current.withValue(Deadline.current ?? deadline) {
                try await transport.send(http)
            }
        } catch let error as HubSpotError {
            throw error
        } catch is CancellationError {
            throw HubSpotError(kind: .cancelled, message: "cancelled", method: request.method.rawValue, path: request.path)
        } catch {
            if Task.isCancelled {
                throw HubSpotError(kind: .cancelled, message: "cancelled", method: request.method.rawValue, path: request.path)
            }
            throw HubSpotError(kind: .transport, message: Self.describe(transportError: error, redacting: configuration.accessToken?.secret),
                               method: request.method.rawValue, path: request.path)
        }
    }

    /// Sends a request and decodes its JSON body.
    ///
    /// - Throws: ``HubSpotError``, `.decoding` when the body is not `T`.
    public func send<T: Decodable>(_ request: HubSpotRequest, as type: T.Type) async throws -> T {
        let response = try await send(request)
        return try decode(type, response, request)
    }

    /// Sends many requests concurrently (as many in flight as the rate limiter and
    /// ``HubSpotConfiguration/maxConcurrentRequests`` allow) and returns each
    /// outcome in input order; one failure does not stop or hide the others.
    ///
    /// The batch methods are built on it; the Lua bindings can use it with their
    /// own chunk bodies.
    public func sendAll(_ requests: [HubSpotRequest]) async -> [Result<HTTPResponse, HubSpotError>] {
        await concurrentMap(requests) { request in
            do { return .success(try await self.send(request)) }
            catch let error as HubSpotError { return .failure(error) }
            catch { return .failure(HubSpotError(kind: .transport, message: "\(error)", method: request.method.rawValue, path: request.path)) }
        }
    }

    /// Runs `body` over `items` with at most `maxConcurrentRequests` running, results in input order.
    func concurrentMap<In: Sendable, Out: Sendable>(_ items: [In], _ body: @escaping @Sendable (In) async -> Out) async -> [Out] {
        if items.count == 1, let only = items.first { return [await body(only)] }
        let width = max(1, configuration.maxConcurrentRequests)
        return await withTaskGroup(of: (Int, Out).self) { group in
            var results = [Out?](repeating: nil, count: items.count)
            var next = 0
            while next < items.count && next < width {
                let index = next, item = items[index]
                group.addTask { (index, await body(item)) }
                next += 1
            }
            while let (index, out) = await group.next() {
                results[index] = out
                if next < items.count {
                    let index = next, item = items[index]
                    group.addTask { (index, await body(item)) }
                    next += 1
                }
            }
            return results.compactMap { $0 }
        }
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: HTTPResponse, _ request: HubSpotRequest) throws -> T {
        do {
            return try JSONCoding.decode(type, from: response.body)
        } catch {
            throw HubSpotError(kind: .decoding, status: response.status, message: "\(T.self): \(Self.describe(decodingError: error))",
                               method: request.method.rawValue, path: request.path, body: response.body)
        }
    }

    func httpRequest(for request: HubSpotRequest) throws -> HTTPRequest {
        var headers = HTTPHeaders()
        headers["Accept"] = "application/json"
        headers["User-Agent"] = configuration.userAgent
        if request.body != nil { headers["Content-Type"] = "application/json" }
        return HTTPRequest(method: request.method, url: try request.url(in: configuration), headers: headers, body: request.body)
    }

    static func describe(transportError error: Error, redacting secret: String?) -> String {
        var text = (error as? URLError).map { "URLError \($0.code.rawValue): \($0.localizedDescription)" } ?? String(describing: error)
        if let secret, !secret.isEmpty { text = text.replacingOccurrences(of: secret, with: "[redacted]") }
        return text
    }

    static func describe(decodingError error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \(key.stringValue) at \(path(context))"
        case DecodingError.typeMismatch(let type, let context), DecodingError.valueNotFound(let type, let context):
            return "expected \(type) at \(path(context))"
        case DecodingError.dataCorrupted(let context):
            return "invalid JSON at \(path(context))"
        default:
            return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.isEmpty ? "top level" : text
    }
}
