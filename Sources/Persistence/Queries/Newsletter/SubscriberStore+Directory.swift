import Domain
import FluentKit
import Foundation
import SQLKit

/// The subscriber list as staff see it: search, filters, counts, export and import.
extension SubscriberStore {
    /// One page of the list (`size` rows a page).
    public static func page(_ query: SubscriberListQuery, size: Int, on db: any Database) async throws -> Paged<Subscriber> {
        let page = ListingPage(number: query.page, size: size)
        let condition = self.condition(query)
        let total =
            try await db.sql().raw("SELECT count(*) AS n FROM subscribers s WHERE \(condition)")
            .first(decodingColumn: "n", as: Int.self) ?? 0
        let items = try await SubscriberStore.fetch(
            where: condition, order: "s.created_at DESC, s.id DESC", limit: page.size, offset: page.offset, on: db)
        return Paged(items: items, page: page, totalCount: total)
    }

    /// Every subscriber the query matches, oldest first (for CSV export).
    public static func all(_ query: SubscriberListQuery, on db: any Database) async throws -> [Subscriber] {
        try await SubscriberStore.fetch(where: condition(query), on: db)
    }

    /// How many subscribers have each status, and how many addresses are suppressed.
    public static func counts(on db: any Database) async throws -> [SubscriberListQuery.Status: Int] {
        let sql = try db.sql()
        var counts: [SubscriberListQuery.Status: Int] = [:]
        for row in try await sql.raw("SELECT status, count(*) AS n FROM subscribers GROUP BY status").all() {
            if let status = SubscriberListQuery.Status(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        counts[.all] = counts.values.reduce(0, +)
        counts[.suppressed] = try await sql.raw("SELECT count(*) AS n FROM suppressions").first(decodingColumn: "n", as: Int.self) ?? 0
        return counts
    }

    /// Readers who confirmed since `since` (the dashboard's figure).
    public static func confirmedSince(_ since: Date, on db: any Database) async throws -> Int {
        try await db.sql().raw(
            """
            SELECT count(*) AS n FROM subscribers WHERE confirmed_at >= \(bind: since)
            AND status = \(bind: Subscriber.Status.confirmed.rawValue)
            """
        ).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    static func condition(_ query: SubscriberListQuery) -> SQLQueryString {
        var clause: SQLQueryString = "1 = 1"
        switch query.status {
        case .all: break
        case .suppressed: clause = clause + " AND EXISTS (SELECT 1 FROM suppressions x WHERE x.email = s.email)"
        case .confirmed, .pending, .unsubscribed: clause = clause + " AND s.status = \(bind: query.status.rawValue)"
        }
        let search = query.search.trimmingCharacters(in: .whitespaces).lowercased()
        if !search.isEmpty {
            let pattern =
                "%"
                + search.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            clause = clause + " AND (s.email LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(s.name) LIKE \(bind: pattern) ESCAPE '\\')"
        }
        if let newsletter = query.newsletter {
            clause =
                clause
                + " AND EXISTS (SELECT 1 FROM subscriptions f WHERE f.subscriber_id = s.id AND f.newsletter_id = \(bind: newsletter.rawValue))"
        }
        return clause
    }

    /// What an import did, line by line where something was left out.
    public struct ImportReport: Sendable, Equatable {
        public var added = 0
        public var updated = 0
        public var skippedSuppressed: [String] = []
        public var skippedUnsubscribed: [String] = []
        /// Rows that could not be used, with their line numbers.
        public var rejected: [Rejection] = []

        public init() {}
    }

    public struct Rejection: Sendable, Equatable {
        public var line: Int
        public var reason: String
    }

    /// Adds the plan's rows as confirmed subscribers of `newsletters`, each with the consent the
    /// file records. Never adds a row without consent, never re-adds a suppressed address, and
    /// never resubscribes someone who left. All or nothing: one transaction.
    public static func importRows(
        _ plan: SubscriberCSV.ImportPlan, newsletters: [Newsletter.ID], origin: String, now: Date, on db: any Database
    ) async throws -> ImportReport {
        try await db.transaction { tx in
            let sql = try tx.sql()
            var report = ImportReport()
            var seen: Set<String> = []
            for (index, row) in plan.rows.enumerated() {
                let line = index + 2
                func field(_ column: Int?) -> String {
                    guard let column, row.indices.contains(column) else { return "" }
                    return row[column].trimmingCharacters(in: .whitespacesAndNewlines)
                }
                let email = EmailAddress.normalise(field(plan.emailColumn))
                let consent = field(plan.consentColumn)
                let name = String(field(plan.nameColumn).prefix(120))
                if let problem = EmailAddress.problem(email) {
                    report.rejected.append(Rejection(line: line, reason: email.isEmpty ? "No email address." : "“\(email)”: \(problem)"))
                    continue
                }
                guard !consent.isEmpty else {
                    report.rejected.append(Rejection(line: line, reason: "\(email): no consent recorded, so not imported."))
                    continue
                }
                guard seen.insert(email).inserted else {
                    report.rejected.append(Rejection(line: line, reason: "\(email) appears earlier in the file."))
                    continue
                }
                let suppressed =
                    try await sql.raw("SELECT count(*) AS n FROM suppressions WHERE email = \(bind: email)")
                    .first(decodingColumn: "n", as: Int.self) ?? 0
                if suppressed > 0 {
                    report.skippedSuppressed.append(email)
                    continue
                }
                let source = "Import (\(origin)): \(consent.prefix(200))"
                let id: Int
                if let existing = try await SubscriberStore.find(email: email, on: tx) {
                    if existing.status == .unsubscribed {
                        report.skippedUnsubscribed.append(email)
                        continue
                    }
                    id = existing.id.rawValue
                    if existing.status == .pending {
                        try await sql.raw(
                            """
                            UPDATE subscribers SET status = \(bind: Subscriber.Status.confirmed.rawValue), confirmed_at = \(bind: now),
                            consent_source = \(bind: source) WHERE id = \(bind: id)
                            """
                        ).run()
                    }
                    report.updated += 1
                } else {
                    guard
                        let created = try await sql.raw(
                            """
                            INSERT INTO subscribers (email, name, status, consent_source, created_at, confirmed_at, link_key)
                            VALUES (\(bind: email), \(bind: name), \(bind: Subscriber.Status.confirmed.rawValue), \(bind: source),
                            \(bind: now), \(bind: now), \(bind: SecretToken.generate())) RETURNING id
                            """
                        ).first(decodingColumn: "id", as: Int.self)
                    else { throw PersistenceError.missingRow("imported subscriber") }
                    id = created
                    report.added += 1
                }
                try await SubscriberStore.subscribe(.init(id), to: newsletters, now: now, on: sql)
            }
            return report
        }
    }
}
