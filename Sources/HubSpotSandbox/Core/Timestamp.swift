/// Millisecond timestamps and HubSpot's ISO-8601 form ("2024-01-15T10:30:00.123Z").
///
/// Done by hand (civil-from-days arithmetic) because DateFormatter is slow and not
/// thread-safe to share, and because the fixed-width form sorts as text in time order,
/// which search relies on to compare datetime values without parsing them.
enum Timestamp {
    /// Years 0001–9999, the range the fixed-width form can hold.
    static let range: ClosedRange<Int64> = -62_135_596_800_000...253_402_300_799_999

    static func iso(_ raw: Int64) -> String {
        let ms = min(max(raw, range.lowerBound), range.upperBound)
        let days = floorDiv(ms, 86_400_000)
        let msOfDay = ms - days * 86_400_000
        let (y, m, d) = civil(fromDays: days)
        let h = msOfDay / 3_600_000, mi = (msOfDay / 60_000) % 60, s = (msOfDay / 1000) % 60, f = msOfDay % 1000
        var out = [UInt8]()
        out.reserveCapacity(24)
        put(&out, y, 4); out.append(0x2D); put(&out, m, 2); out.append(0x2D); put(&out, d, 2)
        out.append(UInt8(ascii: "T"))
        put(&out, h, 2); out.append(0x3A); put(&out, mi, 2); out.append(0x3A); put(&out, s, 2)
        out.append(0x2E); put(&out, f, 3); out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    /// "YYYY-MM-DD" of the UTC day holding `ms`.
    static func isoDate(_ ms: Int64) -> String {
        String(iso(ms).prefix(10))
    }

    /// Parses ms since epoch ("1705314600123") or ISO-8601 (date only, or date-time with
    /// optional fraction and Z or ±HH:MM offset).
    static func parse(_ text: String) -> Int64? {
        guard let ms = parseUnchecked(text), range.contains(ms) else { return nil }
        return ms
    }

    private static func parseUnchecked(_ text: String) -> Int64? {
        if let n = Int64(text) { return n }
        let b = Array(text.utf8)
        guard b.count >= 10, b[4] == 0x2D, b[7] == 0x2D,
              let y = num(b, 0, 4), let mo = num(b, 5, 2), let d = num(b, 8, 2),
              (1...12).contains(mo), (1...31).contains(d) else { return nil }
        var ms = days(fromCivil: y, mo, d) * 86_400_000
        if b.count == 10 { return ms }
        guard b.count >= 16, b[10] == UInt8(ascii: "T") || b[10] == 0x20,
              let h = num(b, 11, 2), b[13] == 0x3A, let mi = num(b, 14, 2), h < 24, mi < 60 else { return nil }
        ms += (h * 3600 + mi * 60) * 1000
        var i = 16
        if i < b.count, b[i] == 0x3A {
            guard let s = num(b, 17, 2), s < 61 else { return nil }
            ms += s * 1000
            i = 19
        }
        if i < b.count, b[i] == 0x2E {
            i += 1
            var frac: Int64 = 0, digits = 0
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                if digits < 3 { frac = frac * 10 + Int64(b[i] - 0x30) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            if digits < 3 { for _ in digits..<3 { frac *= 10 } }
            ms += frac
        }
        if i == b.count { return ms }
        if b[i] == UInt8(ascii: "Z"), i + 1 == b.count { return ms }
        if b[i] == 0x2B || b[i] == 0x2D, b.count >= i + 6, let oh = num(b, i + 1, 2), b[i + 3] == 0x3A, let om = num(b, i + 4, 2) {
            let offset = (oh * 60 + om) * 60_000
            return b[i] == 0x2B ? ms - offset : ms + offset
        }
        return nil
    }

    private static func num(_ b: [UInt8], _ at: Int, _ len: Int) -> Int64? {
        guard at + len <= b.count else { return nil }
        var v: Int64 = 0
        for k in at..<(at + len) {
            guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
            v = v * 10 + Int64(b[k] - 0x30)
        }
        return v
    }

    private static func put(_ out: inout [UInt8], _ v: Int64, _ width: Int) {
        var digits = [UInt8](repeating: 0x30, count: width)
        var x = v
        for k in stride(from: width - 1, through: 0, by: -1) {
            digits[k] = UInt8(0x30 + x % 10)
            x /= 10
        }
        out.append(contentsOf: digits)
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    private static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
