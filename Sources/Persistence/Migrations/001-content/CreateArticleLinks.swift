import FluentKit
import SQLKit

/// The byline and tag tables that link articles to authors and tags.
struct CreateArticleLinks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ArticleAuthorRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("article_id", .int, .required, .references(ArticleRecord.schema, .id, onDelete: .cascade))
            .field("author_id", .int, .required, .references(AuthorRecord.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .unique(on: "article_id", "author_id")
            .create()
        try await database.schema(ArticleTagRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("article_id", .int, .required, .references(ArticleRecord.schema, .id, onDelete: .cascade))
            .field("tag_id", .int, .required, .references(TagRecord.schema, .id, onDelete: .cascade))
            .unique(on: "article_id", "tag_id")
            .create()
        let sql = try database.sql()
        try await sql.create(index: "article_authors_author_idx").on(ArticleAuthorRecord.schema).column("author_id").run()
        try await sql.create(index: "article_tags_tag_idx").on(ArticleTagRecord.schema).column("tag_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ArticleTagRecord.schema).delete()
        try await database.schema(ArticleAuthorRecord.schema).delete()
    }
}
