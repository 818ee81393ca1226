#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The `Date` header value in IMF-fixdate form (`Sun, 06 Nov 1994 08:49:37 GMT`).
///
/// Formatted by hand from `gmtime_r` rather than with a `DateFormatter`: it is built
/// for every response, and a formatter is neither cheap nor safe to share across threads.
enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The last second formatted, shared by the threads that serialize responses.
    private static let cache = Mutex<(second: time_t, text: String)>((-1, ""))

    /// Now, as a `Date` header value; formatted once a second.
    static func now() -> String {
        let second = time(nil)
        if let cached = cache.withLock({ $0.second == second ? $0.text : nil }) { return cached }
        let text = string(for: second)
        cache.withLock { $0 = (second, text) }
        return text
    }

    static func string(for seconds: time_t) -> String {
        var t = seconds
        var parts = tm()
        gmtime_r(&t, &parts)
        let day = days[Int(parts.tm_wday) % 7]
        let month = months[Int(parts.tm_mon) % 12]
        return "\(day), \(twoDigits(parts.tm_mday)) \(month) \(parts.tm_year + 1900) "
            + "\(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec)) GMT"
    }

    private static func twoDigits(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
