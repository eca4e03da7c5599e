import Foundation

/// A comment as a reader submits it through the "Leave a Reply" form.
public struct CommentSubmission: Equatable, Sendable {
    public static let maximumBodyLength = 5000
    public static let maximumNameLength = 80

    public var name: String
    public var email: String
    public var body: String
    public var parentID: Comment.ID?
    /// The hidden field people never see; bots fill it in.
    public var honeypot: String

    public init(name: String, email: String, body: String, parentID: Comment.ID?, honeypot: String) {
        self.name = Self.printable(name).trimmingWhiteSpace
        self.email = Self.printable(email).trimmingWhiteSpace
        let body = body.utf8.contains(13) ? body.replacingOccurrences(of: "\r\n", with: "\n") : body
        self.body = Self.printable(body).trimmingWhiteSpace
        self.parentID = parentID
        self.honeypot = honeypot
    }

    /// The text without control characters other than tabs and line breaks (a NUL byte cannot
    /// be stored in PostgreSQL text, and none of them shows).
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0x7F }) else { return text }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.filter { !($0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0x7F) })
        return String(kept)
    }

    /// Field name → what is wrong with it, for every field that needs fixing.
    public func problems() -> [String: String] {
        var problems: [String: String] = [:]
        if name.isEmpty {
            problems["name"] = "Please give a name to show with your comment."
        } else if name.count > Self.maximumNameLength {
            problems["name"] = "Please keep the name under \(Self.maximumNameLength) characters."
        }
        if !EmailAddress.isPlausible(email) {
            problems["email"] = "Please give an email address like name@example.org. It is never shown."
        }
        if body.isEmpty {
            problems["body"] = "The comment is empty."
        } else if body.count > Self.maximumBodyLength {
            problems["body"] = "Please keep comments under \(Self.maximumBodyLength) characters (this one has \(body.count))."
        }
        return problems
    }
}
