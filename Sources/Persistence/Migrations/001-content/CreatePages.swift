import FluentKit

struct CreatePages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PageRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("body_markdown", .string, .required)
            .field("body_html", .string, .required)
            .field("published", .bool, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PageRecord.schema).delete()
    }
}
