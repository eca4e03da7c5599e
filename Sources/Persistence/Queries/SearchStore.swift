import Domain
import FluentKit
import SQLKit

/// Ranked full-text search over published articles. The SQL differs per database (FTS5 with BM25
/// on SQLite, `tsvector` with `ts_rank_cd` on PostgreSQL); both weigh the title above the
/// standfirst above the body, and both treat the last word as a prefix.
public enum SearchStore {
    public static func search(_ query: SearchQuery, page: ListingPage, on db: any Database) async throws -> Paged<ArticleSummary> {
        guard !query.isEmpty else { return Paged(items: [], page: page, totalCount: 0) }
        let sql = try db.sql()
        let published = ArticleStatus.published.rawValue
        let total: Int
        let ids: [Int]
        switch try db.flavor() {
        case .sqlite:
            let match = query.fts5Expression
            total =
                try await sql.raw(
                    """
                    SELECT count(*) AS n FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                    WHERE articles_fts MATCH \(bind: match) AND a.status = \(bind: published)
                    """
                ).first(decodingColumn: "n", as: Int.self) ?? 0
            ids = try await sql.raw(
                """
                SELECT a.id AS id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                WHERE articles_fts MATCH \(bind: match) AND a.status = \(bind: published)
                ORDER BY bm25(articles_fts, 10.0, 4.0, 1.0), a.published_at DESC
                LIMIT \(bind: page.size) OFFSET \(bind: page.offset)
                """
            ).all(decodingColumn: "id", as: Int.self)
        case .postgres:
            let tsquery = query.postgresTSQuery
            total =
                try await sql.raw(
                    """
                    SELECT count(*) AS n FROM articles a
                    WHERE a.search_vector @@ to_tsquery('english', \(bind: tsquery)) AND a.status = \(bind: published)
                    """
                ).first(decodingColumn: "n", as: Int.self) ?? 0
            ids = try await sql.raw(
                """
                SELECT a.id AS id FROM articles a, to_tsquery('english', \(bind: tsquery)) q
                WHERE a.search_vector @@ q AND a.status = \(bind: published)
                ORDER BY ts_rank_cd(a.search_vector, q) DESC, a.published_at DESC
                LIMIT \(bind: page.size) OFFSET \(bind: page.offset)
                """
            ).all(decodingColumn: "id", as: Int.self)
        }
        let items = try await ArticleStore.summaries(ids.map(Article.ID.init), on: db)
        return Paged(items: items, page: page, totalCount: total)
    }
}
