import Domain
import FluentKit
import Foundation
import SQLKit

/// Addresses that get no newsletter mail: hard bounces (a 5xx from the mail server) and
/// addresses staff add by hand (complaints).
public enum SuppressionList {
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

/// Recent requests per key (a network, an address), for limits like "five signups an hour".
public enum RateLimitStore {
    /// Records a request and says whether it is within `limit` per `window`.
    public static func allow(_ key: String, limit: Int, window: TimeInterval, now: Date, on db: any Database) async throws -> Bool {
        let sql = try db.sql()
        let recent =
            try await sql.raw(
                "SELECT count(*) AS n FROM rate_limit_hits WHERE key = \(bind: key) AND at > \(bind: now.addingTimeInterval(-window))"
            ).first(decodingColumn: "n", as: Int.self) ?? 0
        guard recent < limit else { return false }
        try await sql.raw("INSERT INTO rate_limit_hits (key, at) VALUES (\(bind: key), \(bind: now))").run()
        return true
    }

    public static func purge(before: Date, on db: any Database) async throws {
        try await db.sql().raw("DELETE FROM rate_limit_hits WHERE at < \(bind: before)").run()
    }
}
