import Domain
import FluentKit
import Foundation
import SQLKit

/// The moderation queues.
extension CommentStore {
    /// A comment as a moderator sees it: with the article, the commenter's address and their record.
    public struct QueueItem: Equatable, Sendable {
        public var comment: Comment
        public var authorEmail: String
        public var articleTitle: String
        public var articleSlug: String
        public var network: String?
    }

    public static func queue(_ status: CommentStatus, page: ListingPage, on db: any Database) async throws -> Paged<QueueItem> {
        let sql = try db.sql()
        let total = try await CommentRecord.query(on: db).filter(\.$status == status.rawValue).count()
        let rows = try await sql.raw(
            """
            SELECT c.id, c.article_id, c.parent_id, c.author_name, c.author_email, c.is_guest, c.body_html, c.created_at,
                   c.network_hash, a.title, a.slug
            FROM comments c JOIN articles a ON a.id = c.article_id
            WHERE c.status = \(bind: status.rawValue)
            ORDER BY c.created_at DESC, c.id DESC LIMIT \(bind: page.size) OFFSET \(bind: page.offset)
            """
        ).all()
        let items = try rows.map { row in
            let email = try row.decode(column: "author_email", as: String.self)
            return QueueItem(
                comment: Comment(
                    id: .init(try row.decode(column: "id", as: Int.self)),
                    articleID: .init(try row.decode(column: "article_id", as: Int.self)),
                    parentID: try row.decode(column: "parent_id", as: Int?.self).map { .init($0) },
                    authorName: try row.decode(column: "author_name", as: String.self),
                    isGuest: try row.decode(column: "is_guest", as: Bool.self),
                    bodyHTML: try row.decode(column: "body_html", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: Date.self), status: status, avatarKey: AvatarKey.make(email: email)),
                authorEmail: email, articleTitle: try row.decode(column: "title", as: String.self),
                articleSlug: try row.decode(column: "slug", as: String.self),
                network: try row.decode(column: "network_hash", as: String?.self))
        }
        return Paged(items: items, page: page, totalCount: total)
    }

    /// Moves comments to another queue. Returns how many changed.
    @discardableResult
    public static func setStatus(_ ids: [Comment.ID], to status: CommentStatus, on db: any Database) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let changed = try await CommentRecord.query(on: db).filter(\.$id ~~ ids.map(\.rawValue)).filter(\.$status != status.rawValue)
            .count()
        try await CommentRecord.query(on: db).filter(\.$id ~~ ids.map(\.rawValue)).set(\.$status, to: status.rawValue).update()
        return changed
    }

    /// Deletes comments for good (from the trash).
    public static func delete(_ ids: [Comment.ID], on db: any Database) async throws {
        guard !ids.isEmpty else { return }
        try await CommentRecord.query(on: db).filter(\.$id ~~ ids.map(\.rawValue)).delete()
    }

    public static func counts(on db: any Database) async throws -> [CommentStatus: Int] {
        let rows = try await db.sql().raw("SELECT status, count(*) AS n FROM comments GROUP BY status").all()
        var counts: [CommentStatus: Int] = [:]
        for row in rows {
            if let status = CommentStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }
}
