import Domain
import FluentKit

/// Reads of sections, authors, tags and static pages.
public enum ContentQueries {
    /// Every section in navigation order.
    public static func sections(on db: any Database) async throws -> [Section] {
        try await SectionRecord.query(on: db).sort(\.$position).sort(\.$name).all().map { try $0.domain() }
    }

    public static func section(slug: String, on db: any Database) async throws -> Section? {
        try await SectionRecord.query(on: db).filter(\.$slug == slug).first()?.domain()
    }

    public static func author(slug: String, on db: any Database) async throws -> Author? {
        try await AuthorRecord.query(on: db).filter(\.$slug == slug).first()?.domain()
    }

    public static func authors(on db: any Database) async throws -> [Author] {
        try await AuthorRecord.query(on: db).sort(\.$name).all().map { try $0.domain() }
    }

    /// Whether every one of `ids` is an author (a byline cannot name a deleted one).
    public static func authorsExist(_ ids: [Author.ID], on db: any Database) async throws -> Bool {
        let unique = Set(ids.map(\.rawValue))
        guard !unique.isEmpty else { return true }
        return try await AuthorRecord.query(on: db).filter(\.$id ~~ Array(unique)).count() == unique.count
    }

    public static func tag(slug: String, on db: any Database) async throws -> Tag? {
        try await TagRecord.query(on: db).filter(\.$slug == slug).first()?.domain()
    }

    /// A published static page by slug.
    public static func page(slug: String, on db: any Database) async throws -> StaticPage? {
        try await PageRecord.query(on: db).filter(\.$slug == slug).filter(\.$published == true).first()?.domain()
    }
}
