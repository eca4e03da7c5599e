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

    public init() {}
}
