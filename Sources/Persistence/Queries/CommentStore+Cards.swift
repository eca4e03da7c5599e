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
    /// again every comment that already has its card.
    public static func withoutCard(key: String, after: Comment.ID? = nil, limit: Int, on db: any Database) async throws -> [Comment] {
        try await db.sql().raw(
            """
            SELECT \(unsafeRaw: columns) FROM comments c
            WHERE c.id > \(bind: after?.rawValue ?? 0) AND (c.card_html IS NULL OR c.card_key IS NULL OR c.card_key <> \(bind: key))
            ORDER BY c.id LIMIT \(bind: limit)
            """
        ).all().map(decode)
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
}
