import FluentKit

struct CreateAuthors: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuthorRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("bio", .string, .required)
            .field("avatar_path", .string)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuthorRecord.schema).delete()
    }
}
