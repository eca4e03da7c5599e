import Domain
import FluentKit
import SQLKit

extension ViewStore {
    /// The most-read articles over the days from `firstDay` (inclusive, "yyyy-MM-dd").
    public static func topArticles(since firstDay: String, limit: Int, on db: any Database) async throws -> [(
        title: String, slug: String, views: Int
    )] {
        try await db.sql().raw(
            """
            SELECT a.title, a.slug, CAST(SUM(d.views) AS BIGINT) AS views
            FROM article_views_daily d JOIN articles a ON a.id = d.article_id
            WHERE d.day >= \(bind: firstDay)
            GROUP BY a.id, a.title, a.slug ORDER BY views DESC, a.id DESC LIMIT \(bind: limit)
            """
        ).all().map { row in
            (
                try row.decode(column: "title", as: String.self), try row.decode(column: "slug", as: String.self),
                try row.decode(column: "views", as: Int.self)
            )
        }
    }
}
