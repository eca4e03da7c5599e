import Foundation

/// Calendar arithmetic in one time zone (the site's): the date and time of an instant, and the
/// instant a `datetime-local` form value names. Integer arithmetic throughout (Howard Hinnant's
/// civil-from-days algorithms): pages format dozens of dates, and Calendar is slow.
public struct LocalClock: Sendable, Equatable {
    public let timeZone: TimeZone

    public init(timeZoneIdentifier: String) {
        self.timeZone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
    }

    /// "2026-11-24T14:05", the value of a `datetime-local` input in the site's time zone.
    public func inputValue(_ date: Date) -> String {
        let p = Self.civil(date, offset: timeZone.secondsFromGMT(for: date))
        return "\(p.year)-\(Self.pad(p.month))-\(Self.pad(p.day))T\(Self.pad(p.hour)):\(Self.pad(p.minute))"
    }

    /// The instant a `datetime-local` value names in the site's time zone; nil if malformed.
    public func date(fromInput value: String) -> Date? {
        let pieces = value.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" })
        let parts = pieces.compactMap { Int($0) }
        guard parts.count == pieces.count, parts.count == 5 || parts.count == 6, value.count <= 19 else { return nil }
        let (year, month, day, hour, minute) = (parts[0], parts[1], parts[2], parts[3], parts[4])
        guard (1970...9999).contains(year), (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
            (0...59).contains(minute)
        else { return nil }
        // Days from the civil date (inverse of `civil`), then the zone's offset at that moment.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let local = Double(days * 86_400 + hour * 3600 + minute * 60)
        let guess = Date(timeIntervalSince1970: local - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local))))
        let result = Date(timeIntervalSince1970: local - Double(timeZone.secondsFromGMT(for: guess)))
        return inputValue(result).hasPrefix(String(format: "%04d-%02d-%02d", year, month, day)) ? result : nil
    }

    public static func pad(_ number: Int) -> String {
        number < 10 ? "0\(number)" : String(number)
    }

    /// The calendar date and time of an instant at a UTC offset, by integer arithmetic (Howard
    /// Hinnant's days-to-civil algorithm): pages format dozens of dates, and Calendar is slow.
    public static func civil(_ date: Date, offset: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    }
}
