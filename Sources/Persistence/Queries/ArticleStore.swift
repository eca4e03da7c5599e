import Domain
import FluentKit
import Foundation
import SQLKit

/// Reads of articles for the public site (and the back office's previews).
public enum ArticleStore {
    /// One page of published articles, newest first.
    public static func published(
        _ filter: ListingFilter, page: ListingPage, excluding: [Article.ID] = [], on db: any Database
    ) async throws -> Paged<ArticleSummary> {
        let sql = try db.sql()
        let conditions = self.conditions(filter, excluding: excluding)
        let total =
            try await sql.raw("SELECT count(*) AS n \(unsafeRaw: ArticleRows.from) \(conditions.join)\(conditions.where)")
            .first(decodingColumn: "n", as: Int.self) ?? 0
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: ArticleRows.summaryColumns) \(unsafeRaw: ArticleRows.from) \(conditions.join)\(conditions.where)
            ORDER BY a.published_at DESC, a.id DESC LIMIT \(bind: page.size) OFFSET \(bind: page.offset)
            """
        ).all()
        return Paged(items: try await ArticleRows.summaries(rows, on: sql), page: page, totalCount: total)
    }

    /// What the front page lists, in two queries whatever the number of sections: the newest
    /// `top` published articles, and the newest `perSection` of each of `sections` that are not
    /// among them (a window ranks each section's articles), with every byline loaded at once.
    public static func frontPage(
        top: Int, perSection: Int, sections: [Section.ID], on db: any Database
    ) async throws -> (top: [ArticleSummary], sections: [Section.ID: [ArticleSummary]]) {
        let sql = try db.sql()
        let published = ArticleStatus.published.rawValue
        let inSections: SQLQueryString =
            sections.isEmpty ? "AND 1 = 0" : "AND a.section_id IN \(SQLGroupExpression(sections.map { SQLBind($0.rawValue) }))"
        let rows = try await sql.raw(
            """
            WITH top AS (
                SELECT a.id FROM articles a WHERE a.status = \(bind: published)
                ORDER BY a.published_at DESC, a.id DESC LIMIT \(bind: top)
            ), ranked AS (
                SELECT a.id, ROW_NUMBER() OVER (PARTITION BY a.section_id ORDER BY a.published_at DESC, a.id DESC) AS place
                FROM articles a WHERE a.status = \(bind: published) \(inSections) AND a.id NOT IN (SELECT id FROM top)
            )
            SELECT \(unsafeRaw: ArticleRows.summaryColumns), CASE WHEN a.id IN (SELECT id FROM top) THEN 1 ELSE 0 END AS is_top
            \(unsafeRaw: ArticleRows.from)
            WHERE a.id IN (SELECT id FROM top) OR a.id IN (SELECT id FROM ranked WHERE place <= \(bind: perSection))
            ORDER BY a.published_at DESC, a.id DESC
            """
        ).all()
        let summaries = try await ArticleRows.summaries(rows, on: sql)
        var lead: [ArticleSummary] = []
        var blocks: [Section.ID: [ArticleSummary]] = [:]
        for (row, summary) in zip(rows, summaries) {
            if try row.decode(column: "is_top", as: Int.self) == 1 {
                lead.append(summary)
            } else if let section = summary.section?.id {
                blocks[section, default: []].append(summary)
            }
        }
        return (lead, blocks)
    }

    /// Whether a published article has this address.
    public static func isPublished(slug: String, on db: any Database) async throws -> Bool {
        try await ArticleRecord.query(on: db).filter(\.$slug == slug).filter(\.$status == ArticleStatus.published.rawValue).count() > 0
    }

    /// A published article by slug, with everything its page shows.
    /// With `links: false`, without its bylines and tags (one read instead of two), for requests
    /// that show neither (the discussion's).
    public static func published(slug: String, links: Bool = true, on db: any Database) async throws -> Article? {
        try await article(where: "a.slug = \(bind: slug) AND a.status = \(bind: ArticleStatus.published.rawValue)", links: links, on: db)
    }

    /// A published article and the one a reader continues with, in as few round trips as the
    /// article page can take (it runs on every uncached view).
    public static func publishedWithNext(slug: String, on db: any Database) async throws -> (Article, next: ArticleSummary?)? {
        let sql = try db.sql()
        guard
            let row = try await sql.raw(
                """
                SELECT \(unsafeRaw: ArticleRows.articleColumns) \(unsafeRaw: ArticleRows.from)
                WHERE a.slug = \(bind: slug) AND a.status = \(bind: ArticleStatus.published.rawValue) LIMIT 1
                """
            ).first()
        else { return nil }
        let summary = try ArticleRows.summary(row)
        let nextRow = try await older(than: summary, on: sql)
        let next = try nextRow.map(ArticleRows.summary)
        let links = try await ArticleRows.links(authorsOf: [summary.id] + (next.map { [$0.id] } ?? []), tagsOf: summary.id, on: sql)
        let article = try ArticleRows.article(row, authors: links.authors[summary.id] ?? [], tags: links.tags)
        return (
            article,
            next.map { next in
                var next = next
                next.authors = links.authors[next.id] ?? []
                return next
            }
        )
    }

    /// Any article by id, whatever its status (back office, previews).
    public static func find(_ id: Article.ID, on db: any Database) async throws -> Article? {
        try await article(where: "a.id = \(bind: id.rawValue)", on: db)
    }

    /// The article a reader continues with: the next older one in the same section, or the next
    /// older one on the site if the section has none.
    public static func next(after summary: ArticleSummary, on db: any Database) async throws -> ArticleSummary? {
        let sql = try db.sql()
        guard let row = try await older(than: summary, on: sql) else { return nil }
        return try await ArticleRows.summaries([row], on: sql).first
    }

    /// The row of the next older published article, in the same section if there is one.
    /// The comparison reads the current article's stored time in SQL: a time that has been through
    /// `Date` and back can differ from the stored one in its last bit, which made an article its
    /// own successor.
    static func older(than summary: ArticleSummary, on sql: any SQLDatabase) async throws -> (any SQLRow)? {
        func older(in section: Section.ID?) async throws -> (any SQLRow)? {
            let inSection: SQLQueryString = section.map { " AND a.section_id = \(bind: $0.rawValue)" } ?? ""
            let id = summary.id.rawValue
            return try await sql.raw(
                """
                SELECT \(unsafeRaw: ArticleRows.summaryColumns) \(unsafeRaw: ArticleRows.from)
                JOIN articles current ON current.id = \(bind: id)
                WHERE a.status = \(bind: ArticleStatus.published.rawValue)\(inSection) AND a.id <> current.id
                AND (a.published_at < current.published_at
                     OR (a.published_at = current.published_at AND a.id < current.id))
                ORDER BY a.published_at DESC, a.id DESC LIMIT 1
                """
            ).first()
        }
        if let section = summary.section, let row = try await older(in: section.id) { return row }
        return try await older(in: nil)
    }

    /// Published summaries for `ids`, in the order given (ids that are not public are skipped).
    public static func summaries(_ ids: [Article.ID], on db: any Database) async throws -> [ArticleSummary] {
        guard !ids.isEmpty else { return [] }
        let sql = try db.sql()
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: ArticleRows.summaryColumns) \(unsafeRaw: ArticleRows.from)
            WHERE a.status = \(bind: ArticleStatus.published.rawValue)
            AND a.id IN \(SQLGroupExpression(ids.map { SQLBind($0.rawValue) }))
            """
        ).all()
        let byID = Dictionary(uniqueKeysWithValues: try await ArticleRows.summaries(rows, on: sql).map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    static func article(where condition: SQLQueryString, links: Bool = true, on db: any Database) async throws -> Article? {
        let sql = try db.sql()
        guard
            let row = try await sql.raw(
                """
                SELECT \(unsafeRaw: ArticleRows.articleColumns) \(unsafeRaw: ArticleRows.from) WHERE \(condition) LIMIT 1
                """
            ).first()
        else { return nil }
        guard links else { return try ArticleRows.article(row, authors: [], tags: []) }
        let id = Article.ID(try row.decode(column: "id", as: Int.self))
        let found = try await ArticleRows.links(authorsOf: [id], tagsOf: id, on: sql)
        return try ArticleRows.article(row, authors: found.authors[id] ?? [], tags: found.tags)
    }

    /// The JOIN and WHERE clauses of a listing.
    static func conditions(_ filter: ListingFilter, excluding: [Article.ID]) -> (join: SQLQueryString, where: SQLQueryString) {
        var join: SQLQueryString = ""
        var clause: SQLQueryString = "WHERE a.status = \(bind: ArticleStatus.published.rawValue)"
        switch filter {
        case .all:
            break
        case .section(let id):
            clause = clause + " AND a.section_id = \(bind: id.rawValue)"
        case .author(let id):
            join = "JOIN article_authors fa ON fa.article_id = a.id AND fa.author_id = \(bind: id.rawValue) "
        case .tag(let id):
            join = "JOIN article_tags ft ON ft.article_id = a.id AND ft.tag_id = \(bind: id.rawValue) "
        }
        if !excluding.isEmpty {
            clause = clause + " AND a.id NOT IN \(SQLGroupExpression(excluding.map { SQLBind($0.rawValue) }))"
        }
        return (join, clause)
    }
}

extension ArticleStore {
    /// The slugs of some articles, by id.
    public static func slugs(of ids: [Article.ID], on db: any Database) async throws -> [Article.ID: String] {
        guard !ids.isEmpty else { return [:] }
        // Plain SQL: comment cards ask on SQLite's page reader.
        let rows = try await db.sql().raw("SELECT id, slug FROM articles WHERE id IN (\(binds: ids.map(\.rawValue)))").all()
        return Dictionary(
            try rows.map { (Article.ID(try $0.decode(column: "id", as: Int.self)), try $0.decode(column: "slug", as: String.self)) },
            uniquingKeysWith: { a, _ in a })
    }
}
