import Domain
import FluentKit
import Foundation

/// Reads of published articles for the public site.
public enum ArticleQueries {
    /// One page of published articles, newest first.
    public static func published(
        _ filter: ListingFilter, page: ListingPage, excluding: [Article.ID] = [], on db: any Database
    ) async throws -> Paged<ArticleSummary> {
        let query = publishedQuery(filter, on: db)
        if !excluding.isEmpty { query.filter(\.$id !~ excluding.map(\.rawValue)) }
        let total = try await query.count()
        let records = try await query.copy()
            .sort(\.$publishedAt, .descending).sort(\.$id, .descending)
            .range(page.offset..<(page.offset + page.size))
            .all()
        return Paged(items: try await hydrate(records, on: db), page: page, totalCount: total)
    }

    /// A published article by slug, with everything its page shows.
    public static func published(slug: String, on db: any Database) async throws -> Article? {
        guard
            let record = try await ArticleRecord.query(on: db)
                .filter(\.$slug == slug).filter(\.$status == ArticleStatus.published.rawValue).first()
        else { return nil }
        return try await article(record, on: db)
    }

    /// Any article by id, whatever its status (back office, previews).
    public static func find(_ id: Article.ID, on db: any Database) async throws -> Article? {
        guard let record = try await ArticleRecord.find(id.rawValue, on: db) else { return nil }
        return try await article(record, on: db)
    }

    /// The article a reader continues with: the next older one in the same section, or the next
    /// older one on the site if the section has none.
    public static func next(after summary: ArticleSummary, on db: any Database) async throws -> ArticleSummary? {
        func older(in section: Section.ID?) async throws -> ArticleRecord? {
            let query = ArticleRecord.query(on: db)
                .filter(\.$status == ArticleStatus.published.rawValue)
                .group(.or) { group in
                    group.filter(\.$publishedAt < summary.publishedAt)
                    group.group(.and) { same in
                        same.filter(\.$publishedAt == summary.publishedAt).filter(\.$id < summary.id.rawValue)
                    }
                }
            if let section { query.filter(\.$section.$id == section.rawValue) }
            return try await query.sort(\.$publishedAt, .descending).sort(\.$id, .descending).first()
        }
        let record: ArticleRecord?
        if let section = summary.section?.id, let inSection = try await older(in: section) {
            record = inSection
        } else {
            record = try await older(in: nil)
        }
        guard let record else { return nil }
        return try await hydrate([record], on: db).first
    }

    /// Published summaries for `ids`, in the order given (ids that are not public are skipped).
    public static func summaries(_ ids: [Article.ID], on db: any Database) async throws -> [ArticleSummary] {
        guard !ids.isEmpty else { return [] }
        let records = try await ArticleRecord.query(on: db)
            .filter(\.$id ~~ ids.map(\.rawValue))
            .filter(\.$status == ArticleStatus.published.rawValue)
            .all()
        let byID = Dictionary(uniqueKeysWithValues: try await hydrate(records, on: db).map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    static func publishedQuery(_ filter: ListingFilter, on db: any Database) -> QueryBuilder<ArticleRecord> {
        let query = ArticleRecord.query(on: db).filter(\.$status == ArticleStatus.published.rawValue)
        switch filter {
        case .all:
            break
        case .section(let id):
            query.filter(\.$section.$id == id.rawValue)
        case .author(let id):
            query.join(ArticleAuthorRecord.self, on: \ArticleRecord.$id == \ArticleAuthorRecord.$article.$id)
                .filter(ArticleAuthorRecord.self, \.$author.$id == id.rawValue)
        case .tag(let id):
            query.join(ArticleTagRecord.self, on: \ArticleRecord.$id == \ArticleTagRecord.$article.$id)
                .filter(ArticleTagRecord.self, \.$tag.$id == id.rawValue)
        }
        return query
    }

    static func article(_ record: ArticleRecord, on db: any Database) async throws -> Article {
        guard let summary = try await hydrate([record], on: db).first else {
            throw PersistenceError.missingRow("article \(record.slug)")
        }
        let tags = try await ArticleTagRecord.query(on: db)
            .filter(\.$article.$id == summary.id.rawValue)
            .join(TagRecord.self, on: \ArticleTagRecord.$tag.$id == \TagRecord.$id)
            .sort(TagRecord.self, \.$name)
            .all()
            .map { try $0.joined(TagRecord.self).domain() }
        return Article(
            summary: summary, bodyHTML: record.bodyHTML, tags: tags,
            status: ArticleStatus(rawValue: record.status) ?? .draft, updatedAt: record.updatedAt,
            syndication: record.syndication, seoTitle: record.seoTitle, seoDescription: record.seoDescription,
            discussionOpen: record.discussionOpen)
    }

    /// Attaches sections and ordered authors to article rows with two queries, whatever the count.
    static func hydrate(_ records: [ArticleRecord], on db: any Database) async throws -> [ArticleSummary] {
        guard !records.isEmpty else { return [] }
        let ids = try records.map { try $0.requireID() }
        let links = try await ArticleAuthorRecord.query(on: db)
            .filter(\.$article.$id ~~ ids)
            .join(AuthorRecord.self, on: \ArticleAuthorRecord.$author.$id == \AuthorRecord.$id)
            .sort(\.$position)
            .all()
        var authors: [Int: [Author]] = [:]
        for link in links {
            authors[link.$article.id, default: []].append(try link.joined(AuthorRecord.self).domain())
        }
        let sectionIDs = Set(records.compactMap { $0.$section.id })
        let sections =
            sectionIDs.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await SectionRecord.query(on: db).filter(\.$id ~~ sectionIDs).all()
                    .map { (try $0.requireID(), try $0.domain()) })
        return try records.map { record in
            try record.summary(
                section: record.$section.id.flatMap { sections[$0] },
                authors: authors[try record.requireID()] ?? [])
        }
    }
}
