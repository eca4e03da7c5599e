import Domain
import FluentKit
import SQLKit

extension CommentStore {
    /// Drops the kept cards of an article's comments (their links name its address).
    public static func dropCards(article: Article.ID, on db: any Database) async throws {
        try await db.sql().raw("UPDATE comments SET card_key = NULL WHERE article_id = \(bind: article.rawValue)").run()
    }

    /// Comments whose card is missing (new, edited, voted on, pinned or unpinned since, or of an
    /// article that moved) or was rendered for another key (other settings, older markup), oldest
    /// first.
    public static func withoutCard(key: String, limit: Int, on db: any Database) async throws -> [Comment] {
        try await db.sql().raw(
            """
            SELECT \(unsafeRaw: columns) FROM comments c
            WHERE c.card_html IS NULL OR c.card_key IS NULL OR c.card_key <> \(bind: key)
            ORDER BY c.id LIMIT \(bind: limit)
            """
        ).all().map(decode)
    }

    /// Keeps cards rendered for `key`, each only if its comment still has the text, the pin and
    /// the votes it was rendered from (a comment edited or voted on meanwhile keeps no card until
    /// it is rendered again).
    public static func keepCards(_ cards: [(comment: Comment, html: String)], key: String, on db: any Database) async throws {
        guard !cards.isEmpty else { return }
        try await db.transaction { tx in
            let sql = try tx.sql()
            for card in cards {
                try await sql.raw(
                    """
                    UPDATE comments SET card_html = \(bind: card.html), card_key = \(bind: key)
                    WHERE id = \(bind: card.comment.id.rawValue) AND body_html = \(bind: card.comment.bodyHTML)
                        AND pinned = \(bind: card.comment.pinned) AND upvotes = \(bind: card.comment.upvotes)
                        AND downvotes = \(bind: card.comment.downvotes)
                    """
                ).run()
            }
        }
    }
}
