import FluentKit
import FluentSQL
import SQLKit

/// What the editor needs: a version on every article (so two saves cannot silently overwrite each
/// other), revisions, the media library, and whether a section shows in the navigation.
struct CreateEditorial: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.addColumns(
            to: ArticleRecord.schema,
            [
                ("version", .int, [.required, .sql(.default(1))]),
                ("feature_image_srcset", .string, []),
                // Who created the article; informational, so no foreign key (SQLite cannot drop one).
                ("created_by", .int, []),
            ])
        try await database.addColumns(to: SectionRecord.schema, [("in_navigation", .bool, [.required, .sql(.default(true))])])
        try await database.schema("article_revisions")
            .field(.id, .int, .identifier(auto: true))
            .field("article_id", .int, .required, .references(ArticleRecord.schema, .id, onDelete: .cascade))
            .field("version", .int, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("body_markdown", .string, .required)
            .field("content", .string, .required)
            .field("user_id", .int, .references(UserRecord.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("media")
            .field(.id, .int, .identifier(auto: true))
            .field("file_name", .string, .required)
            .field("original_name", .string, .required)
            .field("format", .string, .required)
            .field("width", .int, .required)
            .field("height", .int, .required)
            .field("bytes", .int, .required)
            .field("variants", .string, .required)
            .field("alt", .string, .required)
            .field("caption", .string, .required)
            .field("uploaded_by", .int, .references(UserRecord.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .unique(on: "file_name")
            .create()
        try await database.sql().create(index: "article_revisions_article_idx").on("article_revisions")
            .column("article_id").column("version").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("media").delete()
        try await database.schema("article_revisions").delete()
        try await database.dropColumns(from: SectionRecord.schema, ["in_navigation"])
        try await database.dropColumns(from: ArticleRecord.schema, ["version", "feature_image_srcset", "created_by"])
    }
}
