import FluentKit
import SQLKit

/// A thread as a discussion page shows it (its first comment, the first replies, the link to the
/// rest), rendered from the comments' cards and kept on its first comment with the key it was
/// rendered for, so a page reads one row a thread instead of six. Any change to a comment of the
/// thread that a page could show (its text, status, votes, pin, card, replies) drops the kept
/// thread at once, by trigger, and moves the thread's version on: a thread rendered from what was
/// read before such a change is not kept (`CommentStore.keepThreadCards`).
struct UpdateCommentsAddThreadCard: AsyncMigration {
    /// The columns whose change can change what a thread shows: all but the kept thread itself and
    /// what only moderators see.
    static let shown = [
        "article_id", "parent_id", "author_name", "author_email", "is_guest", "body_markdown", "body_html", "status", "created_at",
        "depth", "thread_id", "reply_to_id", "reader_id", "staff_id", "edited_at", "pinned", "upvotes", "downvotes", "score",
        "reactions", "thread_replies", "word_count", "cut_words", "head_html", "tail_html", "card_html", "card_key",
    ]

    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        try await database.addColumns(to: "comments", [("thread_card_html", .string, []), ("thread_card_key", .string, [])])
        try await sql.raw("ALTER TABLE comments ADD COLUMN thread_version INTEGER NOT NULL DEFAULT 0").run()
        let stale = "UPDATE comments SET thread_card_key = NULL, thread_version = thread_version + 1"
        let columns = Self.shown.joined(separator: ", ")
        if try database.flavor() == .sqlite {
            try await sql.raw(
                """
                CREATE TRIGGER comments_thread_changed AFTER UPDATE OF \(unsafeRaw: columns) ON comments
                BEGIN \(unsafeRaw: stale) WHERE id = COALESCE(NEW.thread_id, NEW.id); END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER comments_thread_lost_one AFTER DELETE ON comments WHEN OLD.thread_id IS NOT NULL
                BEGIN \(unsafeRaw: stale) WHERE id = OLD.thread_id; END
                """
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE FUNCTION comments_thread_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        \(unsafeRaw: stale) WHERE id = OLD.thread_id;
                    ELSE
                        \(unsafeRaw: stale) WHERE id = COALESCE(NEW.thread_id, NEW.id);
                    END IF;
                    RETURN NULL;
                END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER comments_thread_changed AFTER UPDATE OF \(unsafeRaw: columns) OR DELETE ON comments
                FOR EACH ROW EXECUTE FUNCTION comments_thread_changed()
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        if try database.flavor() == .sqlite {
            try await sql.raw("DROP TRIGGER IF EXISTS comments_thread_changed").run()
            try await sql.raw("DROP TRIGGER IF EXISTS comments_thread_lost_one").run()
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS comments_thread_changed ON comments").run()
            try await sql.raw("DROP FUNCTION IF EXISTS comments_thread_changed()").run()
        }
        try await database.dropColumns(from: "comments", ["thread_card_html", "thread_card_key", "thread_version"])
    }
}
