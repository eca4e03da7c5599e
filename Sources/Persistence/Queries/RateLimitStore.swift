import Domain
import FluentKit
import Foundation
import SQLKit

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
