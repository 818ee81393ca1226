/// HubSpot's request limits: a rolling ten-second window, a per-second window for search,
/// and a daily count that resets at midnight UTC.
///
/// Pure bookkeeping over timestamps it is given, so tests drive it with a manual clock.
struct RateLimiter {
    struct Verdict {
        /// The policy that refused the request (`TEN_SECONDLY_ROLLING`, `SECONDLY`, `DAILY`), or nil.
        var refusedBy: String?
        var headers: [(String, String)]
    }

    let perTenSeconds: Int
    let searchPerSecond: Int
    let daily: Int

    private var recent: [Int64] = []
    private var recentStart = 0
    private var recentSearches: [Int64] = []
    private var day: Int64 = -1
    private var dayCount = 0

    init(perTenSeconds: Int, searchPerSecond: Int, daily: Int) {
        self.perTenSeconds = perTenSeconds
        self.searchPerSecond = searchPerSecond
        self.daily = daily
    }

    /// The index after the last entry at or before `time` (entries are sorted).
    private func upperBound(_ time: Int64) -> Int {
        var low = recentStart, high = recent.count
        while low < high {
            let mid = (low + high) / 2
            if recent[mid] <= time { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Counts the request if it is allowed and says which headers to send.
    mutating func admit(at now: Int64, isSearch: Bool) -> Verdict {
        // Expire entries older than the window (kept in an array with a moving start).
        while recentStart < recent.count, recent[recentStart] <= now - 10_000 { recentStart += 1 }
        if recentStart > 1024, recentStart * 2 > recent.count {
            recent.removeFirst(recentStart)
            recentStart = 0
        }
        recentSearches.removeAll { $0 <= now - 1000 }
        let today = now / 86_400_000
        if today != day { day = today; dayCount = 0 }

        var refused: String?
        if daily > 0, dayCount >= daily {
            refused = "DAILY"
        } else if isSearch, searchPerSecond > 0, recentSearches.filter({ $0 <= now }).count >= searchPerSecond {
            refused = "SECONDLY"
        } else if perTenSeconds > 0, upperBound(now) - recentStart >= perTenSeconds {
            refused = "TEN_SECONDLY_ROLLING"
        }
        if refused == nil {
            // Sorted insertion: with an injected clock (tests book virtual send times),
            // requests may arrive out of time order; entries after `now` are not yet
            // in its window and must not count against it.
            if perTenSeconds > 0 { recent.insert(now, at: upperBound(now)) }
            if isSearch, searchPerSecond > 0 { recentSearches.append(now) }
            dayCount += 1
        }
        var headers: [(String, String)] = []
        if daily > 0 {
            headers.append(("X-HubSpot-RateLimit-Daily", String(daily)))
            headers.append(("X-HubSpot-RateLimit-Daily-Remaining", String(max(0, daily - dayCount))))
        }
        if perTenSeconds > 0 {
            headers.append(("X-HubSpot-RateLimit-Interval-Milliseconds", "10000"))
            headers.append(("X-HubSpot-RateLimit-Max", String(perTenSeconds)))
            headers.append(("X-HubSpot-RateLimit-Remaining", String(max(0, perTenSeconds - (upperBound(now) - recentStart)))))
            // HubSpot derives a per-second figure from the ten-second one.
            let secondly = max(1, perTenSeconds / 10)
            let lastSecond = recent[recentStart...].reduce(0) { $0 + ($1 > now - 1000 ? 1 : 0) }
            headers.append(("X-HubSpot-RateLimit-Secondly", String(secondly)))
            headers.append(("X-HubSpot-RateLimit-Secondly-Remaining", String(max(0, secondly - lastSecond))))
        }
        return Verdict(refusedBy: refused, headers: headers)
    }

    /// Milliseconds until the refused policy admits a request again (for Retry-After).
    func retryAfter(policy: String, now: Int64) -> Int64 {
        switch policy {
        case "SECONDLY": return max(1, (recentSearches.first ?? now) + 1000 - now)
        case "DAILY": return (now / 86_400_000 + 1) * 86_400_000 - now
        default: return recentStart < recent.count ? max(1, recent[recentStart] + 10_000 - now) : 1
        }
    }
}
