import Domain
import FluentKit
import Foundation

/// Staff accounts.
public enum UserStore {
    public static func count(on db: any Database) async throws -> Int {
        try await UserRecord.query(on: db).count()
    }

    /// Creates an account; the email must not be in use.
    public static func create(
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
