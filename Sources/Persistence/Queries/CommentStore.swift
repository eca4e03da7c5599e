import Domain
import FluentKit
import Foundation
import SQLKit

/// Reads of the public discussion.
public enum CommentStore {
    /// The approved comments of an article, oldest first.
    public static func approved(for article: Article.ID, on db: any Database) async throws -> [Comment] {
        try await db.sql().raw(
            """
            SELECT id, parent_id, author_name, author_email, is_guest, body_html, created_at FROM comments
            WHERE article_id = \(bind: article.rawValue) AND status = \(bind: CommentStatus.approved.rawValue)
            ORDER BY created_at, id
            """
        ).all().map { row in
            Comment(
                id: .init(try row.decode(column: "id", as: Int.self)), articleID: article,
                parentID: try row.decode(column: "parent_id", as: Int?.self).map { .init($0) },
                authorName: try row.decode(column: "author_name", as: String.self),
                isGuest: try row.decode(column: "is_guest", as: Bool.self),
                bodyHTML: try row.decode(column: "body_html", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Date.self), status: .approved,
                avatarKey: AvatarKey.make(email: try row.decode(column: "author_email", as: String.self)))
        }
    }

    /// How many comments wait for a moderator.
    public static func pendingCount(on db: any Database) async throws -> Int {
        try await CommentRecord.query(on: db).filter(\.$status == CommentStatus.pending.rawValue).count()
    }

    /// Comments received since `since`, whatever their status.
    public static func countSince(_ since: Date, on db: any Database) async throws -> Int {
        try await CommentRecord.query(on: db).filter(\.$createdAt >= since).count()
    }

    /// Stores a comment as given (the discussion rules decide its status before this is called).
    public static func create(
        article: Article.ID, parent: Comment.ID?, authorName: String, authorEmail: String, isGuest: Bool,
        body: CommentBody, status: CommentStatus, networkHash: String?, at createdAt: Date, on db: any Database
    ) async throws -> Comment.ID {
        let record = CommentRecord()
        record.$article.id = article.rawValue
        record.$parent.id = parent?.rawValue
        record.authorName = authorName
        record.authorEmail = authorEmail
        record.isGuest = isGuest
        record.bodyMarkdown = body.markdown
        record.bodyHTML = body.html
        record.status = status.rawValue
        record.networkHash = networkHash
        record.createdAt = createdAt
        try await record.create(on: db)
        return .init(try record.requireID())
    }
}
