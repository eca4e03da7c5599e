import Domain
import FluentKit
import Foundation
import SQLKit

/// Readers on the list: double opt-in signups, confirmation, preferences and leaving.
public enum SubscriberStore {
    /// What a signup led to. Both cases look the same to the person signing up.
    public enum SignupOutcome: Sendable, Equatable {
        /// A new or not yet confirmed address: mail this confirmation token.
        case confirmationNeeded(Subscriber, token: String)
        /// Already subscribed: mail a way to their preferences instead.
        case alreadySubscribed(Subscriber)
    }

    /// Records a signup (pending until confirmed) and a single-use confirmation token. Run in the
    /// transaction that queues the confirmation mail.
    public static func signUp(
        email: String, name: String, newsletters: [Newsletter.ID], source: String, now: Date, tokenLifetime: TimeInterval,
        random: any RandomSource, on db: any Database
    ) async throws -> SignupOutcome {
        let record: SubscriberRecord
        if let existing = try await SubscriberRecord.query(on: db).filter(\.$email == email).first() {
            if existing.status == Subscriber.Status.confirmed.rawValue,
                let subscriber = try await find(.init(try existing.requireID()), on: db)
            {
                return .alreadySubscribed(subscriber)
            }
            if !name.isEmpty {
                existing.name = name
                try await existing.update(on: db)
            }
            record = existing
        } else {
            record = SubscriberRecord()
            record.email = email
            record.name = name
            record.status = Subscriber.Status.pending.rawValue
            record.consentSource = ""
            record.createdAt = now
            record.linkKey = SecretToken.generate(using: random)
            try await record.create(on: db)
        }
        let id = Subscriber.ID(try record.requireID())
        let token = SecretToken.generate(using: random)
        let confirmation = SubscriberTokenRecord()
        confirmation.id = TokenHash.of(token)
        confirmation.subscriberID = id.rawValue
        confirmation.source = source
        confirmation.newsletterIDs = newsletters.map(\.description).joined(separator: ",")
        confirmation.createdAt = now
        confirmation.expiresAt = now.addingTimeInterval(tokenLifetime)
        try await confirmation.create(on: db)
        guard let subscriber = try await find(id, on: db) else { throw PersistenceError.missingRow("subscriber \(email)") }
        return .confirmationNeeded(subscriber, token: token)
    }

    /// The subscriber an unused, unexpired confirmation token belongs to (to show the page).
    public static func peekConfirmation(_ token: String, now: Date, on db: any Database) async throws -> Subscriber? {
        guard token.count <= 100,
            let record = try await SubscriberTokenRecord.query(on: db).filter(\.$id == TokenHash.of(token)).filter(\.$usedAt == nil)
                .filter(\.$expiresAt > now).first()
        else { return nil }
        return try await find(.init(record.subscriberID), on: db)
    }

    /// Confirms a signup: uses the token up (of two racing clicks, one wins), records when and
    /// where consent was given, subscribes to the newsletters chosen, and lifts a suppression
    /// (the address has just proven it receives mail). Nil for a used, expired or unknown token.
    public static func confirm(_ token: String, now: Date, on db: any Database) async throws -> Subscriber? {
        guard token.count <= 100 else { return nil }
        return try await db.transaction { tx in
            let sql = try tx.sql()
            guard
                let row = try await sql.raw(
                    """
                    UPDATE subscriber_tokens SET used_at = \(bind: now) WHERE id = \(bind: TokenHash.of(token))
                    AND used_at IS NULL AND expires_at > \(bind: now) RETURNING subscriber_id, source, newsletter_ids
                    """
                ).first()
            else { return nil }
            let id = Subscriber.ID(try row.decode(column: "subscriber_id", as: Int.self))
            let source = try row.decode(column: "source", as: String.self)
            let newsletters = try row.decode(column: "newsletter_ids", as: String.self).split(separator: ",").compactMap { Int($0) }
            guard let subscriber = try await SubscriberRecord.find(id.rawValue, on: tx) else { return nil }
            subscriber.status = Subscriber.Status.confirmed.rawValue
            subscriber.confirmedAt = now
            subscriber.consentSource = source
            subscriber.unsubscribedAt = nil
            try await subscriber.update(on: tx)
            try await subscribe(id, to: newsletters.map(Newsletter.ID.init), now: now, on: sql)
            try await SuppressionRecord.query(on: tx).filter(\.$id == subscriber.email).delete()
            return try await find(id, on: tx)
        }
    }

    /// Sets exactly which newsletters a subscriber gets; none means they have left. A reader
    /// acting through a link from their own mailbox may also come back after leaving.
    public static func setNewsletters(_ id: Subscriber.ID, _ newsletters: [Newsletter.ID], now: Date, on db: any Database) async throws {
        try await db.transaction { tx in
            let sql = try tx.sql()
            try await sql.raw("DELETE FROM subscriptions WHERE subscriber_id = \(bind: id.rawValue)").run()
            try await subscribe(id, to: newsletters, now: now, on: sql)
            guard let record = try await SubscriberRecord.find(id.rawValue, on: tx) else { return }
            if newsletters.isEmpty {
                markUnsubscribed(record, now: now)
            } else if record.status != Subscriber.Status.pending.rawValue {
                record.status = Subscriber.Status.confirmed.rawValue
                record.unsubscribedAt = nil
                record.confirmedAt = record.confirmedAt ?? now
            }
            try await record.update(on: tx)
        }
    }

    /// Leaves one newsletter (one-click unsubscribe from its mail), or all of them with nil.
    /// Leaving the last one marks the reader unsubscribed.
    public static func unsubscribe(_ id: Subscriber.ID, from newsletter: Newsletter.ID?, now: Date, on db: any Database) async throws {
        try await db.transaction { tx in
            let sql = try tx.sql()
            let only: SQLQueryString = newsletter.map { " AND newsletter_id = \(bind: $0.rawValue)" } ?? ""
            try await sql.raw("DELETE FROM subscriptions WHERE subscriber_id = \(bind: id.rawValue)\(only)").run()
            let left =
                try await sql.raw("SELECT count(*) AS n FROM subscriptions WHERE subscriber_id = \(bind: id.rawValue)")
                .first(decodingColumn: "n", as: Int.self) ?? 0
            if left == 0, let record = try await SubscriberRecord.find(id.rawValue, on: tx) {
                markUnsubscribed(record, now: now)
                try await record.update(on: tx)
            }
        }
    }

    /// No newsletter until `until` (nil resumes at once).
    public static func pause(_ id: Subscriber.ID, until: Date?, on db: any Database) async throws {
        try await SubscriberRecord.query(on: db).filter(\.$id == id.rawValue).set(\.$pausedUntil, to: until).update()
    }

    /// Erases a subscriber and everything queued for them (a reader's request to be forgotten).
    public static func delete(_ id: Subscriber.ID, on db: any Database) async throws {
        try await SubscriberRecord.query(on: db).filter(\.$id == id.rawValue).delete()
    }

    static func markUnsubscribed(_ record: SubscriberRecord, now: Date) {
        guard record.status != Subscriber.Status.unsubscribed.rawValue else { return }
        record.status = Subscriber.Status.unsubscribed.rawValue
        record.unsubscribedAt = now
    }

    static func subscribe(_ id: Subscriber.ID, to newsletters: [Newsletter.ID], now: Date, on sql: any SQLDatabase) async throws {
        for newsletter in Set(newsletters) {
            try await sql.raw(
                """
                INSERT INTO subscriptions (subscriber_id, newsletter_id, created_at)
                SELECT \(bind: id.rawValue), id, \(bind: now) FROM newsletters WHERE id = \(bind: newsletter.rawValue)
                ON CONFLICT (subscriber_id, newsletter_id) DO NOTHING
                """
            ).run()
        }
    }

    public static func find(_ id: Subscriber.ID, on db: any Database) async throws -> Subscriber? {
        try await subscribers(SubscriberRecord.query(on: db).filter(\.$id == id.rawValue).all(), on: db).first
    }

    public static func find(email: String, on db: any Database) async throws -> Subscriber? {
        try await subscribers(SubscriberRecord.query(on: db).filter(\.$email == email).all(), on: db).first
    }

    /// The secret signed into a subscriber's mailed links.
    public static func linkKey(_ id: Subscriber.ID, on db: any Database) async throws -> String? {
        try await SubscriberRecord.find(id.rawValue, on: db)?.linkKey
    }

    /// The link keys of several subscribers at once (the mail worker signs a batch of links).
    public static func linkKeys(_ ids: [Subscriber.ID], on db: any Database) async throws -> [Subscriber.ID: String] {
        guard !ids.isEmpty else { return [:] }
        let records = try await SubscriberRecord.query(on: db).filter(\.$id ~~ ids.map(\.rawValue)).all()
        return Dictionary(try records.map { (Subscriber.ID(try $0.requireID()), $0.linkKey) }, uniquingKeysWith: { first, _ in first })
    }

    /// Subscribers as the domain sees them: their rows, with the newsletters they get and whether
    /// their address is suppressed (both read as sets, for all of them at once).
    static func subscribers(_ records: [SubscriberRecord], on db: any Database) async throws -> [Subscriber] {
        guard !records.isEmpty else { return [] }
        let ids = try records.map { try $0.requireID() }
        var newsletters: [Int: [Newsletter.ID]] = [:]
        for link in try await db.sql().raw(
            """
            SELECT subscriber_id, newsletter_id FROM subscriptions
            WHERE subscriber_id IN \(SQLGroupExpression(ids.map { SQLBind($0) })) ORDER BY newsletter_id
            """
        ).all() {
            newsletters[try link.decode(column: "subscriber_id", as: Int.self), default: []]
                .append(.init(try link.decode(column: "newsletter_id", as: Int.self)))
        }
        let suppressed = Set(
            try await SuppressionRecord.query(on: db).filter(\.$id ~~ records.map(\.email)).all().map { try $0.requireID() })
        return try records.map { record in
            let id = try record.requireID()
            return Subscriber(
                id: .init(id), email: record.email, name: record.name, status: Subscriber.Status(rawValue: record.status) ?? .pending,
                createdAt: record.createdAt, confirmedAt: record.confirmedAt, consentSource: record.consentSource,
                unsubscribedAt: record.unsubscribedAt, pausedUntil: record.pausedUntil, newsletterIDs: newsletters[id] ?? [],
                isSuppressed: suppressed.contains(record.email))
        }
    }
}
