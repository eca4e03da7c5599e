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

    /// Adds an address unless it is already there (then the first reason stands). One statement,
    /// so two bounces of the same address racing cannot both insert.
    public static func add(_ email: String, reason: String, detail: String, now: Date, on db: any Database) async throws {
        try await db.sql().raw(
            """
            INSERT INTO suppressions (email, reason, detail, created_at)
            VALUES (\(bind: email), \(bind: reason), \(bind: String(detail.prefix(500))), \(bind: now)) ON CONFLICT (email) DO NOTHING
            """
        ).run()
    }

    public static func remove(_ email: String, on db: any Database) async throws {
        try await SuppressionRecord.query(on: db).filter(\.$id == email).delete()
    }

    public static func entry(_ email: String, on db: any Database) async throws -> Entry? {
        guard let record = try await SuppressionRecord.find(email, on: db) else { return nil }
        return Entry(email: try record.requireID(), reason: record.reason, detail: record.detail, createdAt: record.createdAt)
    }
}
