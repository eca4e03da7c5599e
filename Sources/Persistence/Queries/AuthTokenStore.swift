import Domain
import FluentKit
import Foundation
import SQLKit

/// Single-use, expiring links: password resets and staff invitations.
public enum AuthTokenStore {
    public enum Purpose: String, Sendable {
        case passwordReset = "password_reset"
        case invitation
    }

    /// What a link stands for.
    public struct Grant: Sendable, Equatable {
        public let purpose: Purpose
        public let email: String
        public let name: String
        public let role: Role?
        public let userID: StaffMember.ID?
        public let expiresAt: Date
    }

    /// Creates a link; returns the token to put in it.
    public static func create(
        _ purpose: Purpose, email: String, name: String, role: Role?, userID: StaffMember.ID?, createdBy: StaffMember.ID?,
        now: Date, lifetime: TimeInterval, random: any RandomSource, on db: any Database
    ) async throws -> String {
        let token = SecretToken.generate(using: random)
        let record = AuthTokenRecord()
        record.id = TokenHash.of(token)
        record.purpose = purpose.rawValue
        record.email = StaffStore.normalise(email)
        record.name = name
        record.role = role?.rawValue
        record.$user.id = userID?.rawValue
        record.createdBy = createdBy?.rawValue
        record.createdAt = now
        record.expiresAt = now.addingTimeInterval(lifetime)
        try await record.create(on: db)
        return token
    }

    /// Uses up every open link of `purpose` for `email`: a new password reset link replaces the
    /// ones sent before, so an older mail that leaked is worthless.
    public static func revokeOpen(_ purpose: Purpose, email: String, now: Date, on db: any Database) async throws {
        try await AuthTokenRecord.query(on: db)
            .filter(\.$purpose == purpose.rawValue).filter(\.$email == StaffStore.normalise(email)).filter(\.$usedAt == nil)
            .set(\.$usedAt, to: now).update()
    }

    /// What an unused, unexpired token grants, without using it up (to show the form).
    public static func peek(_ token: String, purpose: Purpose, now: Date, on db: any Database) async throws -> Grant? {
        guard token.count <= 100, let record = try await AuthTokenRecord.find(TokenHash.of(token), on: db),
            record.purpose == purpose.rawValue, record.usedAt == nil, record.expiresAt > now
        else { return nil }
        return grant(record)
    }

    /// Uses the token up, atomically: of two requests racing with the same link, one wins.
    public static func consume(_ token: String, purpose: Purpose, now: Date, on db: any Database) async throws -> Grant? {
        guard let grant = try await peek(token, purpose: purpose, now: now, on: db) else { return nil }
        let claimed = try await db.sql().raw(
            """
            UPDATE auth_tokens SET used_at = \(bind: now)
            WHERE id = \(bind: TokenHash.of(token)) AND used_at IS NULL RETURNING id
            """
        ).all()
        return claimed.isEmpty ? nil : grant
    }

    /// Open invitations, newest first.
    public static func openInvitations(now: Date, on db: any Database) async throws -> [Grant] {
        try await AuthTokenRecord.query(on: db)
            .filter(\.$purpose == Purpose.invitation.rawValue).filter(\.$usedAt == nil).filter(\.$expiresAt > now)
            .sort(\.$createdAt, .descending).all().map(grant)
    }

    static func grant(_ record: AuthTokenRecord) -> Grant {
        Grant(
            purpose: Purpose(rawValue: record.purpose) ?? .passwordReset, email: record.email, name: record.name,
            role: record.role.flatMap(Role.init), userID: record.$user.id.map { .init($0) }, expiresAt: record.expiresAt)
    }
}
