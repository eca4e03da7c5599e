import Domain
import FluentKit
import Foundation

/// Recent requests per key (a network, an address), for limits like "five signups an hour".
public enum RateLimitStore {
    /// Records a request and says whether it is within `limit` per `window`.
    public static func allow(_ key: String, limit: Int, window: TimeInterval, now: Date, on db: any Database) async throws -> Bool {
        let recent = try await RateLimitHitRecord.query(on: db).filter(\.$key == key).filter(\.$at > now.addingTimeInterval(-window))
            .count()
        guard recent < limit else { return false }
        try await RateLimitHitRecord(key: key, at: now).create(on: db)
        return true
    }

    public static func purge(before: Date, on db: any Database) async throws {
        try await RateLimitHitRecord.query(on: db).filter(\.$at < before).delete()
    }
}
