import FluentKit
import SQLKit

/// Finding the comments and threads whose kept card is missing or outdated read every comment of
/// the site in every round of the scheduler (13 ms for 12,000 comments, on a thread that also
/// answers readers, every 30 s; a second at a million). Indexed by their keys, a round finds them
/// by looking up the missing and the other keys (`CommentStore.withoutCard`, `withoutThreadCard`).
struct IndexMissingCards: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        // Edits and pins used to drop a card's text but not its key: a missing card is now one
        // without a key.
        try await sql.raw("UPDATE comments SET card_key = NULL WHERE card_html IS NULL AND card_key IS NOT NULL").run()
        try await sql.raw("CREATE INDEX comments_card_key_idx ON comments (card_key)").run()
        // Not a partial index (WHERE depth = 0 ...): SQLite would then prepare again, on every
        // run, each statement that binds a value for a column of its condition (the page's own).
        try await sql.raw("CREATE INDEX comments_thread_card_key_idx ON comments (depth, status, thread_card_key)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.raw("DROP INDEX IF EXISTS comments_thread_card_key_idx").run()
        try await sql.raw("DROP INDEX IF EXISTS comments_card_key_idx").run()
    }
}
