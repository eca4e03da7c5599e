import Foundation

/// Keeping someone from commenting: by address, reader account or network, for some days or
/// until lifted.
public struct BanForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case kind, value, reason, days
    }

    public var kind: String
    public var value: String
    public var reason: String
    /// Whole days, or empty for a ban until lifted.
    public var days: String

    public init(_ form: some FormValues) {
        kind = form.trimmed(Field.kind)
        value = form.trimmed(Field.value)
        reason = form.trimmed(Field.reason)
        days = form.trimmed(Field.days)
    }

    public var banKind: BanKind? { BanKind(rawValue: kind) }
    public var dayCount: Int? { days.isEmpty ? nil : Int(days) }

    public func validate() -> FormErrors<Field> {
        var errors = FormErrors<Field>()
        if banKind == nil { errors[.kind] = "Choose what to ban: an email address, a reader account or a network." }
        if value.isEmpty || value.count > 254 {
            errors[.value] = "Say whom to ban."
        } else if banKind == .email, !EmailAddress.isPlausible(value) {
            errors[.value] = "Give an email address like name@example.org."
        }
        if reason.count > 300 { errors[.reason] = "Keep the reason under 300 characters." }
        if !days.isEmpty, (Int(days) ?? 0) < 1 || (Int(days) ?? 0) > 3650 {
            errors[.days] = "Give a number of days from 1 to 3650, or leave it empty for a ban until lifted."
        }
        return errors
    }
}

/// A moderator's own words in a discussion: a reply as staff, or a corrected comment.
public struct StaffCommentForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case body
    }

    public var body: String

    public init(_ form: some FormValues) {
        body = CommentSubmission.printable(form[Field.body].replacingOccurrences(of: "\r\n", with: "\n"))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func validate() -> FormErrors<Field> {
        var errors = FormErrors<Field>()
        if body.isEmpty {
            errors[.body] = "The comment is empty."
        } else if body.count > CommentSubmission.maximumBodyLength {
            errors[.body] = "Keep comments under \(CommentSubmission.maximumBodyLength) characters."
        }
        return errors
    }
}

/// Whose comments to list: everything from one address, or from one network.
public struct CommenterQuery: Hashable, Sendable {
    public var email: String
    public var network: String
    public var page: Int

    public init(email: String = "", network: String = "", page: Int = 1) {
        self.email = email
        self.network = network
        self.page = page
    }
}

/// A ban as moderators see it.
public struct CommentBan: Equatable, Sendable {
    public var id: Int
    public var kind: BanKind
    public var value: String
    public var reason: String
    public var until: Date?
    public var createdAt: Date

    public init(id: Int, kind: BanKind, value: String, reason: String, until: Date?, createdAt: Date) {
        self.id = id
        self.kind = kind
        self.value = value
        self.reason = reason
        self.until = until
        self.createdAt = createdAt
    }
}
