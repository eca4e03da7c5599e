import Domain
import FluentKit
import Foundation
import SQLKit

/// Staff accounts and the byline profiles they write under.
public enum StaffStore {
    /// An account with what signing in needs.
    public struct Account: Sendable {
        public let member: StaffMember
        public let passwordHash: String
        public let active: Bool
        public let totpSecret: String?
    }

    static func member(_ record: UserRecord) throws -> StaffMember {
        StaffMember(
            id: .init(try record.requireID()), email: record.email, name: record.name,
            role: Role(rawValue: record.role) ?? .contributor, authorID: record.$author.id.map { .init($0) },
            twoFactorEnabled: record.totpEnabled)
    }

    static func account(_ record: UserRecord) throws -> Account {
        Account(member: try member(record), passwordHash: record.passwordHash, active: record.active, totpSecret: record.totpSecret)
    }

    public static func normalise(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    public static func account(email: String, on db: any Database) async throws -> Account? {
        try await UserRecord.query(on: db).filter(\.$email == normalise(email)).first().map(account)
    }

    public static func account(_ id: StaffMember.ID, on db: any Database) async throws -> Account? {
        try await UserRecord.find(id.rawValue, on: db).map(account)
    }

    /// Every account, active first, by name.
    public static func all(on db: any Database) async throws -> [(member: StaffMember, active: Bool)] {
        try await UserRecord.query(on: db).sort(\.$active, .descending).sort(\.$name).all().map { (try member($0), $0.active) }
    }

    /// Creates an account and its byline profile together. The email must be new.
    @discardableResult
    public static func create(
        email: String, name: String, role: Role, passwordHash: String, now: Date, on db: any Database
    ) async throws -> StaffMember {
        let email = normalise(email)
        return try await db.transaction { tx in
            if try await UserRecord.query(on: tx).filter(\.$email == email).count() > 0 {
                throw DomainError.conflict("An account with that email already exists.")
            }
            let slug = try await Slug.unique(Slug.make(from: name)) {
                try await AuthorRecord.query(on: tx).filter(\.$slug == $0).count() > 0
            }
            let author = AuthorRecord(name: name, slug: slug, title: role.label, bio: "")
            try await author.create(on: tx)
            let user = UserRecord(
                email: email, name: name, passwordHash: passwordHash, role: role.rawValue, authorID: try author.requireID(),
                createdAt: now)
            user.passwordChangedAt = now
            try await user.create(on: tx)
            return try member(user)
        }
    }

    public static func setPassword(_ id: StaffMember.ID, hash: String, now: Date, on db: any Database) async throws {
        guard let user = try await UserRecord.find(id.rawValue, on: db) else { throw DomainError.notFound("No such account.") }
        user.passwordHash = hash
        user.passwordChangedAt = now
        try await user.update(on: db)
    }

    /// Changes an account's role and whether it is active, unless that would leave the site without
    /// an active owner; false when refused. One conditional statement (behind a lock on the owners'
    /// rows on PostgreSQL), so two owners demoting or deactivating each other at the same moment
    /// cannot both succeed.
    public static func update(_ id: StaffMember.ID, role: Role? = nil, active: Bool? = nil, on db: any Database) async throws -> Bool {
        let owner = Role.owner.rawValue
        return try await db.transaction { tx in
            let sql = try tx.sql()
            if try tx.flavor() == .postgres {
                try await sql.raw("SELECT id FROM users WHERE role = \(bind: owner) AND active FOR UPDATE").run()
            }
            let changed = try await sql.raw(
                """
                UPDATE users SET role = COALESCE(\(bind: role?.rawValue), role), active = COALESCE(\(bind: active), active)
                WHERE id = \(bind: id.rawValue) AND (
                    NOT (role = \(bind: owner) AND active)
                    OR (COALESCE(\(bind: role?.rawValue), role) = \(bind: owner) AND COALESCE(\(bind: active), active))
                    OR (SELECT count(*) FROM users WHERE role = \(bind: owner) AND active) > 1)
                RETURNING id
                """
            ).all()
            guard changed.isEmpty else { return true }
            // Written first and read after, so a SQLite transaction never has to turn from reader to writer.
            guard try await UserRecord.find(id.rawValue, on: tx) != nil else { throw DomainError.notFound("No such account.") }
            return false
        }
    }

    /// How many active owners there are (the last one cannot be demoted or deactivated).
    public static func activeOwners(on db: any Database) async throws -> Int {
        try await UserRecord.query(on: db).filter(\.$role == Role.owner.rawValue).filter(\.$active == true).count()
    }

    /// Stores a second-factor secret (pending until `enableTwoFactor`).
    public static func setTwoFactorSecret(_ id: StaffMember.ID, secret: String?, enabled: Bool, on db: any Database) async throws {
        guard let user = try await UserRecord.find(id.rawValue, on: db) else { throw DomainError.notFound("No such account.") }
        user.totpSecret = secret
        user.totpEnabled = enabled
        try await user.update(on: db)
        if !enabled { try await RecoveryCodeRecord.query(on: db).filter(\.$user.$id == id.rawValue).delete() }
    }

    /// Replaces the account's recovery codes with hashes of `codes`.
    public static func replaceRecoveryCodes(_ id: StaffMember.ID, codes: [String], on db: any Database) async throws {
        try await db.transaction { tx in
            try await RecoveryCodeRecord.query(on: tx).filter(\.$user.$id == id.rawValue).delete()
            for code in codes {
                let record = RecoveryCodeRecord()
                record.$user.id = id.rawValue
                record.codeHash = TokenHash.of(code)
                try await record.create(on: tx)
            }
        }
    }

    /// Uses up a recovery code; true if it was valid and unused.
    public static func useRecoveryCode(_ id: StaffMember.ID, code: String, now: Date, on db: any Database) async throws -> Bool {
        let hash = TokenHash.of(code.trimmingCharacters(in: .whitespaces).lowercased())
        guard
            let record = try await RecoveryCodeRecord.query(on: db)
                .filter(\.$user.$id == id.rawValue).filter(\.$codeHash == hash).filter(\.$usedAt == nil).first()
        else { return false }
        record.usedAt = now
        try await record.update(on: db)
        return true
    }

    public static func unusedRecoveryCodes(_ id: StaffMember.ID, on db: any Database) async throws -> Int {
        try await RecoveryCodeRecord.query(on: db).filter(\.$user.$id == id.rawValue).filter(\.$usedAt == nil).count()
    }

    /// The byline a member shows: name, biography and portrait (their author's, or the account's name).
    public static func profile(_ member: StaffMember, on db: any Database) async throws -> (name: String, bio: String, avatar: String?) {
        guard let authorID = member.authorID, let author = try await AuthorRecord.find(authorID.rawValue, on: db) else {
            return (member.name, "", nil)
        }
        return (author.name, author.bio, author.avatarPath)
    }

    /// Changes the member's name and byline together.
    public static func updateProfile(_ member: StaffMember, name: String, bio: String, avatar: String?, on db: any Database) async throws {
        try await db.transaction { tx in
            if let user = try await UserRecord.find(member.id.rawValue, on: tx) {
                user.name = name
                try await user.update(on: tx)
            }
            if let authorID = member.authorID, let author = try await AuthorRecord.find(authorID.rawValue, on: tx) {
                author.name = name
                author.bio = bio
                author.avatarPath = avatar
                try await author.update(on: tx)
            }
        }
    }

    /// How many accounts there are.
    public static func count(on db: any Database) async throws -> Int {
        try await UserRecord.query(on: db).count()
    }

    /// Creates an account without a byline (the first owner); the email must not be in use.
    public static func createAccount(
        email: String, name: String, passwordHash: String, role: String, authorID: Author.ID?, now: Date,
        on db: any Database
    ) async throws {
        let normalised = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if try await UserRecord.query(on: db).filter(\.$email == normalised).count() > 0 {
            throw DomainError.conflict("An account with that email already exists.")
        }
        try await UserRecord(
            email: normalised, name: name, passwordHash: passwordHash, role: role, authorID: authorID?.rawValue,
            createdAt: now
        ).create(on: db)
    }
}
