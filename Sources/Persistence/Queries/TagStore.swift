import Domain
import FluentKit
import Foundation

/// Tags, created on first use.
public enum TagStore {
    public static func find(slug: String, on db: any Database) async throws -> Tag? {
        try await TagRecord.query(on: db).filter(\.$slug == slug).first()?.domain()
    }

    /// The tag with this name, created if it does not exist yet; nil for a name without letters.
    public static func findOrCreate(named name: String, on db: any Database) async throws -> Tag? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let slug = Slug.make(from: trimmed)
        if let existing = try await TagRecord.query(on: db).filter(\.$slug == slug).first() {
            return try existing.domain()
        }
        let record = TagRecord(name: String(trimmed.prefix(60)), slug: slug)
        try await record.create(on: db)
        return try record.domain()
    }
}
