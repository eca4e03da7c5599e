import Domain
import FluentKit
import Foundation
import SQLKit

/// Addresses that get no newsletter mail: hard bounces (a 5xx from the mail server) and
/// addresses staff add by hand (complaints).
public enum SuppressionStore {
    public struct Entry: Sendable, Equatable {
        public var email: String
        public var reason: String
        public var detail: String
        public var createdAt: Date
    }

    public static func add(_ email: String, reason: String, detail: String, now: Date, on db: any Database) async throws {
        try await db.sql().raw(
            """
            INSERT INTO suppressions (email, reason, detail, created_at)
            VALUES (\(bind: email), \(bind: reason), \(bind: String(detail.prefix(500))), \(bind: now)) ON CONFLICT (email) DO NOTHING
            """
        ).run()
    }

    public static func remove(_ email: String, on db: any Database) async throws {
        try await db.sql().raw("DELETE FROM suppressions WHERE email = \(bind: email)").run()
    }

    public static func entry(_ email: String, on db: any Database) async throws -> Entry? {
        guard let row = try await db.sql().raw("SELECT * FROM suppressions WHERE email = \(bind: email)").first() else { return nil }
        return Entry(
            email: try row.decode(column: "email", as: String.self), reason: try row.decode(column: "reason", as: String.self),
            detail: try row.decode(column: "detail", as: String.self), createdAt: try row.decode(column: "created_at", as: Date.self))
    }
}
