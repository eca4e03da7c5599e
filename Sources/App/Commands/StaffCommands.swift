import Domain
import Foundation
import Logging
import Persistence

/// What the `gazette user …` commands do: create accounts and reset passwords without a browser
/// (first owner on an empty site, or locked out). Each prints a generated password once.
public enum StaffCommands {
    public struct Result: Sendable {
        public let email: String
        public let password: String
    }

    public static func create(email: String, name: String?, role: Role, config: AppConfiguration) async throws -> Result {
        try await withDatabase(config) { database in
            let email = StaffStore.normalise(email)
            guard EmailAddress.isPlausible(email) else {
                throw DomainError.invalidInput(field: "email", message: "“\(email)” is not an email address.")
            }
            let password = SampleNewsroom.randomPassword()
            let hash = try await PasswordHasher(cost: config.bcryptCost).hash(password)
            let displayName = name ?? String(email.split(separator: "@").first ?? "Staff")
            try await StaffStore.create(email: email, name: displayName, role: role, passwordHash: hash, now: Date(), on: try database.db)
            return Result(email: email, password: password)
        }
    }

    /// Sets a new generated password and ends the account's sessions.
    public static func resetPassword(email: String, config: AppConfiguration) async throws -> Result {
        try await withDatabase(config) { database in
            let db = try database.db
            guard let account = try await StaffStore.account(email: email, on: db) else {
                throw DomainError.notFound("No account uses “\(email)”.")
            }
            let password = SampleNewsroom.randomPassword()
            try await StaffStore.setPassword(
                account.member.id, hash: try await PasswordHasher(cost: config.bcryptCost).hash(password), now: Date(), on: db)
            try await SessionStore.deleteAll(for: account.member.id, on: db)
            try await SignInFailureStore.clear("account:" + account.member.email, on: db)
            return Result(email: account.member.email, password: password)
        }
    }

    static func withDatabase<T: Sendable>(_ config: AppConfiguration, _ body: (DatabaseService) async throws -> T) async throws -> T {
        var logger = Logger(label: "gazette")
        logger.logLevel = .warning
        let database = try DatabaseService(url: config.databaseURL, siteURL: config.siteURL, logger: logger)
        do {
            try await database.migrate()
            let value = try await body(database)
            await database.shutdown()
            return value
        } catch {
            await database.shutdown()
            throw error
        }
    }
}
