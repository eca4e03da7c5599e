import Domain
import FluentKit
import Foundation

/// A row of `comments`. The commenter's address is never stored: only a hash of the network,
/// for rate limits and bans.
public final class CommentRecord: Model, @unchecked Sendable {
    public static let schema = "comments"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Parent(key: "article_id") public var article: ArticleRecord
    @OptionalParent(key: "parent_id") public var parent: CommentRecord?
    @Field(key: "author_name") public var authorName: String
    @Field(key: "author_email") public var authorEmail: String
    @Field(key: "is_guest") public var isGuest: Bool
    @Field(key: "body_markdown") public var bodyMarkdown: String
    @Field(key: "body_html") public var bodyHTML: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "network_hash") public var networkHash: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "depth") public var depth: Int
    @OptionalField(key: "thread_id") public var threadID: Int?
    @OptionalField(key: "reply_to_id") public var replyToID: Int?
    @OptionalField(key: "reader_id") public var readerID: Int?
    @OptionalField(key: "staff_id") public var staffID: Int?
    @OptionalField(key: "hold_reason") public var holdReason: String?
    @OptionalField(key: "edited_at") public var editedAt: Date?
    @Field(key: "pinned") public var pinned: Bool
    @Field(key: "upvotes") public var upvotes: Int
    @Field(key: "downvotes") public var downvotes: Int
    @Field(key: "score") public var score: Int
    @Field(key: "reactions") public var reactions: Int
    @Field(key: "thread_replies") public var threadReplies: Int
    @Field(key: "flag_count") public var flagCount: Int
    /// Flags not yet looked at by a moderator (the flagged queue).
    @Field(key: "open_flags") public var openFlags: Int
    @Field(key: "word_count") public var wordCount: Int
    /// The "Read more" cut for `cut_words` words (0: not cut).
    @Field(key: "cut_words") public var cutWords: Int
    @OptionalField(key: "head_html") public var headHTML: String?
    @OptionalField(key: "tail_html") public var tailHTML: String?
    /// The comment as the page shows it, rendered from the fields above; nil when one of them
    /// changed since (the page then renders from the fields until the card is made again).
    @OptionalField(key: "card_html") public var cardHTML: String?
    @OptionalField(key: "card_key") public var cardKey: String?

    /// Sets the text, its length and its cut together.
    public func setBody(_ body: CommentBody, excerptWords: Int) {
        bodyMarkdown = body.markdown
        bodyHTML = body.html
        let (wordCount, cut) = StoredCut.measure(body.html, excerptWords: excerptWords)
        self.wordCount = wordCount
        cutWords = cut?.words ?? 0
        headHTML = cut?.head
        tailHTML = cut?.tail
        // A card is missing when its key is (`CommentStore.withoutCard`).
        cardHTML = nil
        cardKey = nil
    }

    public init() {}
}
