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
        let headers = String(decoding: try JSONEncoder().encode(message.headers), as: UTF8.self)
        let id = try await db.sql().raw(
            """
            INSERT INTO mail_outbox (kind, purpose, to_address, to_name, from_name, from_address, subject, text_body, html_body, headers,
            status, attempts, next_attempt_at, created_at)
            VALUES (\(bind: Kind.transactional.rawValue), \(bind: message.purpose), \(bind: message.toAddress), \(bind: message.toName),
            \(bind: message.fromName), \(bind: message.fromAddress), \(bind: message.subject), \(bind: message.text), \(bind: message.html),
            \(bind: headers), \(bind: Status.queued.rawValue), 0, \(bind: now), \(bind: now)) RETURNING id
            """
        ).first(decodingColumn: "id", as: Int.self)
        guard let id else { throw PersistenceError.missingRow("outbox message") }
        return id
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
            RETURNING id, kind, purpose, edition_id, subscriber_id, to_address, to_name, from_name, from_address, subject, text_body,
            html_body, headers, attempts, created_at
            """
        ).all()
        return try rows.map(claimed).sorted { $0.id < $1.id }
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
        try await db.sql().raw(
            "SELECT count(*) AS n FROM mail_outbox WHERE status IN (\(bind: Status.queued.rawValue), \(bind: Status.sending.rawValue))"
        ).first(decodingColumn: "n", as: Int.self) ?? 0
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

    static func claimed(_ row: any SQLRow) throws -> Claimed {
        let kind = Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .transactional
        let purpose = try row.decode(column: "purpose", as: String.self)
        let to = try row.decode(column: "to_address", as: String.self)
        let toName = try row.decode(column: "to_name", as: String.self)
        var message: Message?
        if kind == .transactional {
            let headers = try row.decode(column: "headers", as: String?.self).flatMap {
                try? JSONDecoder().decode([String: String].self, from: Data($0.utf8))
            }
            message = Message(
                purpose: purpose, toAddress: to, toName: toName, fromName: try row.decode(column: "from_name", as: String?.self) ?? "",
                fromAddress: try row.decode(column: "from_address", as: String?.self) ?? "",
                subject: try row.decode(column: "subject", as: String?.self) ?? "",
                text: try row.decode(column: "text_body", as: String?.self) ?? "",
                html: try row.decode(column: "html_body", as: String?.self) ?? "", headers: headers ?? [:])
        }
        return Claimed(
            id: try row.decode(column: "id", as: Int.self), kind: kind, purpose: purpose,
            editionID: try row.decode(column: "edition_id", as: Int?.self).map(Edition.ID.init),
            subscriberID: try row.decode(column: "subscriber_id", as: Int?.self).map(Subscriber.ID.init), toAddress: to, toName: toName,
            message: message, attempts: try row.decode(column: "attempts", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: Date.self))
    }
}
