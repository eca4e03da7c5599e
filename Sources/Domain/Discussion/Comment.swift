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

    public init(
        id: ID, articleID: Article.ID, parentID: ID?, authorName: String, isGuest: Bool, bodyHTML: String,
        createdAt: Date, status: CommentStatus, avatarKey: String
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
