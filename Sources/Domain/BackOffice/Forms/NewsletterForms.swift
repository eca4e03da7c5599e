import Foundation

/// Creating or changing a newsletter: its name, sender, schedule and the sections a digest draws on.
public struct NewsletterForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case name, sender, description, schedule, weekday, time
        case isDefault = "default"
        case section
    }

    public enum Kind: String, CaseIterable, Sendable {
        case daily
        case weekly
        case manual

        public var label: String {
            switch self {
            case .daily: "Daily digest"
            case .weekly: "Weekly digest"
            case .manual: "Only editions we write"
            }
        }
    }

    public var name: String
    public var sender: String
    public var description: String
    public var schedule: String
    /// 1 (Sunday) to 7 (Saturday), as `Calendar` counts.
    public var weekday: String
    /// "07:00".
    public var time: String
    public var isDefault: Bool
    public var sections: [Section.ID]

    /// A blank form: a daily digest at seven.
    public init() {
        self.init(
            name: "", sender: "", description: "", schedule: Kind.daily.rawValue, weekday: "7", time: "07:00", isDefault: false,
            sections: [])
    }

    public init(
        name: String, sender: String, description: String, schedule: String, weekday: String, time: String, isDefault: Bool,
        sections: [Section.ID]
    ) {
        self.name = name
        self.sender = sender
        self.description = description
        self.schedule = schedule
        self.weekday = weekday
        self.time = time
        self.isDefault = isDefault
        self.sections = sections
    }

    /// The form filled in from a stored newsletter.
    public init(_ newsletter: Newsletter) {
        var form = NewsletterForm(
            name: newsletter.name, sender: newsletter.senderName, description: newsletter.description, schedule: Kind.manual.rawValue,
            weekday: "7", time: "07:00", isDefault: newsletter.isDefault, sections: newsletter.sectionIDs)
        switch newsletter.schedule {
        case .manual: break
        case .daily(let hour, let minute):
            form.schedule = Kind.daily.rawValue
            form.time = Self.clock(hour, minute)
        case .weekly(let weekday, let hour, let minute):
            form.schedule = Kind.weekly.rawValue
            form.weekday = String(weekday)
            form.time = Self.clock(hour, minute)
        }
        self = form
    }

    public init(_ form: some FormValues) {
        self.init(
            name: form.trimmed(Field.name), sender: form.trimmed(Field.sender), description: form.trimmed(Field.description),
            schedule: form[Field.schedule], weekday: form[Field.weekday], time: form[Field.time],
            isDefault: form.isChecked(Field.isDefault),
            sections: form.all(Field.section).compactMap { Int($0) }.map(Section.ID.init))
    }

    /// The schedule the fields describe, or nil while they do not describe one.
    public var parsedSchedule: NewsletterSchedule? {
        let parts = time.split(separator: ":").compactMap { Int($0) }
        let valid = parts.count == 2 && (0..<24).contains(parts[0]) && (0..<60).contains(parts[1])
        switch Kind(rawValue: schedule) {
        case .manual: return .manual
        case .daily where valid: return .daily(hour: parts[0], minute: parts[1])
        case .weekly where valid:
            guard let day = Int(weekday), (1...7).contains(day) else { return nil }
            return .weekly(weekday: day, hour: parts[0], minute: parts[1])
        default: return nil
        }
    }

    public func validate() -> FormErrors<Field> {
        var errors = FormErrors<Field>()
        if name.isEmpty || name.count > 80 { errors[.name] = "Give the newsletter a name (up to 80 characters)." }
        if sender.count > 80 { errors[.sender] = "Keep the sender name under 80 characters." }
        if description.count > 300 { errors[.description] = "Keep the description under 300 characters." }
        if parsedSchedule == nil {
            switch Kind(rawValue: schedule) {
            case .daily, .weekly:
                let parts = time.split(separator: ":").compactMap { Int($0) }
                if parts.count == 2 && (0..<24).contains(parts[0]) && (0..<60).contains(parts[1]) {
                    errors[.schedule] = "Choose the day of the week."
                } else {
                    errors[.time] = "Give the time as hours and minutes, like 07:00."
                }
            case .manual, nil: errors[.schedule] = "Choose how often it is sent."
            }
        }
        return errors
    }

    static func clock(_ hour: Int, _ minute: Int) -> String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }
}

/// Writing an edition.
public struct EditionForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case newsletter, subject, markdown
    }

    public var subject: String
    public var markdown: String

    public init(subject: String, markdown: String) {
        self.subject = subject
        self.markdown = markdown
    }

    public init(_ form: some FormValues) {
        self.init(subject: form.trimmed(Field.subject), markdown: form[Field.markdown].replacingOccurrences(of: "\r\n", with: "\n"))
    }

    /// The newsletter a new edition is for.
    public static func newsletter(_ form: some FormValues) -> Newsletter.ID? {
        Int(form[Field.newsletter]).map(Newsletter.ID.init)
    }

    public func validate() -> FormErrors<Field> {
        var errors = FormErrors<Field>()
        if subject.isEmpty || subject.count > 150 { errors[.subject] = "Give the edition a subject line (up to 150 characters)." }
        if markdown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors[.markdown] = "Write the edition’s text." }
        if markdown.count > 100_000 { errors[.markdown] = "The text is too long for one email (100,000 characters at most)." }
        return errors
    }
}

/// Scheduling an edition, or taking it back to draft.
public struct EditionScheduleForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case at, unschedule
    }

    /// The `datetime-local` value typed.
    public var at: String
    public var unschedule: Bool

    public init(_ form: some FormValues) {
        at = form[Field.at]
        unschedule = form.value(Field.unschedule.name) != nil
    }
}

/// Importing subscribers from a CSV file.
public enum SubscriberImportForm {
    public enum Field: String, FormField {
        case file, newsletter
    }
}

/// The filters of the subscriber list and the send log (sent with GET).
public enum ListFilterField: String, FormField {
    case q, status, newsletter
}

/// The donations list's filter fields.
public enum DonationFilterField: String, FormField {
    case q, provider, status, currency, kind, from, to
}
