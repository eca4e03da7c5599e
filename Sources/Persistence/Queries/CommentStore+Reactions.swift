import Domain
import FluentKit
import Foundation
import SQLKit

/// The discussion bar's figures, votes and flags.
extension CommentStore {
    /// The bar of an article: kept counts, the latest distinct authors, the most reacted comment
    /// and the hottest thread (each one indexed read, whatever the size of the discussion).
    public static func bar(article: Article.ID, recentAuthors: Int = 8, on db: any Database) async throws -> DiscussionBar {
        let sql = try db.sql()
        let approved = CommentStatus.approved.rawValue
        var stats = DiscussionStats()
        if let row = try await sql.raw(
            "SELECT comments, threads, replies, followers, authors FROM discussion_stats WHERE article_id = \(bind: article.rawValue)"
        ).first() {
            stats = DiscussionStats(
                comments: try row.decode(column: "comments", as: Int.self), threads: try row.decode(column: "threads", as: Int.self),
                replies: try row.decode(column: "replies", as: Int.self), followers: try row.decode(column: "followers", as: Int.self),
                authors: try row.decode(column: "authors", as: Int.self))
        }
        var authors: [RecentAuthor] = []
        var seen: Set<String> = []
        for row in try await sql.raw(
            """
            SELECT c.id, c.author_name, c.author_email FROM comments c
            WHERE c.article_id = \(bind: article.rawValue) AND c.status = \(bind: approved)
            ORDER BY c.created_at DESC, c.id DESC LIMIT \(bind: recentAuthors * 5)
            """
        ).all() {
            let email = try row.decode(column: "author_email", as: String.self).lowercased()
            guard authors.count < recentAuthors, seen.insert(email).inserted else { continue }
            authors.append(
                RecentAuthor(
                    name: try row.decode(column: "author_name", as: String.self), avatarKey: AvatarKey.make(email: email),
                    commentID: .init(try row.decode(column: "id", as: Int.self))))
        }
        let mostReacted = try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM comments c
            WHERE c.article_id = \(bind: article.rawValue) AND c.status = \(bind: approved) AND c.reactions > 0
            ORDER BY c.reactions DESC, c.id LIMIT 1
            """
        ).first().map(decode)
        let hottest = try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM comments c
            WHERE c.article_id = \(bind: article.rawValue) AND c.status = \(bind: approved) AND c.depth = 0 AND c.thread_replies > 0
            ORDER BY c.thread_replies DESC, c.id LIMIT 1
            """
        ).first().map(decode)
        return DiscussionBar(stats: stats, recentAuthors: authors, mostReacted: mostReacted, hottest: hottest)
    }

    /// A visitor's vote, replacing the one they gave before; returns the comment's new tally, or
    /// nil when there is no approved comment with that id.
    public static func vote(
        _ value: VoteValue, on comment: Comment.ID, by voter: String, at now: Date, on db: any Database
    ) async throws -> (up: Int, down: Int, mine: VoteValue)? {
        try await db.transaction { tx in
            let sql = try tx.sql()
            guard
                try await CommentRecord.query(on: tx).filter(\.$id == comment.rawValue)
                    .filter(\.$status == CommentStatus.approved.rawValue).count() > 0
            else { return nil }
            let existing = try await CommentVoteRecord.query(on: tx).filter(\.$commentID == comment.rawValue).filter(\.$voter == voter)
                .first()
            let old = existing.flatMap { VoteValue(rawValue: $0.value) } ?? VoteValue.none
            if value == .none {
                try await existing?.delete(on: tx)
            } else if let existing {
                existing.value = value.rawValue
                existing.createdAt = now
                try await existing.update(on: tx)
            } else {
                let record = CommentVoteRecord()
                record.commentID = comment.rawValue
                record.voter = voter
                record.value = value.rawValue
                record.createdAt = now
                try await record.create(on: tx)
            }
            let change = VoteValue.change(from: old, to: value)
            let row = try await sql.raw(
                """
                UPDATE comments SET upvotes = upvotes + \(bind: change.up), downvotes = downvotes + \(bind: change.down),
                    score = score + \(bind: change.up - change.down), reactions = reactions + \(bind: change.up + change.down),
                    card_key = NULL
                WHERE id = \(bind: comment.rawValue) RETURNING upvotes, downvotes
                """
            ).first()
            return (
                try row?.decode(column: "upvotes", as: Int.self) ?? 0, try row?.decode(column: "downvotes", as: Int.self) ?? 0, value
            )
        }
    }

    /// What flagging did.
    public enum FlagOutcome: Equatable, Sendable {
        case recorded
        /// This visitor had flagged it already.
        case alreadyFlagged
        /// Enough flags: the comment went back to the moderators.
        case held
        case notFound
    }

    /// A reader's report. At `threshold` open flags an approved comment is held with the reasons.
    public static func flag(
        _ comment: Comment.ID, reason: FlagReason, note: String, by voter: String, threshold: Int, at now: Date, on db: any Database
    ) async throws -> FlagOutcome {
        try await db.transaction { tx in
            let sql = try tx.sql()
            guard let record = try await CommentRecord.find(comment.rawValue, on: tx), record.status == CommentStatus.approved.rawValue
            else { return .notFound }
            if try await CommentFlagRecord.query(on: tx).filter(\.$commentID == comment.rawValue).filter(\.$voter == voter).count() > 0 {
                return .alreadyFlagged
            }
            let flag = CommentFlagRecord()
            flag.commentID = comment.rawValue
            flag.voter = voter
            flag.reason = reason.rawValue
            flag.note = String(note.prefix(500))
            flag.createdAt = now
            try await flag.create(on: tx)
            let open =
                try await sql.raw(
                    """
                    UPDATE comments SET flag_count = flag_count + 1, open_flags = open_flags + 1
                    WHERE id = \(bind: comment.rawValue) RETURNING open_flags
                    """
                ).first()?.decode(column: "open_flags", as: Int.self) ?? 0
            guard open >= max(1, threshold) else { return .recorded }
            let reasons = try await CommentFlagRecord.query(on: tx).filter(\.$commentID == comment.rawValue).all()
                .map { FlagReason(rawValue: $0.reason)?.label ?? $0.reason }
            let summary = Dictionary(grouping: reasons, by: { $0 }).sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
                .map { "\($0.key) (\($0.value.count))" }.joined(separator: ", ")
            try await setStatus([comment], to: .pending, reason: "Flagged by \(open) readers: \(summary)", on: tx)
            return .held
        }
    }
}
