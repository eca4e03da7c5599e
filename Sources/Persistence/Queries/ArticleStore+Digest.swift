import Domain
import FluentKit
import Foundation
import SQLKit

/// The articles a digest collects.
extension ArticleStore {
    /// Articles published after `after` and at or before `until`, in `sections` (all sections when
    /// empty), newest first.
    public static func digestArticles(
        after: Date, until: Date, sections: [Section.ID], limit: Int, on db: any Database
    ) async throws -> [ArticleSummary] {
        let sql = try db.sql()
        var condition: SQLQueryString = """
            WHERE a.status = \(bind: ArticleStatus.published.rawValue) AND a.published_at > \(bind: after) AND a.published_at <= \(bind: until)
            """
        if !sections.isEmpty {
            condition = condition + " AND a.section_id IN \(SQLGroupExpression(sections.map { SQLBind($0.rawValue) }))"
        }
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: ArticleRows.summaryColumns) \(unsafeRaw: ArticleRows.from) \(condition)
            ORDER BY a.published_at DESC, a.id DESC LIMIT \(bind: limit)
            """
        ).all()
        return try await ArticleRows.summaries(rows, on: sql)
    }
}
