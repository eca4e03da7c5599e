import FluentKit
import SQLKit

struct CreateComments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CommentRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("article_id", .int, .required, .references(ArticleRecord.schema, .id, onDelete: .cascade))
            .field("parent_id", .int, .references(CommentRecord.schema, .id, onDelete: .setNull))
            .field("author_name", .string, .required)
            .field("author_email", .string, .required)
            .field("is_guest", .bool, .required)
            .field("body_markdown", .string, .required)
            .field("body_html", .string, .required)
            .field("status", .string, .required)
            .field("network_hash", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql().create(index: "comments_article_status_idx").on(CommentRecord.schema)
            .column("article_id").column("status").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CommentRecord.schema).delete()
    }
}
