import Domain
import FluentKit
import Foundation
import SQLKit

/// The newsletters a site offers, and the claim that makes each scheduled digest go out once.
public enum NewsletterStore {
    public static func all(on db: any Database) async throws -> [Newsletter] {
        let records = try await NewsletterRecord.query(on: db).sort(\.$position).sort(\.$id).all()
        let sections = try await sectionsByNewsletter(on: db)
        return try records.map { try newsletter($0, sections: sections) }
    }

    public static func find(_ id: Newsletter.ID, on db: any Database) async throws -> Newsletter? {
        guard let record = try await NewsletterRecord.find(id.rawValue, on: db) else { return nil }
        return try newsletter(record, sections: try await sectionsByNewsletter(on: db))
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
            guard try await NewsletterRecord.query(on: tx).filter(\.$slug == slug).count() == 0 else {
                throw DomainError.conflict("A newsletter called “\(changes.name)” already exists.")
            }
            let record = NewsletterRecord()
            record.slug = slug
            record.position = (try await NewsletterRecord.query(on: tx).max(\.$position) ?? -1) + 1
            record.createdAt = now
            apply(changes, to: record)
            try await record.create(on: tx)
            let id = Newsletter.ID(try record.requireID())
            try await setSections(id, changes.sectionIDs, on: try tx.sql())
            return id
        }
    }

    public static func update(_ id: Newsletter.ID, _ changes: Changes, on db: any Database) async throws {
        try await db.transaction { tx in
            guard let record = try await NewsletterRecord.find(id.rawValue, on: tx) else {
                throw DomainError.notFound("That newsletter no longer exists.")
            }
            apply(changes, to: record)
            try await record.update(on: tx)
            try await setSections(id, changes.sectionIDs, on: try tx.sql())
        }
    }

    static func apply(_ changes: Changes, to record: NewsletterRecord) {
        record.name = changes.name
        record.description = changes.description
        record.senderName = changes.senderName
        record.schedule = changes.schedule.storedValue
        record.isDefault = changes.isDefault
    }

    /// Removes a newsletter that has never sent an edition (one that has keeps its history).
    public static func delete(_ id: Newsletter.ID, on db: any Database) async throws {
        let sent = try await EditionRecord.query(on: db).filter(\.$newsletterID == id.rawValue)
            .filter(\.$status != Edition.Status.draft.rawValue).count()
        guard sent == 0 else {
            throw DomainError.conflict(
                "This newsletter has sent editions, so it is kept with its history. Set it to send only by hand instead.")
        }
        try await NewsletterRecord.query(on: db).filter(\.$id == id.rawValue).delete()
    }

    /// The sections each newsletter's digest draws on (a link table: read and replaced as a set).
    static func sectionsByNewsletter(on db: any Database) async throws -> [Int: [Section.ID]] {
        var sections: [Int: [Section.ID]] = [:]
        for link in try await db.sql().raw("SELECT newsletter_id, section_id FROM newsletter_sections ORDER BY section_id").all() {
            sections[try link.decode(column: "newsletter_id", as: Int.self), default: []]
                .append(.init(try link.decode(column: "section_id", as: Int.self)))
        }
        return sections
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

    static func newsletter(_ record: NewsletterRecord, sections: [Int: [Section.ID]]) throws -> Newsletter {
        let id = try record.requireID()
        return Newsletter(
            id: .init(id), slug: record.slug, name: record.name, description: record.description, senderName: record.senderName,
            schedule: NewsletterSchedule(storedValue: record.schedule) ?? .manual, sectionIDs: sections[id] ?? [],
            isDefault: record.isDefault, lastDigestAt: record.lastDigestAt)
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
