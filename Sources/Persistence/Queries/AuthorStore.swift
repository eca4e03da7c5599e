import Domain
import FluentKit

/// Writers of bylines.
public enum AuthorStore {
    public static func find(slug: String, on db: any Database) async throws -> Author? {
        try await AuthorRecord.query(on: db).filter(\.$slug == slug).first()?.domain()
    }

    public static func all(on db: any Database) async throws -> [Author] {
        try await AuthorRecord.query(on: db).sort(\.$name).all().map { try $0.domain() }
    }

    /// Whether every one of `ids` is an author (a byline cannot name a deleted one).
    public static func exist(_ ids: [Author.ID], on db: any Database) async throws -> Bool {
        let unique = Set(ids.map(\.rawValue))
        guard !unique.isEmpty else { return true }
        return try await AuthorRecord.query(on: db).filter(\.$id ~~ Array(unique)).count() == unique.count
    }

    public static func create(name: String, slug: String, title: String, bio: String, on db: any Database) async throws -> Author {
        let record = AuthorRecord(name: name, slug: slug, title: title, bio: bio)
        try await record.create(on: db)
        return try record.domain()
    }
}
