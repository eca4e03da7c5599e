import Domain
import FluentKit
import Foundation
import SQLKit

/// Editions: written, scheduled, queued for every reader, paused, resumed, finished.
public enum EditionStore {
    /// What staff write.
    public struct Draft: Sendable, Equatable {
        public var subject: String
        public var markdown: String
        public var bodyHTML: String
        public var bodyText: String

        public init(subject: String, markdown: String, bodyHTML: String, bodyText: String) {
            self.subject = subject
            self.markdown = markdown
            self.bodyHTML = bodyHTML
            self.bodyText = bodyText
        }
    }

    public static func create(
        _ draft: Draft, newsletter: Newsletter.ID, kind: Edition.Kind, createdBy: StaffMember.ID?, now: Date, on db: any Database
    ) async throws -> Edition.ID {
        let record = EditionRecord()
        record.newsletterID = newsletter.rawValue
        record.kind = kind.rawValue
        record.subject = draft.subject
        record.markdown = draft.markdown
        record.bodyHTML = draft.bodyHTML
        record.bodyText = draft.bodyText
        record.status = Edition.Status.draft.rawValue
        record.createdBy = createdBy?.rawValue
        record.createdAt = now
        record.updatedAt = now
        try await record.create(on: db)
        return .init(try record.requireID())
    }

    /// Saves new text; only while nothing has been sent.
    public static func update(_ id: Edition.ID, _ draft: Draft, now: Date, on db: any Database) async throws {
        let changed = try await db.sql().raw(
            """
            UPDATE editions SET subject = \(bind: draft.subject), markdown = \(bind: draft.markdown), body_html = \(bind: draft.bodyHTML),
            body_text = \(bind: draft.bodyText), updated_at = \(bind: now)
            WHERE id = \(bind: id.rawValue) AND status IN (\(bind: Edition.Status.draft.rawValue), \(bind: Edition.Status.scheduled.rawValue))
            RETURNING id
            """
        ).all()
        guard !changed.isEmpty else { throw DomainError.conflict("This edition has started sending, so its text can no longer change.") }
    }

    public static func find(_ id: Edition.ID, on db: any Database) async throws -> Edition? {
        try await EditionRecord.find(id.rawValue, on: db).map(edition)
    }

    /// The newest editions, of one newsletter or all.
    public static func recent(newsletter: Newsletter.ID? = nil, limit: Int, on db: any Database) async throws -> [Edition] {
        var query = EditionRecord.query(on: db)
        if let newsletter { query = query.filter(\.$newsletterID == newsletter.rawValue) }
        return try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(limit).all().map(edition)
    }

    /// Deletes a draft or scheduled edition (one that has sent keeps its log).
    public static func delete(_ id: Edition.ID, on db: any Database) async throws {
        let deleted = try await db.sql().raw(
            """
            DELETE FROM editions WHERE id = \(bind: id.rawValue)
            AND status IN (\(bind: Edition.Status.draft.rawValue), \(bind: Edition.Status.scheduled.rawValue)) RETURNING id
            """
        ).all()
        guard !deleted.isEmpty else { throw DomainError.conflict("An edition that has started sending is kept with its send log.") }
    }

    /// Schedules a draft (or moves a scheduled edition); nil turns it back into a draft.
    public static func schedule(_ id: Edition.ID, at time: Date?, now: Date, on db: any Database) async throws {
        let status: Edition.Status = time == nil ? .draft : .scheduled
        let changed = try await db.sql().raw(
            """
            UPDATE editions SET status = \(bind: status.rawValue), scheduled_at = \(bind: time), updated_at = \(bind: now)
            WHERE id = \(bind: id.rawValue) AND status IN (\(bind: Edition.Status.draft.rawValue), \(bind: Edition.Status.scheduled.rawValue))
            RETURNING id
            """
        ).all()
        guard !changed.isEmpty else { throw DomainError.conflict("This edition has already started sending.") }
    }

    /// Starts sending: moves the edition from draft or scheduled to sending and queues one
    /// message per eligible subscriber, in one transaction. Returns nil when another request or
    /// instance started it first (so nothing is queued twice), else how many were queued.
    public static func startSending(_ id: Edition.ID, now: Date, on db: any Database) async throws -> Int? {
        try await db.transaction { tx in
            let sql = try tx.sql()
            guard
                let newsletter = try await sql.raw(
                    """
                    UPDATE editions SET status = \(bind: Edition.Status.sending.rawValue), started_at = \(bind: now), updated_at = \(bind: now)
                    WHERE id = \(bind: id.rawValue)
                    AND status IN (\(bind: Edition.Status.draft.rawValue), \(bind: Edition.Status.scheduled.rawValue)) RETURNING newsletter_id
                    """
                ).first(decodingColumn: "newsletter_id", as: Int.self)
            else { return nil }
            return try await enqueueRecipients(id, newsletter: .init(newsletter), now: now, on: sql)
        }
    }

    /// One outbox row per eligible subscriber of the newsletter. The unique (edition, subscriber)
    /// pair makes a second call add nobody twice.
    static func enqueueRecipients(_ id: Edition.ID, newsletter: Newsletter.ID, now: Date, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw(
            """
            INSERT INTO mail_outbox (kind, purpose, edition_id, subscriber_id, to_address, to_name, status, attempts, next_attempt_at, created_at)
            SELECT \(bind: OutboxStore.Kind.newsletter.rawValue), 'edition', \(bind: id.rawValue), s.id, s.email, s.name,
            \(bind: OutboxStore.Status.queued.rawValue), 0, \(bind: now), \(bind: now)
            FROM subscribers s JOIN subscriptions sub ON sub.subscriber_id = s.id AND sub.newsletter_id = \(bind: newsletter.rawValue)
            WHERE \(Audience.eligible(now: now))
            ON CONFLICT (edition_id, subscriber_id) DO NOTHING RETURNING id
            """
        ).all().count
    }

    /// Scheduled editions whose time has come.
    public static func due(now: Date, on db: any Database) async throws -> [Edition.ID] {
        try await EditionRecord.query(on: db).filter(\.$status == Edition.Status.scheduled.rawValue).filter(\.$scheduledAt <= now)
            .sort(\.$id).all().map { Edition.ID(try $0.requireID()) }
    }

    /// Creates a digest and queues it, for the slot this instance has just claimed (call inside
    /// the claiming transaction).
    public static func createDigest(_ draft: Draft, newsletter: Newsletter.ID, now: Date, on db: any Database) async throws -> (
        Edition.ID, queued: Int
    ) {
        let id = try await create(draft, newsletter: newsletter, kind: .digest, createdBy: nil, now: now, on: db)
        guard let queued = try await startSending(id, now: now, on: db) else { throw PersistenceError.missingRow("digest \(id)") }
        return (id, queued)
    }

    public static func pause(_ id: Edition.ID, now: Date, on db: any Database) async throws {
        try await move(id, from: .sending, to: .paused, now: now, on: db, refusal: "Only an edition that is sending can be paused.")
    }

    public static func resume(_ id: Edition.ID, now: Date, on db: any Database) async throws {
        try await move(id, from: .paused, to: .sending, now: now, on: db, refusal: "Only a paused edition can be resumed.")
    }

    static func move(_ id: Edition.ID, from: Edition.Status, to: Edition.Status, now: Date, on db: any Database, refusal: String)
        async throws
    {
        let changed = try await db.sql().raw(
            """
            UPDATE editions SET status = \(bind: to.rawValue), updated_at = \(bind: now)
            WHERE id = \(bind: id.rawValue) AND status = \(bind: from.rawValue) RETURNING id
            """
        ).all()
        guard !changed.isEmpty else { throw DomainError.conflict(refusal) }
    }

    /// Marks sending editions with nothing left to deliver as sent.
    public static func finishCompleted(now: Date, on db: any Database) async throws -> [Edition.ID] {
        try await db.sql().raw(
            """
            UPDATE editions SET status = \(bind: Edition.Status.sent.rawValue), finished_at = \(bind: now), updated_at = \(bind: now)
            WHERE status = \(bind: Edition.Status.sending.rawValue) AND NOT EXISTS (
              SELECT 1 FROM mail_outbox o WHERE o.edition_id = editions.id
              AND o.status IN (\(bind: OutboxStore.Status.queued.rawValue), \(bind: OutboxStore.Status.sending.rawValue)))
            RETURNING id
            """
        ).all().map { Edition.ID(try $0.decode(column: "id", as: Int.self)) }
    }

    public static func progress(_ id: Edition.ID, on db: any Database) async throws -> EditionProgress {
        try await progress(of: [id], on: db)[id] ?? EditionProgress()
    }

    /// Sent / failed / remaining / cancelled per edition.
    public static func progress(of ids: [Edition.ID], on db: any Database) async throws -> [Edition.ID: EditionProgress] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.sql().raw(
            """
            SELECT edition_id, status, count(*) AS n FROM mail_outbox
            WHERE edition_id IN \(SQLGroupExpression(ids.map { SQLBind($0.rawValue) })) GROUP BY edition_id, status
            """
        ).all()
        var result: [Edition.ID: EditionProgress] = [:]
        for row in rows {
            let id = Edition.ID(try row.decode(column: "edition_id", as: Int.self))
            let count = try row.decode(column: "n", as: Int.self)
            var progress = result[id] ?? EditionProgress()
            switch OutboxStore.Status(rawValue: try row.decode(column: "status", as: String.self)) {
            case .sent: progress.sent += count
            case .failed: progress.failed += count
            case .cancelled: progress.cancelled += count
            case .queued, .sending, nil: progress.remaining += count
            }
            result[id] = progress
        }
        return result
    }

    /// One line of an edition's send log.
    public struct LogEntry: Sendable, Equatable {
        public var email: String
        public var status: OutboxStore.Status
        public var attempts: Int
        public var lastError: String?
        public var sentAt: Date?
        public var nextAttemptAt: Date
    }

    /// The send log, problems first, then by address: the order is SQL's, the rows are records.
    public static func log(_ id: Edition.ID, status: OutboxStore.Status?, page: ListingPage, on db: any Database) async throws -> Paged<
        LogEntry
    > {
        var query = OutboxMessageRecord.query(on: db).filter(\.$editionID == id.rawValue)
        if let status { query = query.filter(\.$status == status.rawValue) }
        let total = try await query.count()
        var condition: SQLQueryString = "edition_id = \(bind: id.rawValue)"
        if let status { condition = condition + " AND status = \(bind: status.rawValue)" }
        let ids = try await db.sql().raw(
            """
            SELECT id FROM mail_outbox WHERE \(condition)
            ORDER BY CASE status WHEN 'failed' THEN 0 WHEN 'queued' THEN 1 WHEN 'sending' THEN 1 ELSE 2 END, to_address
            LIMIT \(bind: page.size) OFFSET \(bind: page.offset)
            """
        ).all().map { try $0.decode(column: "id", as: Int.self) }
        let records = Dictionary(
            try await OutboxMessageRecord.query(on: db).filter(\.$id ~~ ids).all().map { (try $0.requireID(), $0) },
            uniquingKeysWith: { first, _ in first })
        let entries = ids.compactMap { records[$0] }.map { record in
            LogEntry(
                email: record.toAddress, status: OutboxStore.Status(rawValue: record.status) ?? .queued, attempts: record.attempts,
                lastError: record.lastError, sentAt: record.sentAt, nextAttemptAt: record.nextAttemptAt)
        }
        return Paged(items: entries, page: page, totalCount: total)
    }

    static func edition(_ record: EditionRecord) throws -> Edition {
        Edition(
            id: .init(try record.requireID()), newsletterID: .init(record.newsletterID),
            kind: Edition.Kind(rawValue: record.kind) ?? .manual,
            subject: record.subject, markdown: record.markdown, bodyHTML: record.bodyHTML, bodyText: record.bodyText,
            status: Edition.Status(rawValue: record.status) ?? .draft, scheduledAt: record.scheduledAt, startedAt: record.startedAt,
            finishedAt: record.finishedAt, createdAt: record.createdAt, updatedAt: record.updatedAt)
    }
}
