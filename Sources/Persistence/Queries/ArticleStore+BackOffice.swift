import Domain
import FluentKit
import Foundation
import SQLKit

/// Reads of articles for the back office: every status, with filters.
extension ArticleStore {
    /// Filters of the article list.
    /// A row of the article list.
    public struct BackOfficeRow: Equatable, Sendable {
        public var summary: ArticleSummary
        public var status: ArticleStatus
        public var version: Int
        public var updatedAt: Date?
        public var createdAt: Date
    }

    /// One page of articles, most recently changed first.
    /// One page of the back office's article list (`size` rows a page).
    public static func list(_ filter: ArticleListQuery, size: Int, on db: any Database) async throws -> Paged<BackOfficeRow> {
        let page = ListingPage(number: filter.page, size: size)
        let sql = try db.sql()
        var clause: SQLQueryString = "WHERE 1 = 1"
        if let status = filter.status { clause = clause + " AND a.status = \(bind: status.rawValue)" }
        if let section = filter.section { clause = clause + " AND a.section_id = \(bind: section.rawValue)" }
        if let author = filter.author {
            clause = clause + " AND a.id IN (SELECT article_id FROM article_authors WHERE author_id = \(bind: author.rawValue))"
        }
        let words = filter.search.trimmingCharacters(in: .whitespacesAndNewlines)
        if !words.isEmpty {
            let pattern = "%" + words.lowercased().replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            clause = clause + " AND (lower(a.title) LIKE \(bind: pattern) OR lower(a.slug) LIKE \(bind: pattern))"
        }
        let total =
            try await sql.raw("SELECT count(*) AS n \(unsafeRaw: ArticleRows.from) \(clause)")
            .first(decodingColumn: "n", as: Int.self) ?? 0
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: ArticleRows.summaryColumns), a.status, a.version, a.updated_at
            \(unsafeRaw: ArticleRows.from) \(clause)
            ORDER BY COALESCE(a.updated_at, a.published_at, a.created_at) DESC, a.id DESC
            LIMIT \(bind: page.size) OFFSET \(bind: page.offset)
            """
        ).all()
        let summaries = try await ArticleRows.summaries(rows, on: sql)
        let items = try zip(rows, summaries).map { row, summary in
            BackOfficeRow(
                summary: summary, status: ArticleStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                version: try row.decode(column: "version", as: Int.self), updatedAt: try row.decode(column: "updated_at", as: Date?.self),
                createdAt: try row.decode(column: "created_at", as: Date.self))
        }
        return Paged(items: items, page: page, totalCount: total)
    }

    /// An article as the editor opens it.
    public static func editable(_ id: Article.ID, on db: any Database) async throws -> EditableArticle? {
        guard let record = try await ArticleRecord.find(id.rawValue, on: db) else { return nil }
        let sql = try db.sql()
        let links = try await ArticleRows.links(authorsOf: [id], tagsOf: id, on: sql)
        let image: FeatureImage? = record.featureImagePath.map {
            FeatureImage(
                path: $0, alt: record.featureImageAlt ?? "", caption: record.featureImageCaption ?? "",
                width: record.featureImageWidth ?? 1200, height: record.featureImageHeight ?? 675,
                srcset: record.featureImageSrcset ?? "")
        }
        let syndication: Syndication? = {
            guard let outlet = record.syndicationOutlet, let url = record.syndicationURL, !outlet.isEmpty, !url.isEmpty else { return nil }
            return Syndication(outlet: outlet, originalURL: url)
        }()
        let draft = ArticleDraft(
            slug: record.slug, title: record.title, standfirst: record.standfirst, bodyMarkdown: record.bodyMarkdown,
            kind: ArticleKind(rawValue: record.kind) ?? .news, status: ArticleStatus(rawValue: record.status) ?? .draft,
            sectionID: record.$section.id.map { .init($0) }, authorIDs: (links.authors[id] ?? []).map(\.id),
            tagNames: links.tags.map(\.name), featureImage: image, syndication: syndication, seoTitle: record.seoTitle,
            seoDescription: record.seoDescription, discussionOpen: record.discussionOpen,
            commentMode: record.commentMode.flatMap(ModerationPolicy.Mode.init), publishedAt: record.publishedAt)
        return EditableArticle(
            id: id, version: record.version, draft: draft, createdAt: record.createdAt, updatedAt: record.updatedAt,
            viewCount: record.viewCount)
    }

    /// Counts by status, for the list's filter tabs.
    public static func statusCounts(on db: any Database) async throws -> [ArticleStatus: Int] {
        let rows = try await db.sql().raw("SELECT status, count(*) AS n FROM articles GROUP BY status").all()
        var counts: [ArticleStatus: Int] = [:]
        for row in rows {
            if let status = ArticleStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }
}
