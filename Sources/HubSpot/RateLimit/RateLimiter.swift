/// A sliding-window rate limiter that hands out send times instead of yes/no answers.
///
/// Each ``reserve(now:)`` books the earliest moment at which one more request keeps
/// every window of length `window` (plus a small safety margin) at or under
/// `capacity` requests, and returns it; the caller sleeps until then. Because the
/// bookings are made in order, N concurrent callers are spread over the windows
/// exactly: the first `capacity` go at once, the next `capacity` one window later,
/// and none is sent early. Nothing depends on luck or on seeing a 429 first.
///
/// The limiter corrects itself from HubSpot's `X-HubSpot-RateLimit-Max`,
/// `-Interval-Milliseconds` and `-Remaining` headers (another process using the
/// same app shows up as fewer remaining than we booked), and a 429 blocks new
/// bookings until the time HubSpot names.
public actor RateLimiter {
    public private(set) var capacity: Int
    public private(set) var window: Duration
    /// Extra time added to each window: covers clock skew and latency jitter between us and HubSpot.
    public nonisolated let margin: Duration
    /// Booked send times, ascending; only the last `capacity` matter.
    private var bookings: [Duration] = []
    private var blockedUntil: Duration = .zero

    public init(capacity: Int, window: Duration, margin: Duration? = nil) {
        self.capacity = max(1, capacity)
        self.window = window
        self.margin = margin ?? max(window / 50, .milliseconds(50))
    }

    /// Books one request and returns the time at which it may be sent (≥ `now`).
    public func reserve(now: Duration) -> Duration {
        var time = max(now, blockedUntil)
        if bookings.count >= capacity {
            time = max(time, bookings[bookings.count - capacity] + window + margin)
        }
        if let last = bookings.last, time < last { time = last }
        bookings.append(time)
        if bookings.count > capacity * 2 { bookings.removeFirst(bookings.count - capacity) }
        return time
    }

    /// Requests booked in the window that ends at `now` (sent or about to be).
    public func used(at now: Duration) -> Int {
        bookings.reduce(0) { $0 + (($1 > now - window - margin && $1 <= now) ? 1 : 0) }
    }

    /// Applies HubSpot's view of the window from a response's headers.
    public func observe(_ headers: HTTPHeaders, now: Duration) {
        if let raw = headers["X-HubSpot-RateLimit-Max"], let max = Int(raw), max > 0, max != capacity {
            capacity = max
        }
        if let raw = headers["X-HubSpot-RateLimit-Interval-Milliseconds"], let ms = Int64(raw), ms > 0 {
            window = .milliseconds(ms)
        }
        if let raw = headers["X-HubSpot-RateLimit-Remaining"], let remaining = Int(raw) {
            let ours = capacity - used(at: now)
            // Fewer left than we booked: someone else shares the limit. Book the difference.
            let missing = min(capacity, ours - max(0, remaining))
            // Phantom bookings go at `now`, not after bookings already promised to waiting callers,
            // so they count at once and a second response does not add them again.
            if missing > 0 {
                let index = bookings.firstIndex { $0 > now } ?? bookings.endIndex
                bookings.insert(contentsOf: repeatElement(now, count: missing), at: index)
            }
        }
    }

    /// Blocks new bookings until `time` (after a 429).
    public func block(until time: Duration) {
        blockedUntil = max(blockedUntil, time)
    }
}
