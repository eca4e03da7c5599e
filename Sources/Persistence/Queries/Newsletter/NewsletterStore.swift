import Domain
import FluentKit
import Foundation
import SQLKit

/// The newsletters a site offers, and the claim that makes each scheduled digest go out once.
public enum NewsletterStore {
    public static func all(on db: any Database) async throws -> [Newsletter] {
        let sql = try db.sql()
        let rows = try await sql.raw("SELECT * FROM newsletters ORDER BY position, id").all()
        let links = try await sql.raw("SELECT newsletter_id, section_id FROM newsletter_sections ORDER BY section_id").all()
        var sections: [Int: [Section.ID]] = [:]
        for link in links {
            sections[try link.decode(column: "newsletter_id", as: Int.self), default: []]
                .append(.init(try link.decode(column: "section_id", as: Int.self)))
        }
        return try rows.map { row in try newsletter(row, sections: sections) }
    }

    public static func find(_ id: Newsletter.ID, on db: any Database) async throws -> Newsletter? {
        try await all(on: db).first { $0.id == id }
    }

    /// What staff may change about a newsletter.
    public struct Changes: Sendable, Equatable {
        public var name: String
        public var description: String
        public var senderName: String
        public var schedule: NewsletterSchedule
        public var sectionIDs: [Section.ID]
        public var isDefault: Bool

        public init(
            name: String, description: String, senderName: String, schedule: NewsletterSchedule, sectionIDs: [Section.ID],
            isDefault: Bool
        ) {
            self.name = name
            self.description = description
            self.senderName = senderName
            self.schedule = schedule
            self.sectionIDs = sectionIDs
            self.isDefault = isDefault
        }
    }

    public static func create(_ changes: Changes, now: Date, on db: any Database) async throws -> Newsletter.ID {
        let slug = Slug.make(from: changes.name)
        return try await db.transaction { tx in
            let sql = try tx.sql()
            let taken =
                try await sql.raw("SELECT count(*) AS n FROM newsletters WHERE slug = \(bind: slug)")
                .first(decodingColumn: "n", as: Int.self) ?? 0
            guard taken == 0 else { throw DomainError.conflict("A newsletter called “\(changes.name)” already exists.") }
            let position =
                try await sql.raw("SELECT COALESCE(MAX(position), -1) + 1 AS p FROM newsletters")
                .first(decodingColumn: "p", as: Int.self) ?? 0
            let id = try await sql.raw(
                """
                INSERT INTO newsletters (slug, name, description, sender_name, schedule, is_default, position, created_at)
                VALUES (\(bind: slug), \(bind: changes.name), \(bind: changes.description), \(bind: changes.senderName),
                \(bind: changes.schedule.storedValue), \(bind: changes.isDefault), \(bind: position), \(bind: now)) RETURNING id
                """
            ).first(decodingColumn: "id", as: Int.self)
            guard let id else { throw PersistenceError.missingRow("new newsletter") }
            try await setSections(.init(id), changes.sectionIDs, on: sql)
            return Newsletter.ID(id)
        }
    }

    public static func update(_ id: Newsletter.ID, _ changes: Changes, on db: any Database) async throws {
        try await db.transaction { tx in
            let sql = try tx.sql()
            let changed = try await sql.raw(
                """
                UPDATE newsletters SET name = \(bind: changes.name), description = \(bind: changes.description),
                sender_name = \(bind: changes.senderName), schedule = \(bind: changes.schedule.storedValue),
                is_default = \(bind: changes.isDefault) WHERE id = \(bind: id.rawValue) RETURNING id
                """
            ).all()
            guard !changed.isEmpty else { throw DomainError.notFound("That newsletter no longer exists.") }
            try await setSections(id, changes.sectionIDs, on: sql)
        }
    }

    /// Removes a newsletter that has never sent an edition (one that has keeps its history).
    public static func delete(_ id: Newsletter.ID, on db: any Database) async throws {
        let sql = try db.sql()
        let sent =
            try await sql.raw(
                "SELECT count(*) AS n FROM editions WHERE newsletter_id = \(bind: id.rawValue) AND status <> \(bind: Edition.Status.draft.rawValue)"
            ).first(decodingColumn: "n", as: Int.self) ?? 0
        guard sent == 0 else {
            throw DomainError.conflict(
                "This newsletter has sent editions, so it is kept with its history. Set it to send only by hand instead.")
        }
        try await sql.raw("DELETE FROM newsletters WHERE id = \(bind: id.rawValue)").run()
    }

    static func setSections(_ id: Newsletter.ID, _ sections: [Section.ID], on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM newsletter_sections WHERE newsletter_id = \(bind: id.rawValue)").run()
        for section in Set(sections) {
            try await sql.raw(
                "INSERT INTO newsletter_sections (newsletter_id, section_id) VALUES (\(bind: id.rawValue), \(bind: section.rawValue))"
            ).run()
        }
    }

    /// Confirmed, unpaused, unsuppressed subscribers of each newsletter: who an edition would reach.
    public static func audienceSizes(now: Date, on db: any Database) async throws -> [Newsletter.ID: Int] {
        let rows = try await db.sql().raw(
            """
            SELECT sub.newsletter_id, count(*) AS n FROM subscriptions sub JOIN subscribers s ON s.id = sub.subscriber_id
            WHERE \(Audience.eligible(now: now)) GROUP BY sub.newsletter_id
            """
        ).all()
        var sizes: [Newsletter.ID: Int] = [:]
        for row in rows {
            sizes[.init(try row.decode(column: "newsletter_id", as: Int.self))] = try row.decode(column: "n", as: Int.self)
        }
        return sizes
    }

    /// Takes the digest due at `slot` for this instance: true for exactly one caller however many
    /// instances try, because the update only matches while the stored time is older. Run it in
    /// the transaction that creates the edition, so a failure leaves the digest due.
    public static func claimDigest(_ id: Newsletter.ID, slot: Date, on db: any Database) async throws -> Bool {
        let claimed = try await db.sql().raw(
            """
            UPDATE newsletters SET last_digest_at = \(bind: slot)
            WHERE id = \(bind: id.rawValue) AND (last_digest_at IS NULL OR last_digest_at < \(bind: slot)) RETURNING id
            """
        ).all()
        return !claimed.isEmpty
    }

    static func newsletter(_ row: any SQLRow, sections: [Int: [Section.ID]]) throws -> Newsletter {
        let id = try row.decode(column: "id", as: Int.self)
        return Newsletter(
            id: .init(id), slug: try row.decode(column: "slug", as: String.self), name: try row.decode(column: "name", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            senderName: try row.decode(column: "sender_name", as: String.self),
            schedule: NewsletterSchedule(storedValue: try row.decode(column: "schedule", as: String.self)) ?? .manual,
            sectionIDs: sections[id] ?? [], isDefault: try row.decode(column: "is_default", as: Bool.self),
            lastDigestAt: try row.decode(column: "last_digest_at", as: Date?.self))
    }
}

/// Who may receive newsletter mail: confirmed, not paused, not on the suppression list. One
/// definition, used when an edition is queued and again just before each message leaves.
enum Audience {
    /// A condition on `subscribers s`.
    static func eligible(now: Date) -> SQLQueryString {
        """
        s.status = \(bind: Subscriber.Status.confirmed.rawValue) AND (s.paused_until IS NULL OR s.paused_until <= \(bind: now))
        AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.email = s.email)
        """
    }
}
