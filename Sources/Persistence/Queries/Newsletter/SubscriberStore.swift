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
        on db: any Database
    ) async throws -> SignupOutcome {
        let sql = try db.sql()
        var existing = try await find(email: email, on: db)
        if let subscriber = existing, subscriber.status == .confirmed {
            return .alreadySubscribed(subscriber)
        }
        if existing == nil {
            let id = try await sql.raw(
                """
                INSERT INTO subscribers (email, name, status, consent_source, created_at, link_key)
                VALUES (\(bind: email), \(bind: name), \(bind: Subscriber.Status.pending.rawValue), '', \(bind: now),
                \(bind: SecretToken.generate())) RETURNING id
                """
            ).first(decodingColumn: "id", as: Int.self)
            guard let id else { throw PersistenceError.missingRow("new subscriber") }
            existing = try await find(.init(id), on: db)
        } else if let subscriber = existing, !name.isEmpty {
            try await sql.raw("UPDATE subscribers SET name = \(bind: name) WHERE id = \(bind: subscriber.id.rawValue)").run()
        }
        guard let subscriber = existing else { throw PersistenceError.missingRow("subscriber \(email)") }
        let token = SecretToken.generate()
        try await sql.raw(
            """
            INSERT INTO subscriber_tokens (id, subscriber_id, source, newsletter_ids, created_at, expires_at)
            VALUES (\(bind: SecretToken.hash(token)), \(bind: subscriber.id.rawValue), \(bind: source),
            \(bind: newsletters.map(\.description).joined(separator: ",")), \(bind: now), \(bind: now.addingTimeInterval(tokenLifetime)))
            """
        ).run()
        return .confirmationNeeded(subscriber, token: token)
    }

    /// The subscriber an unused, unexpired confirmation token belongs to (to show the page).
    public static func peekConfirmation(_ token: String, now: Date, on db: any Database) async throws -> Subscriber? {
        guard token.count <= 100 else { return nil }
        let id = try await db.sql().raw(
            """
            SELECT subscriber_id FROM subscriber_tokens WHERE id = \(bind: SecretToken.hash(token))
            AND used_at IS NULL AND expires_at > \(bind: now)
            """
        ).first(decodingColumn: "subscriber_id", as: Int.self)
        return try await id.asyncMap { try await find(.init($0), on: db) } ?? nil
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
                    UPDATE subscriber_tokens SET used_at = \(bind: now) WHERE id = \(bind: SecretToken.hash(token))
                    AND used_at IS NULL AND expires_at > \(bind: now) RETURNING subscriber_id, source, newsletter_ids
                    """
                ).first()
            else { return nil }
            let id = Subscriber.ID(try row.decode(column: "subscriber_id", as: Int.self))
            let source = try row.decode(column: "source", as: String.self)
            let newsletters = try row.decode(column: "newsletter_ids", as: String.self).split(separator: ",").compactMap { Int($0) }
            try await sql.raw(
                """
                UPDATE subscribers SET status = \(bind: Subscriber.Status.confirmed.rawValue), confirmed_at = \(bind: now),
                consent_source = \(bind: source), unsubscribed_at = NULL WHERE id = \(bind: id.rawValue)
                """
            ).run()
            try await subscribe(id, to: newsletters.map(Newsletter.ID.init), now: now, on: sql)
            try await sql.raw(
                "DELETE FROM suppressions WHERE email = (SELECT email FROM subscribers WHERE id = \(bind: id.rawValue))"
            ).run()
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
            if newsletters.isEmpty {
                try await markUnsubscribed(id, now: now, on: sql)
            } else {
                try await sql.raw(
                    """
                    UPDATE subscribers SET status = \(bind: Subscriber.Status.confirmed.rawValue), unsubscribed_at = NULL,
                    confirmed_at = COALESCE(confirmed_at, \(bind: now)) WHERE id = \(bind: id.rawValue)
                    AND status <> \(bind: Subscriber.Status.pending.rawValue)
                    """
                ).run()
            }
        }
    }

    /// Leaves one newsletter (one-click unsubscribe from its mail), or all of them with nil.
    /// Leaving the last one marks the reader unsubscribed.
    public static func unsubscribe(_ id: Subscriber.ID, from newsletter: Newsletter.ID?, now: Date, on db: any Database) async throws {
        try await db.transaction { tx in
            let sql = try tx.sql()
            if let newsletter {
                try await sql.raw(
                    "DELETE FROM subscriptions WHERE subscriber_id = \(bind: id.rawValue) AND newsletter_id = \(bind: newsletter.rawValue)"
                ).run()
            } else {
                try await sql.raw("DELETE FROM subscriptions WHERE subscriber_id = \(bind: id.rawValue)").run()
            }
            let left =
                try await sql.raw("SELECT count(*) AS n FROM subscriptions WHERE subscriber_id = \(bind: id.rawValue)")
                .first(decodingColumn: "n", as: Int.self) ?? 0
            if left == 0 { try await markUnsubscribed(id, now: now, on: sql) }
        }
    }

    /// No newsletter until `until` (nil resumes at once).
    public static func pause(_ id: Subscriber.ID, until: Date?, on db: any Database) async throws {
        try await db.sql().raw("UPDATE subscribers SET paused_until = \(bind: until) WHERE id = \(bind: id.rawValue)").run()
    }

    /// Erases a subscriber and everything queued for them (a reader's request to be forgotten).
    public static func delete(_ id: Subscriber.ID, on db: any Database) async throws {
        try await db.sql().raw("DELETE FROM subscribers WHERE id = \(bind: id.rawValue)").run()
    }

    static func markUnsubscribed(_ id: Subscriber.ID, now: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE subscribers SET status = \(bind: Subscriber.Status.unsubscribed.rawValue), unsubscribed_at = \(bind: now)
            WHERE id = \(bind: id.rawValue) AND status <> \(bind: Subscriber.Status.unsubscribed.rawValue)
            """
        ).run()
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
        try await fetch(where: "s.id = \(bind: id.rawValue)", on: db).first
    }

    public static func find(email: String, on db: any Database) async throws -> Subscriber? {
        try await fetch(where: "s.email = \(bind: email)", on: db).first
    }

    /// The secret signed into a subscriber's mailed links.
    public static func linkKey(_ id: Subscriber.ID, on db: any Database) async throws -> String? {
        try await db.sql().raw("SELECT link_key FROM subscribers WHERE id = \(bind: id.rawValue)")
            .first(decodingColumn: "link_key", as: String.self)
    }

    static let columns = """
        s.id, s.email, s.name, s.status, s.consent_source, s.created_at, s.confirmed_at, s.unsubscribed_at, s.paused_until,
        (SELECT count(*) FROM suppressions x WHERE x.email = s.email) AS suppressed
        """

    static func fetch(where condition: SQLQueryString, order: String = "s.id", limit: Int? = nil, offset: Int = 0, on db: any Database)
        async throws -> [Subscriber]
    {
        let sql = try db.sql()
        var query: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM subscribers s WHERE \(condition) ORDER BY \(unsafeRaw: order)"
        if let limit { query = query + " LIMIT \(bind: limit) OFFSET \(bind: offset)" }
        let rows = try await sql.raw(query).all()
        var subscribers = try rows.map(subscriber)
        guard !subscribers.isEmpty else { return [] }
        let ids = SQLGroupExpression(subscribers.map { SQLBind($0.id.rawValue) })
        let links = try await sql.raw(
            "SELECT subscriber_id, newsletter_id FROM subscriptions WHERE subscriber_id IN \(ids) ORDER BY newsletter_id"
        ).all()
        var byID: [Int: [Newsletter.ID]] = [:]
        for link in links {
            byID[try link.decode(column: "subscriber_id", as: Int.self), default: []]
                .append(.init(try link.decode(column: "newsletter_id", as: Int.self)))
        }
        for index in subscribers.indices { subscribers[index].newsletterIDs = byID[subscribers[index].id.rawValue] ?? [] }
        return subscribers
    }

    static func subscriber(_ row: any SQLRow) throws -> Subscriber {
        Subscriber(
            id: .init(try row.decode(column: "id", as: Int.self)), email: try row.decode(column: "email", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            status: Subscriber.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            createdAt: try row.decode(column: "created_at", as: Date.self),
            confirmedAt: try row.decode(column: "confirmed_at", as: Date?.self),
            consentSource: try row.decode(column: "consent_source", as: String.self),
            unsubscribedAt: try row.decode(column: "unsubscribed_at", as: Date?.self),
            pausedUntil: try row.decode(column: "paused_until", as: Date?.self),
            isSuppressed: try row.decode(column: "suppressed", as: Int.self) > 0)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}

extension SubscriberStore {
    /// The link keys of several subscribers at once (the mail worker signs a batch of links).
    public static func linkKeys(_ ids: [Subscriber.ID], on db: any Database) async throws -> [Subscriber.ID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.sql().raw(
            "SELECT id, link_key FROM subscribers WHERE id IN \(SQLGroupExpression(ids.map { SQLBind($0.rawValue) }))"
        ).all()
        var keys: [Subscriber.ID: String] = [:]
        for row in rows { keys[.init(try row.decode(column: "id", as: Int.self))] = try row.decode(column: "link_key", as: String.self) }
        return keys
    }
}
