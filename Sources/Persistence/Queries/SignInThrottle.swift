import FluentKit
import Foundation

/// Failed sign-in attempts, counted per account and per network over a sliding window.
public enum SignInThrottle {
    public static func recordFailure(keys: [String], at now: Date, on db: any Database) async throws {
        for key in keys { try await SignInFailureRecord(key: key, at: now).create(on: db) }
    }

    /// Failures for `key` since `since`.
    public static func failures(_ key: String, since: Date, on db: any Database) async throws -> Int {
        try await SignInFailureRecord.query(on: db).filter(\.$key == key).filter(\.$at > since).count()
    }

    /// The account signed in successfully: its count starts again.
    public static func clear(_ key: String, on db: any Database) async throws {
        try await SignInFailureRecord.query(on: db).filter(\.$key == key).delete()
    }

    /// Forgets attempts older than `before`.
    public static func purge(before: Date, on db: any Database) async throws {
        try await SignInFailureRecord.query(on: db).filter(\.$at < before).delete()
    }
}
