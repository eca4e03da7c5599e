import Domain
import FluentKit
import Foundation
import SQLKit

/// Changes to sections from the settings pages.
public enum SectionStore {
    public static func exists(_ id: Section.ID, on db: any Database) async throws -> Bool {
        try await SectionRecord.find(id.rawValue, on: db) != nil
    }

    public static func create(name: String, description: String, inNavigation: Bool, on db: any Database) async throws -> Section {
        let slug = Slug.make(from: name)
        if try await SectionRecord.query(on: db).filter(\.$slug == slug).count() > 0 {
            throw DomainError.conflict("A section with the address “\(slug)” already exists.")
        }
        let position = (try await SectionRecord.query(on: db).max(\.$position) ?? -1) + 1
        let record = SectionRecord(name: name, slug: slug, position: position, description: description)
        record.inNavigation = inNavigation
        try await record.create(on: db)
        return try record.domain()
    }

    /// Renames (the address stays, so links keep working), describes and shows or hides a section.
    public static func update(_ id: Section.ID, name: String, description: String, inNavigation: Bool, on db: any Database) async throws {
        guard let record = try await SectionRecord.find(id.rawValue, on: db) else {
            throw DomainError.notFound("That section no longer exists.")
        }
        record.name = name
        record.description = description
        record.inNavigation = inNavigation
        try await record.update(on: db)
    }

    /// Moves a section one place up (-1) or down (+1) in the navigation order.
    public static func move(_ id: Section.ID, by offset: Int, on db: any Database) async throws {
        try await db.transaction { tx in
            var records = try await SectionRecord.query(on: tx).sort(\.$position).sort(\.$name).all()
            guard let index = records.firstIndex(where: { $0.id == id.rawValue }) else {
                throw DomainError.notFound("That section no longer exists.")
            }
            let target = index + offset
            guard records.indices.contains(target) else { return }
            records.swapAt(index, target)
            for (position, record) in records.enumerated() where record.position != position {
                record.position = position
                try await record.update(on: tx)
            }
        }
    }

    /// Deletes a section; its articles stay, without a section.
    public static func delete(_ id: Section.ID, on db: any Database) async throws {
        try await db.transaction { tx in
            try await ArticleRecord.query(on: tx).filter(\.$section.$id == id.rawValue).set(\.$section.$id, to: nil).update()
            try await SectionRecord.query(on: tx).filter(\.$id == id.rawValue).delete()
        }
    }

    /// How many articles each section holds.
    public static func articleCounts(on db: any Database) async throws -> [Section.ID: Int] {
        let rows = try await db.sql().raw("SELECT section_id, count(*) AS n FROM articles WHERE section_id IS NOT NULL GROUP BY section_id")
            .all()
        var counts: [Section.ID: Int] = [:]
        for row in rows {
            counts[.init(try row.decode(column: "section_id", as: Int.self))] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// Every section in navigation order.
    public static func all(on db: any Database) async throws -> [Section] {
        try await SectionRecord.query(on: db).sort(\.$position).sort(\.$name).all().map { try $0.domain() }
    }

    public static func find(slug: String, on db: any Database) async throws -> Section? {
        try await SectionRecord.query(on: db).filter(\.$slug == slug).first()?.domain()
    }

    public static func create(name: String, slug: String, position: Int, description: String, on db: any Database) async throws
        -> Section
    {
        let record = SectionRecord(name: name, slug: slug, position: position, description: description)
        try await record.create(on: db)
        return try record.domain()
    }
}
