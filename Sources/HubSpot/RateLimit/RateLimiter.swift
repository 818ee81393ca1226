/// The client-side rate limiter: hands out send times instead of yes/no answers.
///
/// It holds two sliding windows — the account's limit (e.g. 100 per 10 s) and the
/// search endpoints' own (5 per second) — and each ``reserve(now:search:)`` books the
/// earliest moment at which one more request fits every window it counts against,
/// and returns it; the caller sleeps until then. Bookings are made in order, so N
/// concurrent callers are spread over the windows exactly: the first `capacity` go
/// at once, the next `capacity` one window later, none early. Nothing depends on
/// luck or on seeing a 429 first.
///
/// The account window corrects itself from HubSpot's `X-HubSpot-RateLimit-Max`,
/// `-Interval-Milliseconds` and `-Remaining` headers (another process using the
/// same app shows up as fewer remaining than we booked), and a 429 blocks new
/// bookings until the time HubSpot names.
public actor RateLimiter {
    public private(set) var account: RateWindow
    public private(set) var search: RateWindow

    /// - Parameters:
    ///   - capacity, window: the account limit.
    ///   - margin: added to every window (default: 2% of it, at least 50 ms).
    ///   - searchCapacity: search requests per second.
    public init(capacity: Int, window: Duration, margin: Duration? = nil, searchCapacity: Int = 5) {
        account = RateWindow(capacity: capacity, window: window, margin: margin)
        self.margin = account.margin
        search = RateWindow(capacity: searchCapacity, window: .seconds(1), margin: margin.map { min($0, .milliseconds(50)) })
    }

    public var capacity: Int { account.capacity }
    public var window: Duration { account.window }
    /// The account window's margin.
    public nonisolated let margin: Duration

    /// Books one request and returns the time at which it may be sent (≥ `now`).
    public func reserve(now: Duration, search isSearch: Bool = false) -> Duration {
        var time = account.earliest(from: now)
        if isSearch { time = search.earliest(from: time) }
        account.book(time)
        if isSearch { search.book(time) }
        return time
    }

    /// Requests booked against the account limit in the window ending at `now`.
    public func used(at now: Duration) -> Int { account.used(at: now) }

    /// Applies HubSpot's view of the account window from a response's headers.
    public func observe(_ headers: HTTPHeaders, now: Duration) {
        account.observe(max: headers["X-HubSpot-RateLimit-Max"].flatMap { Int($0) },
                        intervalMilliseconds: headers["X-HubSpot-RateLimit-Interval-Milliseconds"].flatMap { Int64($0) },
                        remaining: headers["X-HubSpot-RateLimit-Remaining"].flatMap { Int($0) }, now: now)
    }

    /// Blocks new bookings until `time` (after a 429), for searches only or for everything.
    public func block(until time: Duration, searchOnly: Bool = false) {
        if searchOnly { search.blockedUntil = max(search.blockedUntil, time) }
        else { account.blockedUntil = max(account.blockedUntil, time) }
    }
}
