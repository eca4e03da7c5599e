import Foundation

/// Where a comment stands in moderation. Only `approved` comments are public.
public enum CommentStatus: String, CaseIterable, Sendable, Codable {
    case approved
    case pending
    case spam
    case trash
}

/// One reader comment.
public struct Comment: Equatable, Sendable {
    public typealias ID = EntityID<Comment>
    public var id: ID
    public var articleID: Article.ID
    public var parentID: ID?
    public var authorName: String
    /// True for comments left without an account (shown with a "Guest" label).
    public var isGuest: Bool
    /// Allow-listed HTML rendered from the comment's Markdown when it was saved.
    public var bodyHTML: String
    public var createdAt: Date
    public var status: CommentStatus
    /// A stable, non-reversible key for the generated avatar (a hash of the commenter's email).
    public var avatarKey: String
    /// 0 for a thread's first comment.
    public var depth: Int
    /// The thread's first comment (itself for a first comment).
    public var threadID: ID
    /// The comment this one answers, when it is shown beside rather than under it.
    public var replyToID: ID?
    /// Written by a member of staff (shown with a badge).
    public var isStaff: Bool
    public var upvotes: Int
    public var downvotes: Int
    public var pinned: Bool
    public var editedAt: Date?
    /// Why a rule held it, for the moderator.
    public var holdReason: String?
    /// Approved replies in the thread (kept on a thread's first comment).
    public var threadReplies: Int
    /// Words in the text, and the "Read more" cut made when it was saved (for `cutWords` words).
    public var wordCount: Int = 0
    public var storedCut: StoredCut?
    /// The comment as the page shows it, rendered when it was saved, when read for a page and
    /// still current. Such a comment is read without the text the card shows (author's name and
    /// address, body): only the card, and the figures around it, are for display. Its UTF-8 bytes
    /// as stored: they were a `String` when kept, and are not checked again on every page.
    public var card: [UInt8]?
    /// For a thread's first comment read for a page: the whole thread as the page shows it (this
    /// comment, its first replies, the link to the rest), kept when still current, in UTF-8.
    public var threadCard: [UInt8]?

    public init(
        id: ID, articleID: Article.ID, parentID: ID?, authorName: String, isGuest: Bool, bodyHTML: String,
        createdAt: Date, status: CommentStatus, avatarKey: String, depth: Int = 0, threadID: ID? = nil, replyToID: ID? = nil,
        isStaff: Bool = false, upvotes: Int = 0, downvotes: Int = 0, pinned: Bool = false, editedAt: Date? = nil,
        holdReason: String? = nil, threadReplies: Int = 0
    ) {
        self.id = id
        self.articleID = articleID
        self.parentID = parentID
        self.authorName = authorName
        self.isGuest = isGuest
        self.bodyHTML = bodyHTML
        self.createdAt = createdAt
        self.status = status
        self.avatarKey = avatarKey
        self.depth = depth
        self.threadID = threadID ?? id
        self.replyToID = replyToID
        self.isStaff = isStaff
        self.upvotes = upvotes
        self.downvotes = downvotes
        self.pinned = pinned
        self.editedAt = editedAt
        self.holdReason = holdReason
        self.threadReplies = threadReplies
    }

    /// Up votes less down votes.
    public var score: Int { upvotes - downvotes }
    /// Every vote, either way.
    public var reactions: Int { upvotes + downvotes }
}

/// A long comment's head and the rest, cut once when it was saved.
public struct StoredCut: Equatable, Sendable {
    public var words: Int
    public var head: String
    public var tail: String

    public init(words: Int, head: String, tail: String) {
        self.words = words
        self.head = head
        self.tail = tail
    }

    /// The cut of `html` after `words` words, nil when it is not longer than that.
    public static func make(_ html: String, words: Int) -> StoredCut? {
        CommentExcerpt.split(html, words: words).map { StoredCut(words: words, head: $0.head, tail: $0.tail) }
    }

    /// What is kept with a comment's text when it is saved: its length in words, and its cut
    /// for a "Read more" after `excerptWords` words when it is longer than that.
    public static func measure(_ html: String, excerptWords: Int) -> (wordCount: Int, cut: StoredCut?) {
        let wordCount = CommentExcerpt.wordCount(html)
        return (wordCount, wordCount > excerptWords ? make(html, words: excerptWords) : nil)
    }
}

/// A comment with the replies under it.
public struct CommentNode: Equatable, Sendable {
    public var comment: Comment
    public var replies: [CommentNode]
    /// 0 for a top-level comment.
    public var depth: Int

    public init(comment: Comment, replies: [CommentNode], depth: Int) {
        self.comment = comment
        self.replies = replies
        self.depth = depth
    }
}
