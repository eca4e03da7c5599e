import Domain
import FluentKit
import SQLKit

extension CommentStore {
    /// Drops the kept cards of an article's comments (their links name its address).
    public static func dropCards(article: Article.ID, on db: any Database) async throws {
        try await db.sql().raw("UPDATE comments SET card_key = NULL WHERE article_id = \(bind: article.rawValue)").run()
    }

    /// Comments whose card is missing (new, edited, voted on, pinned or unpinned since, or of an
    /// article that moved) or was rendered for another key (other settings, older markup), by
    /// number after `after`: a round goes on from where its last batch ended instead of reading
    /// again every comment that already has its card. A card is missing when its key is (a card
    /// is kept with its key, and dropped by dropping the key); the comments are found through the
    /// index of keys (`IndexMissingCards`), one look-up for no key and two for the other keys.
    public static func withoutCard(key: String, after: Comment.ID? = nil, limit: Int, on db: any Database) async throws -> [Comment] {
        try await db.sql().raw(
            """
            SELECT \(unsafeRaw: columns) FROM comments c WHERE c.id IN (\(notKept("card_key", key, "id > \(bind: after?.rawValue ?? 0)")))
            ORDER BY c.id LIMIT \(bind: limit)
            """
        ).all().map(decode)
    }

    /// The comments (meeting `condition`) whose `keyColumn` is not `key`: no key, or another.
    /// Three look-ups in the key's index (`IndexMissingCards`) instead of `<>`, which reads every row.
    private static func notKept(_ keyColumn: String, _ key: String, _ condition: SQLQueryString) -> SQLQueryString {
        """
        SELECT id FROM comments WHERE \(unsafeRaw: keyColumn) IS NULL AND \(condition)
        UNION ALL SELECT id FROM comments WHERE \(unsafeRaw: keyColumn) < \(bind: key) AND \(condition)
        UNION ALL SELECT id FROM comments WHERE \(unsafeRaw: keyColumn) > \(bind: key) AND \(condition)
        """
    }

    /// Keeps cards rendered for `key`, each only if its comment still has the text, the pin and
    /// the votes it was rendered from (a comment edited or voted on meanwhile keeps no card until
    /// it is rendered again). One statement for the batch: on SQLite every statement waits its
    /// turn at the one writer, between readers' comments and votes.
    public static func keepCards(_ cards: [(comment: Comment, html: String)], key: String, on db: any Database) async throws {
        guard !cards.isEmpty else { return }
        let rows = cards.map { card -> SQLQueryString in
            let comment = card.comment
            return """
                (\(bind: comment.id.rawValue), \(bind: card.html), \(bind: comment.bodyHTML), \(bind: comment.pinned), \
                \(bind: comment.upvotes), \(bind: comment.downvotes))
                """
        }
        try await db.sql().raw(
            """
            WITH cards (id, html, body, pinned, upvotes, downvotes) AS (VALUES \(rows.joined(separator: ", ")))
            UPDATE comments SET card_html = cards.html, card_key = \(bind: key)
            FROM cards
            WHERE comments.id = cards.id AND comments.body_html = cards.body AND comments.pinned = cards.pinned
                AND comments.upvotes = cards.upvotes AND comments.downvotes = cards.downvotes
            """
        ).run()
    }

    /// Approved first comments of threads whose kept thread card is missing or was rendered for
    /// another key, by number after `after`, each with the version of its thread it was read at.
    public static func withoutThreadCard(
        key: String, after: Comment.ID? = nil, limit: Int, on db: any Database
    ) async throws -> [(root: Comment, version: Int)] {
        let threads: SQLQueryString =
            "depth = 0 AND status = \(bind: CommentStatus.approved.rawValue) AND id > \(bind: after?.rawValue ?? 0)"
        return try await db.sql().raw(
            """
            SELECT \(unsafeRaw: columns), c.thread_version FROM comments c WHERE c.id IN (\(notKept("thread_card_key", key, threads)))
            ORDER BY c.id LIMIT \(bind: limit)
            """
        ).all().map { row in (try decode(row), try row.decode(column: "thread_version", as: Int.self)) }
    }

    /// Keeps threads rendered for `key`, each only if its thread is still at the version it was
    /// read at (any change to one of its comments since moved the version on). One statement.
    public static func keepThreadCards(_ threads: [(root: Comment.ID, version: Int, html: String)], key: String, on db: any Database)
        async throws
    {
        guard !threads.isEmpty else { return }
        let rows = threads.map { "(\(bind: $0.root.rawValue), \(bind: $0.version), \(bind: $0.html))" as SQLQueryString }
        try await db.sql().raw(
            """
            WITH threads (id, version, html) AS (VALUES \(rows.joined(separator: ", ")))
            UPDATE comments SET thread_card_html = threads.html, thread_card_key = \(bind: key)
            FROM threads
            WHERE comments.id = threads.id AND comments.thread_version = threads.version
            """
        ).run()
    }
}
