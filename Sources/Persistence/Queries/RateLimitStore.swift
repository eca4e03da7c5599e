import Domain
import FluentKit
import Foundation
import SQLKit

/// Recent requests per key (a network, an address), for limits like "five signups an hour".
/// Plain SQL: some of these run on every comment, vote and report.
public enum RateLimitStore {
    /// Records a request and says whether it is within `limit` per `window`.
    public static func allow(
        _ key: String, limit: Int, window: TimeInterval, now: Date, countingOn reads: (any Database)? = nil, on db: any Database
    ) async throws -> Bool {
        try await allow(key, limits: [(limit, window)], now: now, countingOn: reads, on: db)
    }

    /// Records a request and says whether it is within every one of `limits` (at most `count`
    /// per `window` seconds), counted in one read; a refused request is not recorded. The count
    /// may be read on `reads` (SQLite's page reader) so that only the record waits for the writer.
    public static func allow(
        _ key: String, limits: [(count: Int, window: TimeInterval)], now: Date, countingOn reads: (any Database)? = nil,
        on db: any Database
    ) async throws -> Bool {
        guard let longest = limits.map(\.window).max() else { return true }
        let counts = limits.enumerated().map { offset, limit -> SQLQueryString in
            "SUM(CASE WHEN at > \(bind: now.addingTimeInterval(-limit.window)) THEN 1 ELSE 0 END) AS w\(unsafeRaw: String(offset))"
        }
        let row = try await (reads ?? db).sql().raw(
            "SELECT \(counts.joined(separator: ", ")) FROM rate_limit_hits WHERE key = \(bind: key) AND at > \(bind: now.addingTimeInterval(-longest))"
        ).first()
        for (offset, limit) in limits.enumerated() {
            let recent = try row?.decode(column: "w\(offset)", as: Int?.self) ?? 0
            guard recent < limit.count else { return false }
        }
        try await db.sql().raw("INSERT INTO rate_limit_hits (key, at) VALUES (\(bind: key), \(bind: now))").run()
        return true
    }

    public static func purge(before: Date, on db: any Database) async throws {
        try await db.sql().raw("DELETE FROM rate_limit_hits WHERE at < \(bind: before)").run()
    }
}
