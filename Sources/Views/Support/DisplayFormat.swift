import Foundation

/// Formats dates and numbers for display, deterministically (no locale lookups), in the site's
/// time zone. Cheap enough to call for every card on a page.
public struct DisplayFormat: Sendable, Equatable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZoneIdentifier: String) {
        self.timeZone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.timeZone == rhs.timeZone }

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// "24 November 2026".
    public func date(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.day ?? 1) \(Self.months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970)"
    }

    /// "24 November 2026, 14:05".
    public func dateTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return self.date(date) + String(format: ", %02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// The year of `date` in the site's time zone.
    public func year(_ date: Date) -> Int {
        calendar.component(.year, from: date)
    }

    /// "2026-11-24T14:05:00Z", for `datetime` attributes and structured data.
    public static func iso8601(_ date: Date) -> String {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let p = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", p.year ?? 1970, p.month ?? 1, p.day ?? 1, p.hour ?? 0,
            p.minute ?? 0, p.second ?? 0)
    }

    /// "6,982".
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var output = number < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { output.append(",") }
            output.append(digit)
        }
        return output
    }

    /// "1 View", "6,982 Views".
    public static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(grouped(number)) \(number == 1 ? singular : plural)"
    }
}
