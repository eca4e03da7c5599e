import FluentKit
import SQLKit

/// Where each staff account has signed in before: a device (a long-lived random cookie, stored
/// hashed) and the network it signed in from, so throttling can tell the account's holder from a
/// stranger guessing passwords.
struct CreateStaffDevices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StaffDeviceRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(UserRecord.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("network_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .create()
        let sql = try database.sql()
        try await sql.create(index: "staff_devices_user_idx").on(StaffDeviceRecord.schema).column("user_id").column("token_hash").run()
        try await sql.create(index: "staff_devices_network_idx").on(StaffDeviceRecord.schema).column("user_id").column("network_hash").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StaffDeviceRecord.schema).delete()
    }
}
