import Domain
import FluentKit
import Foundation

/// Failed sign-in attempts by key (an account, a network, or the pair), over a sliding window.
public enum SignInFailureStore {
    public static func recordFailure(keys: [String], at now: Date, on db: any Database) async throws {
        for key in keys { try await SignInFailureRecord(key: key, at: now).create(on: db) }
    }

    /// Failures for `key` since `since`, with the latest.
    public static func failures(_ key: String, since: Date, on db: any Database) async throws -> SignInPolicy.Failures {
        let query = SignInFailureRecord.query(on: db).filter(\.$key == key).filter(\.$at > since)
        let count = try await query.count()
        guard count > 0 else { return .none }
        return .init(count: count, last: try await query.sort(\.$at, .descending).first()?.at)
    }

    /// A success: this key's count starts again.
    public static func clear(_ key: String, on db: any Database) async throws {
        try await SignInFailureRecord.query(on: db).filter(\.$key == key).delete()
    }

    /// Forgets attempts older than `before`.
    public static func purge(before: Date, on db: any Database) async throws {
        try await SignInFailureRecord.query(on: db).filter(\.$at < before).delete()
    }
}
