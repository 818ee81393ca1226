/// One sliding window of a rate limit: at most `capacity` requests in any `window`.
///
/// Bookings are send times in ascending order; a new booking goes at the earliest
/// time that keeps every window (plus `margin`) at or under `capacity`.
public struct RateWindow: Sendable, Equatable {
    public internal(set) var capacity: Int
    public internal(set) var window: Duration
    /// Extra time added to each window: covers latency jitter between us and HubSpot.
    public let margin: Duration
    var bookings: [Duration] = []
    var blockedUntil: Duration = .zero

    public init(capacity: Int, window: Duration, margin: Duration? = nil) {
        self.capacity = max(1, capacity)
        self.window = window
        self.margin = margin ?? max(window / 50, .milliseconds(50))
    }

    /// The earliest time at or after `time` at which one more booking fits.
    func earliest(from time: Duration) -> Duration {
        var t = max(time, blockedUntil)
        if bookings.count >= capacity { t = max(t, bookings[bookings.count - capacity] + window + margin) }
        if let last = bookings.last { t = max(t, last) }
        return t
    }

    mutating func book(_ time: Duration) {
        bookings.append(time)
        if bookings.count > capacity * 2 { bookings.removeFirst(bookings.count - capacity) }
    }

    /// Bookings in the window that ends at `now`.
    func used(at now: Duration) -> Int {
        bookings.reduce(0) { $0 + (($1 > now - window - margin && $1 <= now) ? 1 : 0) }
    }

    /// Applies HubSpot's view from `X-HubSpot-RateLimit-Max`, `-Interval-Milliseconds` and `-Remaining`.
    mutating func observe(max: Int?, intervalMilliseconds: Int64?, remaining: Int?, now: Duration) {
        if let max, max > 0 { capacity = max }
        if let ms = intervalMilliseconds, ms > 0 { window = .milliseconds(ms) }
        guard let remaining else { return }
        let ours = capacity - used(at: now)
        // Fewer left than we booked: someone else shares the limit. Book the difference at
        // `now`, ahead of bookings promised to waiting callers, so a second report of the
        // same shortfall adds nothing.
        let missing = min(capacity, ours - Swift.max(0, remaining))
        if missing > 0 {
            let index = bookings.firstIndex { $0 > now } ?? bookings.endIndex
            bookings.insert(contentsOf: repeatElement(now, count: missing), at: index)
        }
    }
}
