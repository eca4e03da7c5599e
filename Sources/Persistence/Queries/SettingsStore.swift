import Domain
import FluentKit
import Foundation

/// Loads and saves the site settings document.
public enum SettingsStore {
    static let key = "site"

    /// The stored settings, or the defaults on a fresh install.
    public static func load(on db: any Database) async throws -> SiteSettings {
        guard let record = try await SettingRecord.find(key, on: db) else { return SiteSettings() }
        return try JSONDecoder().decode(SiteSettings.self, from: Data(record.value.utf8))
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
