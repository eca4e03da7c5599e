import FluentKit
import FluentSQL
import SQLKit

/// The donations ledger: one row per payment (a recurring gift's renewals are rows of their own,
/// pointing at the first), the facts the providers' events established, and every provider event
/// stored once by its id, which is what makes a replayed or doubled notification harmless.
struct CreateDonations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("donations")
            .field(.id, .int, .identifier(auto: true))
            .field("reference", .string, .required)
            .field("provider", .string, .required)
            .field("frequency", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("fee_cover_minor", .int64, .required)
            .field("received", .bool, .required)
            .field("failed", .bool, .required)
            .field("refunded_minor", .int64, .required)
            .field("status", .string, .required)
            .field("subscription_status", .string)
            .field("recurring_minor", .int64)
            .field("parent_id", .int, .references("donations", .id, onDelete: .cascade))
            .field("donor_name", .string, .required)
            .field("donor_email", .string, .required)
            .field("donor_key", .string, .required)
            .field("message", .string, .required)
            .field("anonymous", .bool, .required)
            .field("list_publicly", .bool, .required)
            .field("provider_payment_id", .string)
            .field("provider_charge_id", .string)
            .field("provider_subscription_id", .string)
            .field("provider_customer_id", .string)
            .field("created_at", .datetime, .required)
            .field("completed_at", .datetime)
            .unique(on: "reference")
            .unique(on: "provider", "provider_payment_id")
            .create()
        try await database.schema("donation_events")
            .field(.id, .int, .identifier(auto: true))
            .field("provider", .string, .required)
            .field("event_id", .string, .required)
            .field("type", .string, .required)
            .field("donation_id", .int, .references("donations", .id, onDelete: .setNull))
            .field("payment_ref", .string)
            .field("change", .string)
            .field("refunded_minor", .int64)
            .field("summary", .string, .required)
            .field("received_at", .datetime, .required)
            .unique(on: "provider", "event_id")
            .create()
        let sql = try database.sql()
        try await sql.create(index: "donations_created_idx").on("donations").column("created_at").run()
        try await sql.create(index: "donations_donor_idx").on("donations").column("donor_key").run()
        try await sql.create(index: "donations_subscription_idx").on("donations").column("provider_subscription_id").run()
        try await sql.create(index: "donation_events_donation_idx").on("donation_events").column("donation_id").run()
        try await sql.create(index: "donation_events_payment_idx").on("donation_events").column("payment_ref").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("donation_events").delete()
        try await database.schema("donations").delete()
    }
}
