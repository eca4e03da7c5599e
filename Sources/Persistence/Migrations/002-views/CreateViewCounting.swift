import FluentKit
import SQLKit

/// Tables for cookie-free view counting: daily salts, the hashes already counted, and the
/// daily and hourly buckets the counts land in.
struct CreateViewCounting: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ViewSaltRecord.schema)
            .field("day", .string, .identifier(auto: false))
            .field("salt", .string, .required)
            .create()
        try await database.schema("view_marks")
            .field("hash", .string, .identifier(auto: false))
            .field("article_id", .int, .required, .references(ArticleRecord.schema, .id, onDelete: .cascade))
            .field("day", .string, .required)
            .create()
        try await database.schema(DailyViewsRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("article_id", .int, .required, .references(ArticleRecord.schema, .id, onDelete: .cascade))
            .field("day", .string, .required)
            .field("views", .int, .required)
            .unique(on: "article_id", "day")
            .create()
        try await database.schema(HourlyViewsRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("article_id", .int, .required, .references(ArticleRecord.schema, .id, onDelete: .cascade))
            .field("hour", .int, .required)
            .field("views", .int, .required)
            .unique(on: "article_id", "hour")
            .create()
        let sql = try database.sql()
        try await sql.create(index: "view_marks_day_idx").on("view_marks").column("day").run()
        try await sql.create(index: "article_views_daily_day_idx").on(DailyViewsRecord.schema).column("day").run()
        try await sql.create(index: "article_views_hourly_hour_idx").on(HourlyViewsRecord.schema).column("hour").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HourlyViewsRecord.schema).delete()
        try await database.schema(DailyViewsRecord.schema).delete()
        try await database.schema("view_marks").delete()
        try await database.schema(ViewSaltRecord.schema).delete()
    }
}
