import Domain
import FluentKit

/// Reads of the public discussion.
public enum CommentQueries {
    /// The approved comments of an article, oldest first.
    public static func approved(for article: Article.ID, on db: any Database) async throws -> [Comment] {
        try await CommentRecord.query(on: db)
            .filter(\.$article.$id == article.rawValue)
            .filter(\.$status == CommentStatus.approved.rawValue)
            .sort(\.$createdAt).sort(\.$id)
            .all()
            .map { try $0.domain() }
    }

    /// How many comments wait for a moderator.
    public static func pendingCount(on db: any Database) async throws -> Int {
        try await CommentRecord.query(on: db).filter(\.$status == CommentStatus.pending.rawValue).count()
    }
}
