import Domain
import FluentKit
import Foundation

/// Server-side staff sessions. Stored in the database, so they survive restarts and work on every
/// instance; the cookie holds a random token whose hash is the row's id.
public enum SessionStore {
    public struct Session: Sendable {
        public let id: String
        public let member: StaffMember
        public let csrfToken: String
        public let secondFactorPending: Bool
        public let lastSeenAt: Date
        public let expiresAt: Date
    }

    /// Starts a session; returns the token for the cookie.
    public static func create(
        for user: StaffMember.ID, secondFactorPending: Bool, userAgent: String, now: Date, lifetime: TimeInterval,
        random: any RandomSource, on db: any Database
    ) async throws -> String {
        let token = SecretToken.generate(using: random)
        let record = SessionRecord()
        record.id = TokenHash.of(token)
        record.$user.id = user.rawValue
        record.csrfToken = SecretToken.generate(using: random)
        record.secondFactorPending = secondFactorPending
        record.createdAt = now
        record.lastSeenAt = now
        record.expiresAt = now.addingTimeInterval(lifetime)
        record.userAgent = String(userAgent.prefix(300))
        try await record.create(on: db)
        return token
    }

    /// The live session for a cookie token: unexpired, idle for less than `idleLimit`, of an
    /// active account. Expired sessions found this way are deleted.
    public static func find(token: String, now: Date, idleLimit: TimeInterval, on db: any Database) async throws -> Session? {
        guard token.count <= 100,
            let record = try await SessionRecord.query(on: db)
                .filter(\.$id == TokenHash.of(token)).with(\.$user).first()
        else { return nil }
        if record.expiresAt <= now || now.timeIntervalSince(record.lastSeenAt) > idleLimit || !record.user.active {
            try await record.delete(on: db)
            return nil
        }
        return Session(
            id: try record.requireID(), member: try StaffStore.member(record.user), csrfToken: record.csrfToken,
            secondFactorPending: record.secondFactorPending, lastSeenAt: record.lastSeenAt, expiresAt: record.expiresAt)
    }

    /// Notes activity (at most once a minute, to spare writes).
    public static func touch(_ session: Session, now: Date, on db: any Database) async throws {
        guard now.timeIntervalSince(session.lastSeenAt) > 60 else { return }
        try await SessionRecord.query(on: db).filter(\.$id == session.id).set(\.$lastSeenAt, to: now).update()
    }

    public static func delete(_ id: String, on db: any Database) async throws {
        try await SessionRecord.query(on: db).filter(\.$id == id).delete()
    }

    /// Ends every session of an account (deactivation, password change, sign-out everywhere).
    public static func deleteAll(for user: StaffMember.ID, except keep: String? = nil, on db: any Database) async throws {
        let query = SessionRecord.query(on: db).filter(\.$user.$id == user.rawValue)
        if let keep { query.filter(\.$id != keep) }
        try await query.delete()
    }

    /// How many sessions an account has open.
    public static func count(for user: StaffMember.ID, on db: any Database) async throws -> Int {
        try await SessionRecord.query(on: db).filter(\.$user.$id == user.rawValue).count()
    }
}
