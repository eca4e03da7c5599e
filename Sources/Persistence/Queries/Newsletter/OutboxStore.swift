import Domain
import FluentKit
import Foundation
import SQLKit

/// The outbox: every message is a row here before it is delivered, and its state changes are
/// transactional, so a retry or a restart never delivers one twice.
public enum OutboxStore {
    public enum Kind: String, Sendable {
        case transactional
        /// One edition to one subscriber; its body is rendered from the edition when sent.
        case newsletter
    }

    public typealias Status = DeliveryStatus

    /// A complete message to store (transactional mail).
    public struct Message: Sendable, Equatable {
        public var purpose: String
        public var toAddress: String
        public var toName: String
        public var fromName: String
        public var fromAddress: String
        public var subject: String
        public var text: String
        public var html: String
        public var headers: [String: String]

        public init(
            purpose: String, toAddress: String, toName: String, fromName: String, fromAddress: String, subject: String, text: String,
            html: String, headers: [String: String] = [:]
        ) {
            self.purpose = purpose
            self.toAddress = toAddress
            self.toName = toName
            self.fromName = fromName
            self.fromAddress = fromAddress
            self.subject = subject
            self.text = text
            self.html = html
            self.headers = headers
        }
    }

    /// Queues a message. Pass the transaction that makes the change the message is about.
    @discardableResult
    public static func enqueue(_ message: Message, now: Date, on db: any Database) async throws -> Int {
        let record = OutboxMessageRecord()
        record.kind = Kind.transactional.rawValue
        record.purpose = message.purpose
        record.toAddress = message.toAddress
        record.toName = message.toName
        record.fromName = message.fromName
        record.fromAddress = message.fromAddress
        record.subject = message.subject
        record.textBody = message.text
        record.htmlBody = message.html
        record.headers = String(decoding: try JSONEncoder().encode(message.headers), as: UTF8.self)
        record.status = Status.queued.rawValue
        record.attempts = 0
        record.nextAttemptAt = now
        record.createdAt = now
        try await record.create(on: db)
        return try record.requireID()
    }

    /// A claimed row, ready to be rendered and sent.
    public struct Claimed: Sendable, Equatable {
        public var id: Int
        public var kind: Kind
        public var purpose: String
        public var editionID: Edition.ID?
        public var subscriberID: Subscriber.ID?
        public var toAddress: String
        public var toName: String
        /// Stored content (transactional mail); nil for newsletter rows.
        public var message: Message?
        /// Including this one.
        public var attempts: Int
        public var createdAt: Date
    }

    /// Claims up to `limit` due messages for `lease` seconds: queued ones whose time has come, and
    /// ones whose earlier claim expired (a worker that died). Messages of a paused edition wait.
    /// On PostgreSQL, `SKIP LOCKED` lets several instances claim side by side; SQLite has one
    /// writer, so the single UPDATE is already atomic.
    public static func claim(limit: Int, now: Date, lease: TimeInterval, on db: any Database) async throws -> [Claimed] {
        let lock: SQLQueryString = try db.flavor() == .postgres ? "FOR UPDATE OF o SKIP LOCKED" : ""
        let rows = try await db.sql().raw(
            """
            UPDATE mail_outbox SET status = \(bind: Status.sending.rawValue), lease_until = \(bind: now.addingTimeInterval(lease)),
            attempts = attempts + 1
            WHERE id IN (
              SELECT o.id FROM mail_outbox o LEFT JOIN editions e ON e.id = o.edition_id
              WHERE ((o.status = \(bind: Status.queued.rawValue) AND o.next_attempt_at <= \(bind: now))
                OR (o.status = \(bind: Status.sending.rawValue) AND o.lease_until < \(bind: now)))
              AND (o.edition_id IS NULL OR e.status = \(bind: Edition.Status.sending.rawValue))
              ORDER BY o.id LIMIT \(bind: limit) \(lock))
            RETURNING id
            """
        ).all()
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        guard !ids.isEmpty else { return [] }
        var messages: [Claimed] = []
        for record in try await OutboxMessageRecord.query(on: db).filter(\.$id ~~ ids).sort(\.$id).all() {
            do {
                messages.append(try claimed(record))
            } catch let error as UnreadableHeaders {
                // Never sent without its headers (List-Unsubscribe, Reply-To): failed, with the reason.
                try await markFailed(error.id, error: error.description, on: db)
            }
        }
        return messages
    }

    /// Of the claimed newsletter messages, drops those whose reader is no longer subscribed to
    /// the edition's newsletter, paused, or suppressed; returns the ids dropped.
    public static func cancelIneligible(_ ids: [Int], now: Date, on db: any Database) async throws -> Set<Int> {
        guard !ids.isEmpty else { return [] }
        let rows = try await db.sql().raw(
            """
            UPDATE mail_outbox SET status = \(bind: Status.cancelled.rawValue), lease_until = NULL,
            last_error = 'The reader left, paused or was suppressed before this was sent.'
            WHERE id IN \(SQLGroupExpression(ids.map { SQLBind($0) })) AND kind = \(bind: Kind.newsletter.rawValue)
            AND status = \(bind: Status.sending.rawValue)
            AND NOT EXISTS (
              SELECT 1 FROM subscribers s JOIN subscriptions sub ON sub.subscriber_id = s.id
              JOIN editions e ON e.id = mail_outbox.edition_id AND e.newsletter_id = sub.newsletter_id
              WHERE s.id = mail_outbox.subscriber_id AND \(Audience.eligible(now: now)))
            RETURNING id
            """
        ).all()
        return Set(try rows.map { try $0.decode(column: "id", as: Int.self) })
    }

    /// The server accepted the message.
    public static func markSent(_ id: Int, now: Date, on db: any Database) async throws {
        try await db.sql().raw(
            """
            UPDATE mail_outbox SET status = \(bind: Status.sent.rawValue), sent_at = \(bind: now), lease_until = NULL, last_error = NULL
            WHERE id = \(bind: id) AND status = \(bind: Status.sending.rawValue)
            """
        ).run()
    }

    /// A temporary failure: try again at `retryAt`, or give up (nil).
    public static func markDeferred(_ id: Int, error: String, retryAt: Date?, on db: any Database) async throws {
        if let retryAt {
            try await db.sql().raw(
                """
                UPDATE mail_outbox SET status = \(bind: Status.queued.rawValue), next_attempt_at = \(bind: retryAt), lease_until = NULL,
                last_error = \(bind: String(error.prefix(500))) WHERE id = \(bind: id) AND status = \(bind: Status.sending.rawValue)
                """
            ).run()
        } else {
            try await markFailed(id, error: "Gave up after repeated temporary failures: " + error, on: db)
        }
    }

    /// Refused for good.
    public static func markFailed(_ id: Int, error: String, on db: any Database) async throws {
        try await db.sql().raw(
            """
            UPDATE mail_outbox SET status = \(bind: Status.failed.rawValue), lease_until = NULL, last_error = \(bind: String(error.prefix(500)))
            WHERE id = \(bind: id) AND status = \(bind: Status.sending.rawValue)
            """
        ).run()
    }

    /// Messages waiting, by kind (health and tests).
    public static func pendingCount(on db: any Database) async throws -> Int {
        try await OutboxMessageRecord.query(on: db).filter(\.$status ~~ [Status.queued.rawValue, Status.sending.rawValue]).count()
    }

    /// When the next queued message is due, to sleep until then.
    public static func nextDue(on db: any Database) async throws -> Date? {
        try await db.sql().raw(
            """
            SELECT MIN(o.next_attempt_at) AS due FROM mail_outbox o LEFT JOIN editions e ON e.id = o.edition_id
            WHERE o.status = \(bind: Status.queued.rawValue) AND (o.edition_id IS NULL OR e.status = \(bind: Edition.Status.sending.rawValue))
            """
        ).first(decodingColumn: "due", as: Date?.self) ?? nil
    }

    /// A stored message whose headers cannot be read is not sent without them.
    struct UnreadableHeaders: Error, CustomStringConvertible {
        let id: Int
        var description: String { "The stored headers of outbox message \(id) cannot be read." }
    }

    static func claimed(_ record: OutboxMessageRecord) throws -> Claimed {
        let id = try record.requireID()
        let kind = Kind(rawValue: record.kind) ?? .transactional
        var message: Message?
        if kind == .transactional {
            var headers: [String: String] = [:]
            if let stored = record.headers {
                do {
                    headers = try JSONDecoder().decode([String: String].self, from: Data(stored.utf8))
                } catch {
                    throw UnreadableHeaders(id: id)
                }
            }
            message = Message(
                purpose: record.purpose, toAddress: record.toAddress, toName: record.toName, fromName: record.fromName ?? "",
                fromAddress: record.fromAddress ?? "", subject: record.subject ?? "", text: record.textBody ?? "",
                html: record.htmlBody ?? "",
                headers: headers)
        }
        return Claimed(
            id: id, kind: kind, purpose: record.purpose, editionID: record.editionID.map(Edition.ID.init),
            subscriberID: record.subscriberID.map(Subscriber.ID.init), toAddress: record.toAddress, toName: record.toName, message: message,
            attempts: record.attempts, createdAt: record.createdAt)
    }
}
