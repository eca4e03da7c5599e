import Domain
import FluentKit
import Foundation

/// An article's history: a revision after every save, plus at most one autosave.
public enum RevisionStore {
    static func add(
        _ id: Article.ID, version: Int, kind: Revision.Kind, draft: ArticleDraft, by user: StaffMember?, now: Date,
        on db: any Database
    ) async throws {
        let record = RevisionRecord()
        record.$article.id = id.rawValue
        record.version = version
        record.kind = kind.rawValue
        record.title = draft.title
        record.bodyMarkdown = draft.bodyMarkdown
        record.content = String(decoding: try JSONEncoder().encode(draft), as: UTF8.self)
        record.userID = user?.id.rawValue
        record.createdAt = now
        try await record.create(on: db)
    }

    static func replaceAutosave(
        of id: Article.ID, version: Int, draft: ArticleDraft, by user: StaffMember, now: Date, on db: any Database
    ) async throws {
        try await dropAutosave(of: id, on: db)
        try await add(id, version: version, kind: .autosave, draft: draft, by: user, now: now, on: db)
    }

    static func dropAutosave(of id: Article.ID, on db: any Database) async throws {
        try await RevisionRecord.query(on: db).filter(\.$article.$id == id.rawValue).filter(\.$kind == Revision.Kind.autosave.rawValue)
            .delete()
    }

    /// Every revision, newest first.
    public static func all(of id: Article.ID, on db: any Database) async throws -> [Revision] {
        let records = try await RevisionRecord.query(on: db).filter(\.$article.$id == id.rawValue)
            .sort(\.$createdAt, .descending).sort(\.$id, .descending).all()
        return try await revisions(records, on: db)
    }

    public static func find(_ revision: Revision.ID, of article: Article.ID, on db: any Database) async throws -> Revision? {
        guard
            let record = try await RevisionRecord.query(on: db).filter(\.$id == revision.rawValue)
                .filter(\.$article.$id == article.rawValue).first()
        else { return nil }
        return try await revisions([record], on: db).first
    }

    /// The unsaved changes kept for a published article, if any.
    public static func autosave(of id: Article.ID, on db: any Database) async throws -> Revision? {
        guard
            let record = try await RevisionRecord.query(on: db).filter(\.$article.$id == id.rawValue)
                .filter(\.$kind == Revision.Kind.autosave.rawValue).first()
        else { return nil }
        return try await revisions([record], on: db).first
    }

    static func latestSave(of id: Article.ID, on db: any Database) async throws -> Revision? {
        guard
            let record = try await RevisionRecord.query(on: db).filter(\.$article.$id == id.rawValue)
                .filter(\.$kind == Revision.Kind.save.rawValue).sort(\.$version, .descending).first()
        else { return nil }
        return try await revisions([record], on: db).first
    }

    static func revisions(_ records: [RevisionRecord], on db: any Database) async throws -> [Revision] {
        let userIDs = Set(records.compactMap(\.userID))
        let names =
            userIDs.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await UserRecord.query(on: db).filter(\.$id ~~ userIDs).all().map {
                    (try $0.requireID(), $0.name)
                })
        let decoder = JSONDecoder()
        return try records.map { record in
            Revision(
                id: .init(try record.requireID()), articleID: .init(record.$article.id), version: record.version,
                kind: Revision.Kind(rawValue: record.kind) ?? .save,
                draft: try decoder.decode(ArticleDraft.self, from: Data(record.content.utf8)),
                savedBy: record.userID.flatMap { names[$0] }, createdAt: record.createdAt)
        }
    }
}
