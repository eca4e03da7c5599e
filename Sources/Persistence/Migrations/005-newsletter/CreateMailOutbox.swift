import FluentKit
import FluentSQL
import SQLKit

/// The outbox every message passes through: written in the same transaction as the change that
/// causes it, delivered by the mail worker. Newsletter rows name their edition and subscriber
/// (the body is the edition's, rendered at sending time) and that pair is unique, so an edition
/// can never be queued twice for one reader.
struct CreateMailOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("mail_outbox")
            .field(.id, .int, .identifier(auto: true))
            .field("kind", .string, .required)
            .field("purpose", .string, .required)
            .field("edition_id", .int, .references("editions", .id, onDelete: .cascade))
            .field("subscriber_id", .int, .references("subscribers", .id, onDelete: .cascade))
            .field("to_address", .string, .required)
            .field("to_name", .string, .required)
            .field("from_name", .string)
            .field("from_address", .string)
            .field("subject", .string)
            .field("text_body", .string)
            .field("html_body", .string)
            .field("headers", .string)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("lease_until", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .unique(on: "edition_id", "subscriber_id")
            .create()
        let sql = try database.sql()
        try await sql.create(index: "mail_outbox_due_idx").on("mail_outbox").column("status").column("next_attempt_at").run()
        try await sql.create(index: "mail_outbox_edition_idx").on("mail_outbox").column("edition_id").column("status").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mail_outbox").delete()
    }
}
