/// Sends one HTTP request and returns its response: the single seam between the
/// HubSpot client and the world.
///
/// URLSession implements it for the network; the sandbox implements it in process;
/// tests implement it with mocks. Auth, rate limiting, retry and logging are
/// transports that wrap another transport, so no endpoint repeats them.
///
/// A transport throws only when no HTTP response was received (connection refused,
/// reset, timeout). Any response, 4xx and 5xx included, is returned, not thrown.
public protocol Transport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
