import Foundation

/// A newsletter readers can subscribe to: the daily digest, a weekly analysis letter.
public struct Newsletter: Equatable, Sendable, Identifiable {
    public typealias ID = EntityID<Newsletter>

    public var id: ID
    public var slug: String
    public var name: String
    public var description: String
    /// The name in the From line ("The Gazette Daily").
    public var senderName: String
    public var schedule: NewsletterSchedule
    /// The sections a digest draws from; empty means every section.
    public var sectionIDs: [Section.ID]
    /// Ticked for new readers who sign up in the home page's box.
    public var isDefault: Bool
    /// The scheduled time the last digest covered up to.
    public var lastDigestAt: Date?

    public init(
        id: ID, slug: String, name: String, description: String, senderName: String, schedule: NewsletterSchedule,
        sectionIDs: [Section.ID] = [], isDefault: Bool = false, lastDigestAt: Date? = nil
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.description = description
        self.senderName = senderName
        self.schedule = schedule
        self.sectionIDs = sectionIDs
        self.isDefault = isDefault
        self.lastDigestAt = lastDigestAt
    }
}

/// When a newsletter's digest goes out, in the site's time zone. Manual newsletters only send
/// editions staff write.
public enum NewsletterSchedule: Equatable, Sendable {
    case manual
    /// Every day at `hour`:`minute`.
    case daily(hour: Int, minute: Int)
    /// Every week on `weekday` (1 = Sunday … 7 = Saturday, as `Calendar` counts) at the time.
    case weekly(weekday: Int, hour: Int, minute: Int)

    /// The stored form: "manual", "daily 07:00", "weekly 6 08:30".
    public var storedValue: String {
        switch self {
        case .manual: "manual"
        case .daily(let hour, let minute): "daily \(Self.clock(hour, minute))"
        case .weekly(let weekday, let hour, let minute): "weekly \(weekday) \(Self.clock(hour, minute))"
        }
    }

    public init?(storedValue: String) {
        let words = storedValue.split(separator: " ")
        func time(_ text: Substring) -> (Int, Int)? {
            let parts = text.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else { return nil }
            return (parts[0], parts[1])
        }
        switch (words.first, words.count) {
        case ("manual", 1): self = .manual
        case ("daily", 2):
            guard let (hour, minute) = time(words[1]) else { return nil }
            self = .daily(hour: hour, minute: minute)
        case ("weekly", 3):
            guard let weekday = Int(words[1]), (1...7).contains(weekday), let (hour, minute) = time(words[2]) else { return nil }
            self = .weekly(weekday: weekday, hour: hour, minute: minute)
        default: return nil
        }
    }

    /// How far apart two digests are.
    public var period: TimeInterval? {
        switch self {
        case .manual: nil
        case .daily: 86_400
        case .weekly: 7 * 86_400
        }
    }

    /// The latest scheduled send time at or before `now`, or nil for manual newsletters.
    public func latestSlot(atOrBefore now: Date, timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let (hour, minute, weekday): (Int, Int, Int?)
        switch self {
        case .manual: return nil
        case .daily(let h, let m): (hour, minute, weekday) = (h, m, nil)
        case .weekly(let w, let h, let m): (hour, minute, weekday) = (h, m, w)
        }
        // Walk back day by day from today (at most eight days) to the first matching slot.
        let today = calendar.startOfDay(for: now)
        for back in 0...8 {
            guard let day = calendar.date(byAdding: .day, value: -back, to: today),
                let slot = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day)
            else { continue }
            if let weekday, calendar.component(.weekday, from: day) != weekday { continue }
            if slot <= now { return slot }
        }
        return nil
    }

    /// Words for staff and readers: "Daily at 07:00", "Weekly on Saturday at 08:30".
    public var label: String {
        switch self {
        case .manual: "When the editors send one"
        case .daily(let hour, let minute): "Daily at \(Self.clock(hour, minute))"
        case .weekly(let weekday, let hour, let minute): "Weekly on \(Self.weekdayNames[weekday - 1]) at \(Self.clock(hour, minute))"
        }
    }

    public static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static func clock(_ hour: Int, _ minute: Int) -> String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }
}
