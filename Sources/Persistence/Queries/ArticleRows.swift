import Domain
import Foundation
import SQLKit

/// The SQL behind the public article reads. These run on every uncached page view, so they are
/// written as plain statements decoded column by column: Fluent's model decoding (reflection
/// over property wrappers) costs more than the queries themselves.
enum ArticleRows {
    static let summaryColumns = """
        a.id, a.slug, a.title, a.standfirst, a.kind, a.word_count, a.view_count, a.published_at, a.created_at,
        a.feature_image_path, a.feature_image_alt, a.feature_image_caption, a.feature_image_width,
        a.feature_image_height, a.feature_image_srcset, s.id AS s_id, s.name AS s_name, s.slug AS s_slug, s.position AS s_position,
        s.description AS s_description
        """

    static let articleColumns =
        summaryColumns + """
            , a.body_html, a.status, a.updated_at, a.syndication_outlet, a.syndication_url, a.seo_title,
            a.seo_description, a.discussion_open, a.comment_mode
            """

    static let from = "FROM articles a LEFT JOIN sections s ON s.id = a.section_id"

    /// A summary from a row selected with `summaryColumns` (authors are attached afterwards).
    static func summary(_ row: any SQLRow) throws -> ArticleSummary {
        let section: Section?
        if let id = try row.decode(column: "s_id", as: Int?.self) {
            section = Section(
                id: .init(id), name: try row.decode(column: "s_name", as: String.self),
                slug: try row.decode(column: "s_slug", as: String.self),
                position: try row.decode(column: "s_position", as: Int.self),
                description: try row.decode(column: "s_description", as: String.self), inNavigation: true)
        } else {
            section = nil
        }
        let image: FeatureImage? = try row.decode(column: "feature_image_path", as: String?.self).map { path in
            FeatureImage(
                path: path, alt: try row.decode(column: "feature_image_alt", as: String?.self) ?? "",
                caption: try row.decode(column: "feature_image_caption", as: String?.self) ?? "",
                width: try row.decode(column: "feature_image_width", as: Int?.self) ?? 1200,
                height: try row.decode(column: "feature_image_height", as: Int?.self) ?? 675,
                srcset: try row.decode(column: "feature_image_srcset", as: String?.self) ?? "")
        }
        let created = try row.decode(column: "created_at", as: Date.self)
        return ArticleSummary(
            id: .init(try row.decode(column: "id", as: Int.self)), slug: try row.decode(column: "slug", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            standfirst: try row.decode(column: "standfirst", as: String.self),
            kind: ArticleKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .news, section: section,
            authors: [], publishedAt: try row.decode(column: "published_at", as: Date?.self) ?? created,
            featureImage: image, viewCount: try row.decode(column: "view_count", as: Int.self),
            wordCount: try row.decode(column: "word_count", as: Int.self))
    }

    /// A whole article from a row selected with `articleColumns`, given its bylines and tags.
    static func article(_ row: any SQLRow, authors: [Author], tags: [Tag]) throws -> Article {
        var summary = try summary(row)
        summary.authors = authors
        let outlet = try row.decode(column: "syndication_outlet", as: String?.self) ?? ""
        let original = try row.decode(column: "syndication_url", as: String?.self) ?? ""
        return Article(
            summary: summary, bodyHTML: try row.decode(column: "body_html", as: String.self), tags: tags,
            status: ArticleStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            updatedAt: try row.decode(column: "updated_at", as: Date?.self),
            syndication: outlet.isEmpty || original.isEmpty ? nil : Syndication(outlet: outlet, originalURL: original),
            seoTitle: try row.decode(column: "seo_title", as: String?.self),
            seoDescription: try row.decode(column: "seo_description", as: String?.self),
            discussionOpen: try row.decode(column: "discussion_open", as: Bool.self),
            commentMode: try row.decode(column: "comment_mode", as: String?.self).flatMap(ModerationPolicy.Mode.init))
    }

    /// The bylines of several articles in one query, in byline order.
    static func authors(of ids: [Article.ID], on sql: any SQLDatabase) async throws -> [Article.ID: [Author]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT aa.article_id, au.id, au.name, au.slug, au.title, au.bio, au.avatar_path
            FROM article_authors aa JOIN authors au ON au.id = aa.author_id
            WHERE aa.article_id IN \(SQLGroupExpression(ids.map { SQLBind($0.rawValue) }))
            ORDER BY aa.article_id, aa.position
            """
        ).all()
        var authors: [Article.ID: [Author]] = [:]
        for row in rows {
            let author = Author(
                id: .init(try row.decode(column: "id", as: Int.self)), name: try row.decode(column: "name", as: String.self),
                slug: try row.decode(column: "slug", as: String.self), title: try row.decode(column: "title", as: String.self),
                bio: try row.decode(column: "bio", as: String.self),
                avatarPath: try row.decode(column: "avatar_path", as: String?.self))
            authors[.init(try row.decode(column: "article_id", as: Int.self)), default: []].append(author)
        }
        return authors
    }

    /// Bylines of several articles and the tags of one, in a single round trip (the article page
    /// needs both for the article and the bylines of the one after it).
    static func links(authorsOf ids: [Article.ID], tagsOf tagged: Article.ID, on sql: any SQLDatabase) async throws -> (
        authors: [Article.ID: [Author]], tags: [Tag]
    ) {
        let rows = try await sql.raw(
            """
            SELECT 'author' AS link, aa.article_id, aa.position, au.id, au.name, au.slug, au.title, au.bio, au.avatar_path
            FROM article_authors aa JOIN authors au ON au.id = aa.author_id
            WHERE aa.article_id IN \(SQLGroupExpression(ids.map { SQLBind($0.rawValue) }))
            UNION ALL
            SELECT 'tag' AS link, at.article_id, 0, t.id, t.name, t.slug, '', '', NULL
            FROM article_tags at JOIN tags t ON t.id = at.tag_id
            WHERE at.article_id = \(bind: tagged.rawValue)
            ORDER BY 1, 2, 3, 5
            """
        ).all()
        var authors: [Article.ID: [Author]] = [:]
        var tags: [Tag] = []
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            let name = try row.decode(column: "name", as: String.self)
            let slug = try row.decode(column: "slug", as: String.self)
            if try row.decode(column: "link", as: String.self) == "tag" {
                tags.append(Tag(id: .init(id), name: name, slug: slug))
            } else {
                authors[.init(try row.decode(column: "article_id", as: Int.self)), default: []].append(
                    Author(
                        id: .init(id), name: name, slug: slug, title: try row.decode(column: "title", as: String.self),
                        bio: try row.decode(column: "bio", as: String.self),
                        avatarPath: try row.decode(column: "avatar_path", as: String?.self)))
            }
        }
        return (authors, tags)
    }

    /// Summaries with their bylines attached.
    static func summaries(_ rows: [any SQLRow], on sql: any SQLDatabase) async throws -> [ArticleSummary] {
        var summaries = try rows.map(summary)
        let authors = try await authors(of: summaries.map(\.id), on: sql)
        for index in summaries.indices { summaries[index].authors = authors[summaries[index].id] ?? [] }
        return summaries
    }

    /// The tags of one article, by name.
    static func tags(of id: Article.ID, on sql: any SQLDatabase) async throws -> [Tag] {
        try await sql.raw(
            """
            SELECT t.id, t.name, t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id
            WHERE at.article_id = \(bind: id.rawValue) ORDER BY t.name
            """
        ).all().map { row in
            Tag(
                id: .init(try row.decode(column: "id", as: Int.self)), name: try row.decode(column: "name", as: String.self),
                slug: try row.decode(column: "slug", as: String.self))
        }
    }
}
