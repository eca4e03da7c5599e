import Domain
import FluentKit
import Foundation
import SQLKit

/// Loads and saves the site settings document.
public enum SettingsStore {
    static let key = "site"

    /// The stored settings, or the defaults on a fresh install.
    public static func load(on db: any Database) async throws -> SiteSettings {
        guard let record = try await SettingRecord.find(key, on: db) else { return SiteSettings() }
        return try JSONDecoder().decode(SiteSettings.self, from: Data(record.value.utf8))
    }

    /// The site's secret if one was made already (migrations never make one).
    static func storedSecret(on db: any Database) async throws -> String? {
        try await SettingRecord.find("secret", on: db)?.value
    }

    /// The site's signing secret (preview links, unsubscribe links), created on first use and
    /// shared by every instance through the database.
    public static func secret(random: any RandomSource, on db: any Database) async throws -> String {
        if let record = try await SettingRecord.find("secret", on: db) { return record.value }
        try await db.sql().raw(
            """
            INSERT INTO settings (key, value) VALUES ('secret', \(bind: SecretToken.generate(using: random) + SecretToken.generate(using: random)))
            ON CONFLICT (key) DO NOTHING
            """
        ).run()
        guard let record = try await SettingRecord.find("secret", on: db) else { throw PersistenceError.missingRow("site secret") }
        return record.value
    }

    public static func save(_ settings: SiteSettings, on db: any Database) async throws {
        let json = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        if let record = try await SettingRecord.find(key, on: db) {
            record.value = json
            try await record.update(on: db)
        } else {
            try await SettingRecord(key: key, value: json).create(on: db)
        }
    }
}
