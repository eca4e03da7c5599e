import Domain
import Foundation

/// Formats dates and numbers for display, deterministically (no locale lookups), in the site's
/// time zone. Cheap enough to call for every card on a page.
public struct DisplayFormat: Sendable, Equatable {
    /// The site's time zone and its calendar arithmetic.
    public let clock: LocalClock
    public var timeZone: TimeZone { clock.timeZone }

    public init(timeZoneIdentifier: String) {
        self.clock = LocalClock(timeZoneIdentifier: timeZoneIdentifier)
    }

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// "24 November 2026".
    public func date(_ date: Date) -> String {
        let parts = Self.civil(date, offset: timeZone.secondsFromGMT(for: date))
        return "\(parts.day) \(Self.months[parts.month - 1]) \(parts.year)"
    }

    /// "24 November 2026, 14:05".
    public func dateTime(_ date: Date) -> String {
        let parts = Self.civil(date, offset: timeZone.secondsFromGMT(for: date))
        return "\(parts.day) \(Self.months[parts.month - 1]) \(parts.year), \(Self.pad(parts.hour)):\(Self.pad(parts.minute))"
    }

    /// "24 November 2026, 14:05 CET": the time with its zone, for readers anywhere.
    public func dateTimeWithZone(_ date: Date) -> String {
        let zone = timeZone.identifier == "UTC" ? "UTC" : timeZone.abbreviation(for: date) ?? timeZone.identifier
        return dateTime(date) + " " + zone
    }

    /// The year of `date` in the site's time zone.
    public func year(_ date: Date) -> Int {
        Self.civil(date, offset: timeZone.secondsFromGMT(for: date)).year
    }

    /// "2026-11-24T14:05", the value of a `datetime-local` input in the site's time zone.
    public func inputValue(_ date: Date) -> String { clock.inputValue(date) }

    /// The instant a `datetime-local` value names in the site's time zone; nil if malformed.
    public func date(fromInput value: String) -> Date? { clock.date(fromInput: value) }

    /// "2026-11-24T14:05:00Z", for `datetime` attributes and structured data.
    public static func iso8601(_ date: Date) -> String {
        let p = civil(date, offset: 0)
        let year = p.year < 1000 ? String(repeating: "0", count: 4 - String(p.year).count) + String(p.year) : String(p.year)
        return "\(year)-\(pad(p.month))-\(pad(p.day))T\(pad(p.hour)):\(pad(p.minute)):\(pad(p.second))Z"
    }

    static func pad(_ number: Int) -> String { LocalClock.pad(number) }

    static func civil(_ date: Date, offset: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        LocalClock.civil(date, offset: offset)
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
