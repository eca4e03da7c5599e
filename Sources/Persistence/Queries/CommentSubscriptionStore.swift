import Domain
import FluentKit
import Foundation
import SQLKit

/// Who follows a discussion: by mail, confirmed by a link first, each with its own way out.
public enum CommentSubscriptionStore {
    public struct Subscription: Equatable, Sendable {
        public var id: Int
        public var article: Article.ID
        public var comment: Comment.ID?
        public var kind: SubscriptionKind
        public var email: String
        public var confirmed: Bool
    }

    static func subscription(_ record: CommentSubscriptionRecord) -> Subscription {
        Subscription(
            id: record.id ?? 0, article: .init(record.articleID), comment: record.commentID.map { .init($0) },
            kind: SubscriptionKind(rawValue: record.kind) ?? .article, email: record.email, confirmed: record.confirmedAt != nil)
    }

    /// Records a wish to follow; nil when the same subscription is confirmed already (nothing to
    /// send). Otherwise the subscription and a new confirmation token (its hash replaces any older one).
    public static func subscribe(
        article: Article.ID, comment: Comment.ID?, kind: SubscriptionKind, email: String, random: any RandomSource, now: Date,
        on db: any Database
    ) async throws -> (Subscription, token: String)? {
        let email = email.lowercased()
        var query = CommentSubscriptionRecord.query(on: db).filter(\.$articleID == article.rawValue).filter(\.$kind == kind.rawValue)
            .filter(\.$email == email)
        query = comment.map { id in query.filter(\.$commentID == id.rawValue) } ?? query.filter(\.$commentID == nil)
        let token = SecretToken.generate(using: random)
        if let existing = try await query.first() {
            guard existing.confirmedAt == nil else { return nil }
            existing.tokenHash = TokenHash.of(token)
            existing.createdAt = now
            try await existing.update(on: db)
            return (subscription(existing), token)
        }
        let record = CommentSubscriptionRecord()
        record.articleID = article.rawValue
        record.commentID = comment?.rawValue
        record.kind = kind.rawValue
        record.email = email
        record.tokenHash = TokenHash.of(token)
        record.createdAt = now
        try await record.create(on: db)
        return (subscription(record), token)
    }

    /// Confirms by the mailed token (valid `lifetime` seconds); the discussion gains a follower.
    public static func confirm(_ token: String, lifetime: TimeInterval, now: Date, on db: any Database) async throws -> Subscription? {
        try await db.transaction { tx in
            guard let record = try await CommentSubscriptionRecord.query(on: tx).filter(\.$tokenHash == TokenHash.of(token)).first(),
                record.confirmedAt != nil || now.timeIntervalSince(record.createdAt) <= lifetime
            else { return nil }
            if record.confirmedAt == nil {
                record.confirmedAt = now
                try await record.update(on: tx)
                if record.kind == SubscriptionKind.article.rawValue { try await followers(record.articleID, by: 1, on: tx) }
            }
            return subscription(record)
        }
    }

    /// The subscription a confirmation token belongs to, without confirming it.
    public static func peek(_ token: String, on db: any Database) async throws -> Subscription? {
        try await CommentSubscriptionRecord.query(on: db).filter(\.$tokenHash == TokenHash.of(token)).first().map(subscription)
    }

    public static func find(_ id: Int, on db: any Database) async throws -> Subscription? {
        try await CommentSubscriptionRecord.find(id, on: db).map(subscription)
    }

    /// Ends a subscription (one click from a mail).
    public static func remove(_ id: Int, on db: any Database) async throws {
        try await db.transaction { tx in
            guard let record = try await CommentSubscriptionRecord.find(id, on: tx) else { return }
            if record.confirmedAt != nil, record.kind == SubscriptionKind.article.rawValue {
                try await followers(record.articleID, by: -1, on: tx)
            }
            try await record.delete(on: tx)
        }
    }

    static func followers(_ article: Int, by delta: Int, on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.raw(
            """
            INSERT INTO discussion_stats (article_id, comments, threads, replies, followers, authors)
            VALUES (\(bind: article), 0, 0, 0, 0, 0) ON CONFLICT (article_id) DO NOTHING
            """
        ).run()
        try await sql.raw("UPDATE discussion_stats SET followers = followers + \(bind: delta) WHERE article_id = \(bind: article)").run()
    }

    /// Who gets mail about a newly approved comment: followers of the article, those following
    /// replies to the comment it answers or to any of their comments there, never its author;
    /// one subscription per address.
    public static func recipients(of comment: Comment, authorEmail: String, repliedToEmail: String?, on db: any Database) async throws
        -> [Subscription]
    {
        let rows = try await CommentSubscriptionRecord.query(on: db).filter(\.$articleID == comment.articleID.rawValue)
            .filter(\.$confirmedAt != nil).all().map(subscription)
        var chosen: [String: Subscription] = [:]
        for subscription in rows where subscription.email != authorEmail.lowercased() {
            let wanted =
                switch subscription.kind {
                case .article: true
                case .replies: repliedToEmail?.lowercased() == subscription.email
                case .comment: comment.replyToID != nil && subscription.comment == comment.replyToID
                }
            if wanted, chosen[subscription.email] == nil { chosen[subscription.email] = subscription }
        }
        return chosen.values.sorted { $0.id < $1.id }
    }

    /// Whether anyone confirmed following the discussions these comments are in.
    public static func hasFollowers(of comments: [Comment.ID], on db: any Database) async throws -> Bool {
        guard !comments.isEmpty else { return false }
        return try await db.sql().raw(
            """
            SELECT 1 AS x FROM comment_subscriptions s
            WHERE s.confirmed_at IS NOT NULL AND s.article_id IN (SELECT c.article_id FROM comments c WHERE c.id IN (\(binds: comments.map(\.rawValue))))
            LIMIT 1
            """
        ).first() != nil
    }
}
