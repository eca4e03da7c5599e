import Domain
import FluentKit
import Foundation
import SQLKit

/// The subscriber list as staff see it: search, filters, counts, export and import.
extension SubscriberStore {
    /// One page of the list (`size` rows a page), newest first. Which rows match is decided in
    /// SQL (search, status, suppression, newsletter); the rows themselves load as records.
    public static func page(_ query: SubscriberListQuery, size: Int, on db: any Database) async throws -> Paged<Subscriber> {
        let page = ListingPage(number: query.page, size: size)
        let sql = try db.sql()
        let condition = self.condition(query)
        let total =
            try await sql.raw("SELECT count(*) AS n FROM subscribers s WHERE \(condition)").first(decodingColumn: "n", as: Int.self) ?? 0
        let ids = try await sql.raw(
            """
            SELECT s.id FROM subscribers s WHERE \(condition) ORDER BY s.created_at DESC, s.id DESC
            LIMIT \(bind: page.size) OFFSET \(bind: page.offset)
            """
        ).all().map { try $0.decode(column: "id", as: Int.self) }
        return Paged(items: try await load(ids, on: db), page: page, totalCount: total)
    }

    /// Every subscriber the query matches, oldest first (for CSV export).
    public static func all(_ query: SubscriberListQuery, on db: any Database) async throws -> [Subscriber] {
        let ids = try await db.sql().raw("SELECT s.id FROM subscribers s WHERE \(condition(query)) ORDER BY s.id").all()
            .map { try $0.decode(column: "id", as: Int.self) }
        return try await load(ids, on: db)
    }

    /// The subscribers with these ids, in this order.
    static func load(_ ids: [Int], on db: any Database) async throws -> [Subscriber] {
        var loaded: [Subscriber] = []
        for batch in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let records = try await SubscriberRecord.query(on: db).filter(\.$id ~~ batch).all()
            let byID = Dictionary(
                try await subscribers(records, on: db).map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
            loaded += batch.compactMap { byID[$0] }
        }
        return loaded
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
        try await SubscriberRecord.query(on: db).filter(\.$confirmedAt >= since).filter(\.$status == Subscriber.Status.confirmed.rawValue)
            .count()
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
        _ plan: SubscriberCSV.ImportPlan, newsletters: [Newsletter.ID], origin: String, now: Date, random: any RandomSource,
        on db: any Database
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
                if try await SuppressionRecord.find(email, on: tx) != nil {
                    report.skippedSuppressed.append(email)
                    continue
                }
                let source = "Import (\(origin)): \(consent.prefix(200))"
                let id: Int
                if let existing = try await SubscriberRecord.query(on: tx).filter(\.$email == email).first() {
                    if existing.status == Subscriber.Status.unsubscribed.rawValue {
                        report.skippedUnsubscribed.append(email)
                        continue
                    }
                    id = try existing.requireID()
                    if existing.status == Subscriber.Status.pending.rawValue {
                        existing.status = Subscriber.Status.confirmed.rawValue
                        existing.confirmedAt = now
                        existing.consentSource = source
                        try await existing.update(on: tx)
                    }
                    report.updated += 1
                } else {
                    let record = SubscriberRecord()
                    record.email = email
                    record.name = name
                    record.status = Subscriber.Status.confirmed.rawValue
                    record.consentSource = source
                    record.createdAt = now
                    record.confirmedAt = now
                    record.linkKey = SecretToken.generate(using: random)
                    try await record.create(on: tx)
                    id = try record.requireID()
                    report.added += 1
                }
                try await SubscriberStore.subscribe(.init(id), to: newsletters, now: now, on: sql)
            }
            return report
        }
    }
}
