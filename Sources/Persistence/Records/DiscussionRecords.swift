import FluentKit
import Foundation

/// A row of `discussion_stats`: the discussion bar's figures for one article, kept on write.
public final class DiscussionStatsRecord: Model, @unchecked Sendable {
    public static let schema = "discussion_stats"

    @ID(custom: "article_id", generatedBy: .user) public var id: Int?
    @Field(key: "comments") public var comments: Int
    @Field(key: "threads") public var threads: Int
    @Field(key: "replies") public var replies: Int
    @Field(key: "followers") public var followers: Int
    @Field(key: "authors") public var authors: Int

    public init() {}
}

/// A row of `comment_votes`: one visitor's vote on one comment.
public final class CommentVoteRecord: Model, @unchecked Sendable {
    public static let schema = "comment_votes"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "comment_id") public var commentID: Int
    @Field(key: "voter") public var voter: String
    @Field(key: "value") public var value: Int
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A row of `comment_flags`: a reader's report of a comment, with the reason.
public final class CommentFlagRecord: Model, @unchecked Sendable {
    public static let schema = "comment_flags"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "comment_id") public var commentID: Int
    @Field(key: "voter") public var voter: String
    @Field(key: "reason") public var reason: String
    @Field(key: "note") public var note: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A row of `comment_subscriptions`: who wants mail about a discussion.
public final class CommentSubscriptionRecord: Model, @unchecked Sendable {
    public static let schema = "comment_subscriptions"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "article_id") public var articleID: Int
    @OptionalField(key: "comment_id") public var commentID: Int?
    @Field(key: "kind") public var kind: String
    @Field(key: "email") public var email: String
    @OptionalField(key: "reader_id") public var readerID: Int?
    /// The hash of the confirmation and unsubscribe token.
    @Field(key: "token_hash") public var tokenHash: String
    @OptionalField(key: "confirmed_at") public var confirmedAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A row of `comment_bans`.
public final class CommentBanRecord: Model, @unchecked Sendable {
    public static let schema = "comment_bans"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "kind") public var kind: String
    @Field(key: "value") public var value: String
    @Field(key: "reason") public var reason: String
    @OptionalField(key: "until") public var until: Date?
    @OptionalField(key: "created_by") public var createdBy: Int?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A row of `readers`: a reader who signs in with emailed links.
public final class ReaderRecord: Model, @unchecked Sendable {
    public static let schema = "readers"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A row of `reader_links`: a one-time link mailed to a reader (to sign in, or to their data).
public final class ReaderLinkRecord: Model, @unchecked Sendable {
    public static let schema = "reader_links"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "email") public var email: String
    @Field(key: "purpose") public var purpose: String
    /// Where to go after signing in (an article's address).
    @Field(key: "next") public var next: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A row of `reader_sessions`.
public final class ReaderSessionRecord: Model, @unchecked Sendable {
    public static let schema = "reader_sessions"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "reader_id") public var readerID: Int
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}
}
