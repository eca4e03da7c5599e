import Foundation

/// Words a site refuses or holds, matched as whole words in any case, Unicode-aware ("Ärger" is
/// a word, "class" does not contain "ass"). An entry may be a phrase ("buy now").
public struct WordList: Equatable, Sendable {
    public let entries: [String]
    /// Each entry's words, folded as a text's are (once, not for every comment).
    private let needles: [[String]]

    /// One entry per line or comma.
    public init(_ text: String) {
        let all: [String] = text.split(whereSeparator: { $0 == "\n" || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        entries = Array(all.prefix(500))
        needles = entries.map(Self.words)
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The first entry found in `text`, as the list writes it.
    public func firstMatch(in text: String) -> String? {
        isEmpty ? nil : firstMatch(inWords: Self.words(text))
    }

    /// The first entry found among a text's `words` (from `words(_:)`), as the list writes it.
    public func firstMatch(inWords words: [String]) -> String? {
        guard !words.isEmpty else { return nil }
        for (entry, needle) in zip(entries, needles) {
            guard !needle.isEmpty, needle.count <= words.count else { continue }
            for start in 0...(words.count - needle.count) where words[start..<(start + needle.count)].elementsEqual(needle) {
                return entry
            }
        }
        return nil
    }

    /// The text's words, folded (case, width and accents kept apart only as Unicode says).
    public static func words(_ text: String) -> [String] {
        text.lowercased().folding(options: [.caseInsensitive, .widthInsensitive], locale: nil)
            .split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }.map(String.init)
    }
}

/// How a site moderates its discussion (from the settings; an article may override the mode).
public struct ModerationPolicy: Equatable, Sendable {
    public enum Mode: String, Sendable, CaseIterable, Codable {
        /// Every comment waits for a moderator.
        case pre
        /// Comments appear at once unless a rule holds them.
        case post

        public var label: String {
            switch self {
            case .pre: "Every comment waits for a moderator (pre-moderation)"
            case .post: "Comments appear at once unless a rule holds them (post-moderation)"
            }
        }
    }

    public var mode: Mode
    public var holdFirstComment: Bool
    /// More links than this hold a comment.
    public var maximumLinks: Int
    public var blockWords: WordList
    public var holdWords: WordList
    /// A form sent sooner than this after the page loaded is a robot's.
    public var minimumSeconds: Int
    /// Reader flags that send an approved comment back to the queue.
    public var flagsToHold: Int

    public init(
        mode: Mode = .pre, holdFirstComment: Bool = true, maximumLinks: Int = 2, blockWords: WordList = WordList(""),
        holdWords: WordList = WordList(""), minimumSeconds: Int = 3, flagsToHold: Int = 3
    ) {
        self.mode = mode
        self.holdFirstComment = holdFirstComment
        self.maximumLinks = maximumLinks
        self.blockWords = blockWords
        self.holdWords = holdWords
        self.minimumSeconds = minimumSeconds
        self.flagsToHold = flagsToHold
    }
}

/// What the server knows when a comment arrives, besides its text.
public struct CommentContext: Equatable, Sendable {
    /// Whether this address has an approved comment on the site already.
    public var knownCommenter: Bool
    /// Signed-in readers and staff are not new commenters.
    public var signedIn: Bool
    public var isStaff: Bool
    /// Seconds between the page load (the form's signed time) and the post; nil when unknown.
    public var secondsToFill: Int?
    public var honeypotFilled: Bool
    /// The article's own mode, when it overrides the site's.
    public var articleMode: ModerationPolicy.Mode?

    public init(
        knownCommenter: Bool, signedIn: Bool = false, isStaff: Bool = false, secondsToFill: Int? = nil, honeypotFilled: Bool = false,
        articleMode: ModerationPolicy.Mode? = nil
    ) {
        self.knownCommenter = knownCommenter
        self.signedIn = signedIn
        self.isStaff = isStaff
        self.secondsToFill = secondsToFill
        self.honeypotFilled = honeypotFilled
        self.articleMode = articleMode
    }
}

/// Where a new comment goes and why: every hold carries the reason the moderator (and the
/// commenter's "awaiting moderation" notice) shows.
public struct ModerationDecision: Equatable, Sendable {
    public var status: CommentStatus
    public var reason: String?

    public init(status: CommentStatus, reason: String?) {
        self.status = status
        self.reason = reason
    }

    /// Applies the policy's rules in order: robots to spam, blocked words to spam, then the holds
    /// (moderation mode, first comment, links, held words); staff are never held.
    public static func decide(text: String, links: Int, context: CommentContext, policy: ModerationPolicy) -> ModerationDecision {
        if context.isStaff { return .init(status: .approved, reason: nil) }
        if context.honeypotFilled { return .init(status: .spam, reason: "A field hidden from people was filled in (a robot).") }
        if let seconds = context.secondsToFill, seconds < policy.minimumSeconds {
            return .init(status: .spam, reason: "Sent \(max(0, seconds)) s after the page loaded (a robot).")
        }
        // The text's words, folded once for both lists (and not at all when both are empty).
        let words = policy.blockWords.isEmpty && policy.holdWords.isEmpty ? [] : WordList.words(text)
        if let word = policy.blockWords.firstMatch(inWords: words) {
            return .init(status: .spam, reason: "Contains “\(word)”, a blocked word.")
        }
        if (context.articleMode ?? policy.mode) == .pre {
            return .init(status: .pending, reason: "Comments are reviewed before they appear.")
        }
        if policy.holdFirstComment && !context.knownCommenter && !context.signedIn {
            return .init(status: .pending, reason: "First comment from this address.")
        }
        if links > policy.maximumLinks {
            return .init(status: .pending, reason: "Contains \(links) links (more than \(policy.maximumLinks)).")
        }
        if let word = policy.holdWords.firstMatch(inWords: words) {
            return .init(status: .pending, reason: "Contains “\(word)”, a word that is reviewed first.")
        }
        return .init(status: .approved, reason: nil)
    }

    /// How many links the rendered comment has.
    public static func linkCount(_ html: String) -> Int {
        HTMLTokenizer(html).reduce(0) { count, token in
            if case .start("a", _) = token { return count + 1 }
            return count
        }
    }
}

/// Limits per network (the salted hash of a /24 or /48), per hour unless said otherwise.
public enum DiscussionLimits {
    public static let commentsPerMinute = 5
    public static let commentsPerHour = 30
    public static let votesPerMinute = 60
    public static let flagsPerHour = 10
    public static let subscriptionsPerHour = 5
    public static let signInLinksPerHour = 5
    /// The same text from the same address or network within this window is a repeat.
    public static let repeatWindow: TimeInterval = 86_400
}

/// A reader's vote on a comment: up, down, or none (taken back).
public enum VoteValue: Int, Sendable, CaseIterable, Codable {
    case down = -1
    case none = 0
    case up = 1

    /// How the comment's up and down counts change when a vote goes from `old` to `new`.
    public static func change(from old: VoteValue, to new: VoteValue) -> (up: Int, down: Int) {
        ((new == .up ? 1 : 0) - (old == .up ? 1 : 0), (new == .down ? 1 : 0) - (old == .down ? 1 : 0))
    }
}

/// Why a reader flags a comment.
public enum FlagReason: String, Sendable, CaseIterable, Codable {
    case spam
    case abuse
    case offTopic = "off-topic"
    case misinformation
    case other

    public var label: String {
        switch self {
        case .spam: "Spam or advertising"
        case .abuse: "Abusive or hateful"
        case .offTopic: "Off topic"
        case .misinformation: "False or misleading"
        case .other: "Something else"
        }
    }
}
