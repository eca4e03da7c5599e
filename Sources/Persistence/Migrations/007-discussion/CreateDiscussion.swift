import Domain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// The full discussion: comments learn their thread, depth, votes, flags, pin and hold reason;
/// votes, flags, subscriptions, bans, reader accounts and the bar's figures get their tables.
/// Existing comments are placed in their threads and counted, and the networks stored in plain
/// (a /24) are replaced by their keyed hash.
struct CreateDiscussion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let comments = CommentRecord.schema
        try await database.addColumns(
            to: comments,
            [
                ("depth", .int, [.required, .sql(.default(0))]),
                ("thread_id", .int, []),
                ("reply_to_id", .int, []),
                ("reader_id", .int, []),
                ("staff_id", .int, []),
                ("hold_reason", .string, []),
                ("edited_at", .datetime, []),
                ("pinned", .bool, [.required, .sql(.default(false))]),
                ("upvotes", .int, [.required, .sql(.default(0))]),
                ("downvotes", .int, [.required, .sql(.default(0))]),
                ("score", .int, [.required, .sql(.default(0))]),
                ("reactions", .int, [.required, .sql(.default(0))]),
                ("thread_replies", .int, [.required, .sql(.default(0))]),
                ("flag_count", .int, [.required, .sql(.default(0))]),
                ("open_flags", .int, [.required, .sql(.default(0))]),
                ("word_count", .int, [.required, .sql(.default(0))]),
                ("cut_words", .int, [.required, .sql(.default(0))]),
                ("head_html", .string, []),
                ("tail_html", .string, []),
            ])
        try await database.addColumns(to: ArticleRecord.schema, [("comment_mode", .string, [])])
        let sql = try database.sql()

        // Addresses are compared as stored (and indexed), so store them in one case.
        try await sql.raw("UPDATE comments SET author_email = lower(author_email)").run()

        // Place existing comments: first comments are their own thread; replies take their
        // parent's thread, one level down, until every reachable comment is placed.
        try await sql.raw("UPDATE comments SET thread_id = id, depth = 0 WHERE parent_id IS NULL").run()
        for _ in 0..<64 {
            let placed = try await sql.raw(
                """
                UPDATE comments SET
                    thread_id = (SELECT p.thread_id FROM comments p WHERE p.id = comments.parent_id),
                    depth = (SELECT p.depth + 1 FROM comments p WHERE p.id = comments.parent_id)
                WHERE thread_id IS NULL AND parent_id IN (SELECT id FROM comments WHERE thread_id IS NOT NULL)
                RETURNING id
                """
            ).all()
            if placed.isEmpty { break }
        }
        // A reply whose chain never reaches a first comment (a cycle in bad data) starts a thread.
        try await sql.raw("UPDATE comments SET thread_id = id, depth = 0, parent_id = NULL WHERE thread_id IS NULL").run()
        try await sql.raw(
            """
            UPDATE comments SET thread_replies = (SELECT count(*) FROM comments r
                WHERE r.thread_id = comments.id AND r.id <> comments.id AND r.status = 'approved')
            WHERE depth = 0
            """
        ).run()

        try await sql.create(index: "comments_roots_time_idx").on(comments)
            .column("article_id").column("status").column("depth").column("created_at").column("id").run()
        try await sql.create(index: "comments_roots_score_idx").on(comments)
            .column("article_id").column("status").column("depth").column("score").column("id").run()
        try await sql.create(index: "comments_recent_idx").on(comments)
            .column("article_id").column("status").column("created_at").column("id").run()
        try await sql.create(index: "comments_thread_idx").on(comments).column("thread_id").column("status").column("created_at").run()
        try await sql.create(index: "comments_reactions_idx").on(comments).column("article_id").column("status").column("reactions").run()
        try await sql.create(index: "comments_hot_idx").on(comments)
            .column("article_id").column("status").column("depth").column("thread_replies").run()
        try await sql.create(index: "comments_email_idx").on(comments).column("author_email").column("status").run()
        try await sql.create(index: "comments_network_idx").on(comments).column("network_hash").run()
        try await sql.create(index: "comments_queue_idx").on(comments).column("status").column("created_at").run()
        try await sql.create(index: "comments_flags_idx").on(comments).column("open_flags").column("status").run()

        try await database.schema(DiscussionStatsRecord.schema)
            .field("article_id", .int, .identifier(auto: false), .references(ArticleRecord.schema, .id, onDelete: .cascade))
            .field("comments", .int, .required, .sql(.default(0)))
            .field("threads", .int, .required, .sql(.default(0)))
            .field("replies", .int, .required, .sql(.default(0)))
            .field("followers", .int, .required, .sql(.default(0)))
            .field("authors", .int, .required, .sql(.default(0)))
            .create()
        try await database.schema("discussion_authors")
            .field("article_id", .int, .required, .references(ArticleRecord.schema, .id, onDelete: .cascade))
            .field("author_key", .string, .required)
            .field("comments", .int, .required)
            .compositeIdentifier(over: "article_id", "author_key")
            .create()

        try await database.schema(CommentVoteRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("comment_id", .int, .required, .references(comments, .id, onDelete: .cascade))
            .field("voter", .string, .required)
            .field("value", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "comment_id", "voter")
            .create()
        try await sql.create(index: "comment_votes_voter_idx").on(CommentVoteRecord.schema).column("voter").run()

        try await database.schema(CommentFlagRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("comment_id", .int, .required, .references(comments, .id, onDelete: .cascade))
            .field("voter", .string, .required)
            .field("reason", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "comment_id", "voter")
            .create()

        try await database.schema(CommentSubscriptionRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("article_id", .int, .required, .references(ArticleRecord.schema, .id, onDelete: .cascade))
            .field("comment_id", .int, .references(comments, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("email", .string, .required)
            .field("reader_id", .int)
            .field("token_hash", .string, .required)
            .field("confirmed_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await sql.create(index: "comment_subscriptions_article_idx").on(CommentSubscriptionRecord.schema)
            .column("article_id").column("kind").column("email").run()
        try await sql.create(index: "comment_subscriptions_email_idx").on(CommentSubscriptionRecord.schema).column("email").run()

        try await database.schema(CommentBanRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("kind", .string, .required)
            .field("value", .string, .required)
            .field("reason", .string, .required)
            .field("until", .datetime)
            .field("created_by", .int)
            .field("created_at", .datetime, .required)
            .create()
        try await sql.create(index: "comment_bans_value_idx").on(CommentBanRecord.schema).column("kind").column("value").run()

        try await database.schema(ReaderRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "email")
            .create()
        try await database.schema(ReaderLinkRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("token_hash", .string, .required)
            .field("email", .string, .required)
            .field("purpose", .string, .required)
            .field("next", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema(ReaderSessionRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("reader_id", .int, .required, .references(ReaderRecord.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()

        // Each comment's length and "Read more" cut, computed once here rather than per page.
        var after = 0
        while true {
            let rows = try await sql.raw("SELECT id, body_html FROM comments WHERE id > \(bind: after) ORDER BY id LIMIT 500").all()
            guard !rows.isEmpty else { break }
            for row in rows {
                let id = try row.decode(column: "id", as: Int.self)
                let html = try row.decode(column: "body_html", as: String.self)
                let words = CommentExcerpt.wordCount(html)
                let cut = words > 100 ? StoredCut.make(html, words: 100) : nil
                try await sql.raw(
                    """
                    UPDATE comments SET word_count = \(bind: words), cut_words = \(bind: cut?.words ?? 0),
                        head_html = \(bind: cut?.head), tail_html = \(bind: cut?.tail)
                    WHERE id = \(bind: id)
                    """
                ).run()
                after = id
            }
        }

        // The bar's figures for what is there already.
        try await sql.raw(
            """
            INSERT INTO discussion_authors (article_id, author_key, comments)
            SELECT article_id, lower(author_email), count(*) FROM comments WHERE status = 'approved'
            GROUP BY article_id, lower(author_email)
            """
        ).run()
        try await sql.raw(
            """
            INSERT INTO discussion_stats (article_id, comments, threads, replies, followers, authors)
            SELECT a.id,
                (SELECT count(*) FROM comments c WHERE c.article_id = a.id AND c.status = 'approved'),
                (SELECT count(*) FROM comments c WHERE c.article_id = a.id AND c.status = 'approved' AND c.depth = 0),
                (SELECT count(*) FROM comments c WHERE c.article_id = a.id AND c.status = 'approved' AND c.depth > 0),
                0,
                (SELECT count(*) FROM discussion_authors d WHERE d.article_id = a.id)
            FROM articles a
            """
        ).run()

        // Networks were stored as a /24 or /48 in plain; keep only their keyed hash.
        let secret = try await SettingsStore.storedSecret(on: database)
        for row in try await sql.raw("SELECT DISTINCT network_hash FROM comments WHERE network_hash IS NOT NULL").all() {
            let network = try row.decode(column: "network_hash", as: String.self)
            guard network.contains("/") else { continue }
            let hashed = secret.map { NetworkHash.of(network, secret: $0) }
            try await sql.raw("UPDATE comments SET network_hash = \(bind: hashed) WHERE network_hash = \(bind: network)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in [
            ReaderSessionRecord.schema, ReaderLinkRecord.schema, ReaderRecord.schema, CommentBanRecord.schema,
            CommentSubscriptionRecord.schema, CommentFlagRecord.schema, CommentVoteRecord.schema, "discussion_authors",
            DiscussionStatsRecord.schema,
        ] {
            try await database.schema(table).delete()
        }
        let sql = try database.sql()
        for index in [
            "comments_roots_time_idx", "comments_recent_idx", "comments_roots_score_idx", "comments_thread_idx", "comments_reactions_idx",
            "comments_hot_idx",
            "comments_email_idx", "comments_network_idx", "comments_queue_idx", "comments_flags_idx",
        ] {
            try await sql.drop(index: index).run()
        }
        try await database.dropColumns(from: ArticleRecord.schema, ["comment_mode"])
        try await database.dropColumns(
            from: CommentRecord.schema,
            [
                "depth", "thread_id", "reply_to_id", "reader_id", "staff_id", "hold_reason", "edited_at", "pinned", "upvotes", "downvotes",
                "score", "reactions", "thread_replies", "flag_count", "open_flags", "word_count", "cut_words", "head_html", "tail_html",
            ])
    }
}
