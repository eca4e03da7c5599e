import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Newsletters, their subscribers (double opt-in tokens, preferences), the suppression list,
/// editions, and a table of recent requests for rate limits. Two newsletters are created so a new
/// site has a daily digest readers can sign up for at once.
struct CreateNewsletters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("newsletters")
            .field(.id, .int, .identifier(auto: true))
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("sender_name", .string, .required)
            .field("schedule", .string, .required)
            .field("is_default", .bool, .required)
            .field("position", .int, .required)
            .field("last_digest_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "slug")
            .create()
        try await database.schema("newsletter_sections")
            .field("newsletter_id", .int, .required, .references("newsletters", .id, onDelete: .cascade))
            .field("section_id", .int, .required, .references(SectionRecord.schema, .id, onDelete: .cascade))
            .unique(on: "newsletter_id", "section_id")
            .create()
        try await database.schema("subscribers")
            .field(.id, .int, .identifier(auto: true))
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("status", .string, .required)
            .field("consent_source", .string, .required)
            .field("created_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .field("unsubscribed_at", .datetime)
            .field("paused_until", .datetime)
            // A random value signed into every link we mail; changing it retires the old links.
            .field("link_key", .string, .required)
            .unique(on: "email")
            .create()
        try await database.schema("subscriptions")
            .field("subscriber_id", .int, .required, .references("subscribers", .id, onDelete: .cascade))
            .field("newsletter_id", .int, .required, .references("newsletters", .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "subscriber_id", "newsletter_id")
            .create()
        try await database.schema("subscriber_tokens")
            .field("id", .string, .identifier(auto: false))
            .field("subscriber_id", .int, .required, .references("subscribers", .id, onDelete: .cascade))
            .field("source", .string, .required)
            .field("newsletter_ids", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()
        try await database.schema("suppressions")
            .field("email", .string, .identifier(auto: false))
            .field("reason", .string, .required)
            .field("detail", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("editions")
            .field(.id, .int, .identifier(auto: true))
            .field("newsletter_id", .int, .required, .references("newsletters", .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("subject", .string, .required)
            .field("markdown", .string, .required)
            .field("body_html", .string, .required)
            .field("body_text", .string, .required)
            .field("status", .string, .required)
            .field("scheduled_at", .datetime)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .field("created_by", .int, .references(UserRecord.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("rate_limit_hits")
            .field(.id, .int, .identifier(auto: true))
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
        let sql = try database.sql()
        try await sql.create(index: "subscriptions_newsletter_idx").on("subscriptions").column("newsletter_id").run()
        try await sql.create(index: "subscriber_tokens_subscriber_idx").on("subscriber_tokens").column("subscriber_id").run()
        try await sql.create(index: "editions_newsletter_idx").on("editions").column("newsletter_id").column("created_at").run()
        try await sql.create(index: "rate_limit_hits_key_idx").on("rate_limit_hits").column("key").column("at").run()
        try await sql.create(index: "subscribers_status_idx").on("subscribers").column("status").run()
        try await seed(on: database)
    }

    /// The newsletters a new site starts with; staff rename or remove them.
    func seed(on database: any Database) async throws {
        let now = Date()
        let rows: [(String, String, String, String, String, Bool)] = [
            ("daily", "The Daily Briefing", "The day’s new stories, every morning.", "The Daily Briefing", "daily 07:00", true),
            (
                "weekly-analysis", "Weekly Analysis", "Our analysis and opinion from the week, every Saturday.", "Weekly Analysis",
                "weekly 7 08:00", false
            ),
        ]
        for (index, row) in rows.enumerated() {
            try await database.sql().insert(into: "newsletters")
                .columns("slug", "name", "description", "sender_name", "schedule", "is_default", "position", "created_at")
                .values(
                    SQLBind(row.0), SQLBind(row.1), SQLBind(row.2), SQLBind(row.3), SQLBind(row.4), SQLBind(row.5), SQLBind(index),
                    SQLBind(now)
                ).run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in [
            "rate_limit_hits", "editions", "suppressions", "subscriber_tokens", "subscriptions", "subscribers", "newsletter_sections",
            "newsletters",
        ] {
            try await database.schema(table).delete()
        }
    }
}
