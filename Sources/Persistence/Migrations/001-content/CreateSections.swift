import FluentKit

struct CreateSections: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SectionRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("slug", .string, .required)
            .field("position", .int, .required)
            .field("description", .string, .required)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SectionRecord.schema).delete()
    }
}
