import FluentKit
import SQLKit

/// On SQLite, a new comment is placed in its thread and counted in the discussion's figures by
/// triggers, inside the one INSERT that stores it. SQLite has a single writer and each statement
/// a server sends it waits its turn there: storing a comment took seven turns (begin, insert, its
/// thread, its author, the article's figures, the thread's replies, commit) and now takes one, so
/// twenty readers posting at once wait a seventh as long. The triggers do for an insert exactly
/// what `CommentStore.count(_:by:on:)` does (it still counts status changes, and every insert on
/// PostgreSQL, where statements do not queue behind one writer); the discussion tests check the
/// figures on both databases.
struct CountNewCommentsInSQLite: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard try database.flavor() == .sqlite else { return }
        let sql = try database.sql()
        try await sql.raw(
            """
            CREATE TRIGGER comments_new_thread AFTER INSERT ON comments WHEN NEW.thread_id IS NULL
            BEGIN UPDATE comments SET thread_id = NEW.id WHERE id = NEW.id; END
            """
        ).run()
        try await sql.raw(
            """
            CREATE TRIGGER comments_new_approved AFTER INSERT ON comments WHEN NEW.status = 'approved'
            BEGIN
                INSERT INTO discussion_authors (article_id, author_key, comments) VALUES (NEW.article_id, NEW.author_email, 1)
                ON CONFLICT (article_id, author_key) DO UPDATE SET comments = discussion_authors.comments + 1;
                INSERT INTO discussion_stats (article_id, comments, threads, replies, followers, authors)
                VALUES (NEW.article_id, 1, NEW.depth = 0, NEW.depth > 0, 0,
                    (SELECT comments FROM discussion_authors WHERE article_id = NEW.article_id AND author_key = NEW.author_email) = 1)
                ON CONFLICT (article_id) DO UPDATE SET comments = discussion_stats.comments + 1,
                    threads = discussion_stats.threads + (NEW.depth = 0), replies = discussion_stats.replies + (NEW.depth > 0),
                    authors = discussion_stats.authors
                        + ((SELECT comments FROM discussion_authors WHERE article_id = NEW.article_id AND author_key = NEW.author_email) = 1);
                UPDATE comments SET thread_replies = thread_replies + 1 WHERE NEW.depth > 0 AND id = NEW.thread_id;
            END
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        guard try database.flavor() == .sqlite else { return }
        let sql = try database.sql()
        try await sql.raw("DROP TRIGGER IF EXISTS comments_new_approved").run()
        try await sql.raw("DROP TRIGGER IF EXISTS comments_new_thread").run()
    }
}
