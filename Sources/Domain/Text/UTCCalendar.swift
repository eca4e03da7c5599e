import Foundation

/// Days and months in UTC, as keys ("2026-11-30", "2026-11") and back: view counts, the
/// dashboard's days and the donations ledger's months all use these.
public enum UTCCalendar {
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// "yyyy-MM-dd" of the UTC day `date` falls on.
    public static func dayKey(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// "yyyy-MM" of the UTC month `date` falls in.
    public static func monthKey(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", parts.year ?? 1970, parts.month ?? 1)
    }

    /// Midnight UTC of a "yyyy-MM-dd" day, nil when the text is not one.
    public static func day(_ key: String) -> Date? {
        let parts = key.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, key.count == 10 else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    /// Midnight UTC of the first day of a "yyyy-MM" month.
    public static func monthStart(_ key: String) -> Date? {
        let parts = key.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: 1))
    }

    /// The keys of the last `count` months up to the one `now` falls in, oldest first.
    public static func monthKeys(last count: Int, until now: Date) -> [String] {
        (0..<count).reversed().compactMap { back in calendar.date(byAdding: .month, value: -back, to: now).map(monthKey) }
    }
}
