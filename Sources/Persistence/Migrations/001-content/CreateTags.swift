import FluentKit

struct CreateTags: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TagRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("slug", .string, .required)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TagRecord.schema).delete()
    }
}
