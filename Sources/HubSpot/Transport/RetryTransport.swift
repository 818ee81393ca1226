import Foundation

/// A transport layer that sends a request again after a 429, a 5xx or a lost
/// connection, when ``RetryPolicy`` says a second copy is safe.
///
/// When the retries run out, the last response is returned (the client turns it
/// into a ``HubSpotError``) or the last transport error is thrown. Waits honour
/// the call's ``Deadline``.
public struct RetryTransport: Transport {
    public let base: any Transport
    public let policy: RetryPolicy
    public let clock: any HubSpotClock

    public init(base: any Transport, policy: RetryPolicy, clock: any HubSpotClock) {
        self.base = base
        self.policy = policy
        self.clock = clock
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var attempt = 0
        while true {
            try Task.checkCancellation()
            try Deadline.check(on: clock, request: request)
            let response: HTTPResponse
            do {
                response = try await base.send(request)
            } catch let error as HubSpotError {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                guard attempt < policy.maxRetries, policy.isRetrySafe(request), !Task.isCancelled else { throw error }
                try await Deadline.sleep(until: clock.now() + policy.backoff(attempt: attempt), on: clock, request: request)
                attempt += 1
                continue
            }
            if response.status == 429 {
                guard attempt < policy.maxRetries, let wait = policy.waitAfterRateLimit(response) else { return response }
                try await Deadline.sleep(until: clock.now() + wait, on: clock, request: request)
                attempt += 1
                continue
            }
            if response.status >= 500, attempt < policy.maxRetries, policy.isRetrySafe(request) {
                let wait = max(policy.backoff(attempt: attempt), HTTPStatus.retryAfter(response.headers) ?? .zero)
                try await Deadline.sleep(until: clock.now() + wait, on: clock, request: request)
                attempt += 1
                continue
            }
            return response
        }
    }
}
