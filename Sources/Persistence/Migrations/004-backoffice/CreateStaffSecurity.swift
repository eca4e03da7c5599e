import FluentKit
import FluentSQL
import SQLKit

/// What signing in needs: server-side sessions, single-use links (password resets and
/// invitations), failed attempts for rate limiting, and second-factor secrets with recovery codes.
struct CreateStaffSecurity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.addColumns(
            to: UserRecord.schema,
            [
                ("totp_secret", .string, []),
                ("totp_enabled", .bool, [.required, .sql(.default(false))]),
                ("password_changed_at", .datetime, []),
            ])
        try await database.schema("sessions")
            .field("id", .string, .identifier(auto: false))
            .field("user_id", .int, .required, .references(UserRecord.schema, .id, onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("second_factor_pending", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("user_agent", .string, .required)
            .create()
        try await database.schema("auth_tokens")
            .field("id", .string, .identifier(auto: false))
            .field("purpose", .string, .required)
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("role", .string)
            .field("user_id", .int, .references(UserRecord.schema, .id, onDelete: .cascade))
            .field("created_by", .int, .references(UserRecord.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()
        try await database.schema("sign_in_failures")
            .field(.id, .int, .identifier(auto: true))
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema("recovery_codes")
            .field(.id, .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(UserRecord.schema, .id, onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .create()
        let sql = try database.sql()
        try await sql.create(index: "sessions_user_idx").on("sessions").column("user_id").run()
        try await sql.create(index: "sign_in_failures_key_idx").on("sign_in_failures").column("key").column("at").run()
        try await sql.create(index: "recovery_codes_user_idx").on("recovery_codes").column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("recovery_codes").delete()
        try await database.schema("sign_in_failures").delete()
        try await database.schema("auth_tokens").delete()
        try await database.schema("sessions").delete()
        try await database.dropColumns(from: UserRecord.schema, ["totp_secret", "totp_enabled", "password_changed_at"])
    }
}
