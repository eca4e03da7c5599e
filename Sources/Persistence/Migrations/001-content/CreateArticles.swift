import FluentKit
import FluentSQL
import SQLKit

struct CreateArticles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ArticleRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("standfirst", .string, .required)
            .field("body_markdown", .string, .required)
            .field("body_html", .string, .required)
            .field("body_text", .string, .required)
            .field("word_count", .int, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("section_id", .int, .references(SectionRecord.schema, .id, onDelete: .setNull))
            .field("feature_image_path", .string)
            .field("feature_image_alt", .string)
            .field("feature_image_caption", .string)
            .field("feature_image_width", .int)
            .field("feature_image_height", .int)
            .field("syndication_outlet", .string)
            .field("syndication_url", .string)
            .field("seo_title", .string)
            .field("seo_description", .string)
            .field("discussion_open", .bool, .required)
            .field("view_count", .int, .required, .sql(.default(0)))
            .field("published_at", .datetime)
            .field("updated_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "slug")
            .create()
        let sql = try database.sql()
        try await sql.create(index: "articles_status_published_idx").on(ArticleRecord.schema)
            .column("status").column("published_at").run()
        try await sql.create(index: "articles_section_idx").on(ArticleRecord.schema).column("section_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ArticleRecord.schema).delete()
    }
}
