import Domain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Reading the ledger: one gift, a donor's gifts, the back office's list and its figures.
extension DonationStore {
    public static func find(_ id: Donation.ID, on db: any Database) async throws -> Donation? {
        try await DonationRecord.find(id.rawValue, on: db)?.donation
    }

    public static func find(reference: String, on db: any Database) async throws -> Donation? {
        try await DonationRecord.query(on: db).filter(\.$reference == reference).first()?.donation
    }

    /// Every gift under one donor key, newest first.
    public static func forDonor(key: String, on db: any Database) async throws -> [Donation] {
        try await DonationRecord.query(on: db).filter(\.$donorKey == key).sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .limit(500).all().map(\.donation)
    }

    public static let pageSize = 50

    /// One page of the back office's list, newest first, and how many match in all.
    public static func list(_ query: DonationListQuery, on db: any Database) async throws -> (donations: [Donation], total: Int) {
        let base = filtered(query, on: db)
        let total = try await base.count()
        let rows = try await filtered(query, on: db).sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .range(((query.page - 1) * pageSize)..<(query.page * pageSize)).all()
        return (rows.map(\.donation), total)
    }

    /// Every matching gift, for the CSV export.
    public static func all(_ query: DonationListQuery, on db: any Database) async throws -> [Donation] {
        try await filtered(query, on: db).sort(\.$createdAt, .descending).sort(\.$id, .descending).all().map(\.donation)
    }

    static func filtered(_ query: DonationListQuery, on db: any Database) -> QueryBuilder<DonationRecord> {
        var builder = DonationRecord.query(on: db)
        if let provider = query.provider { builder = builder.filter(\.$provider == provider.rawValue) }
        if let status = query.status { builder = builder.filter(\.$status == status.rawValue) }
        if !query.currency.isEmpty { builder = builder.filter(\.$currency == query.currency) }
        if let recurring = query.recurring {
            builder = recurring ? builder.filter(\.$frequency != DonationFrequency.once.rawValue) : builder.filter(\.$frequency == "once")
        }
        if let from = DonationListQuery.day(query.from) { builder = builder.filter(\.$createdAt >= from) }
        if let to = DonationListQuery.day(query.to) { builder = builder.filter(\.$createdAt < to.addingTimeInterval(86_400)) }
        let search = query.search.trimmingCharacters(in: .whitespaces)
        if !search.isEmpty {
            let pattern =
                "%"
                + search.lowercased().replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            builder = builder.filter(
                .sql(
                    embed: """
                        (LOWER(donor_name) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(donor_email) LIKE \(bind: pattern) ESCAPE '\\' \
                        OR LOWER(reference) LIKE \(bind: pattern) ESCAPE '\\')
                        """))
        }
        return builder
    }

    /// A donation's history: every provider event that concerned it, oldest first.
    public static func events(of id: Donation.ID, on db: any Database) async throws -> [DonationEventEntry] {
        try await DonationEventRecord.query(on: db).filter(\.$donationID == id.rawValue).sort(\.$receivedAt).sort(\.$id).all().map {
            DonationEventEntry(provider: $0.provider, eventID: $0.eventID, type: $0.type, summary: $0.summary, receivedAt: $0.receivedAt)
        }
    }

    /// Money kept (received less refunded) per currency and calendar month (UTC) since `since`.
    public static func monthlyTotals(since: Date, on db: any Database) async throws -> [MonthlyTotal] {
        let rows = try await DonationRecord.query(on: db).filter(\.$received == true).filter(\.$completedAt >= since).all()
        var sums: [String: [String: Int]] = [:]
        for row in rows {
            let month = UTCCalendar.monthKey(row.completedAt ?? row.createdAt)
            sums[month, default: [:]][row.currency, default: 0] += row.donation.facts.netMinorUnits
        }
        return sums.flatMap { month, currencies in currencies.map { MonthlyTotal(month: month, currency: $0.key, netMinorUnits: $0.value) }
        }
        .sorted { ($0.month, $0.currency) < ($1.month, $1.currency) }
    }

    /// Monthly recurring revenue per currency: every running recurring gift's current amount,
    /// yearly ones as a twelfth.
    public static func monthlyRecurring(on db: any Database) async throws -> [Money] {
        let rows = try await DonationRecord.query(on: db).filter(\.$subscriptionStatus == SubscriptionStatus.active.rawValue)
            .filter(\.$parentID == nil).filter(\.$received == true).all()
        var sums: [String: Int] = [:]
        for row in rows {
            let amount = row.recurringMinor ?? row.amountMinor
            sums[row.currency, default: 0] += row.frequency == DonationFrequency.annual.rawValue ? amount / 12 : amount
        }
        return sums.sorted { $0.key < $1.key }.map { Money(minorUnits: $0.value, currency: $0.key) }
    }

    /// Named supporters, newest first: received gifts whose donors agreed to be listed.
    public static func supporters(limit: Int, on db: any Database) async throws -> [Donation] {
        try await DonationRecord.query(on: db).filter(\.$listPublicly == true).filter(\.$anonymous == false).filter(\.$received == true)
            .filter(\.$parentID == nil).sort(\.$completedAt, .descending).limit(limit).all().map(\.donation)
    }
}

/// One provider event in a donation's history.
public struct DonationEventEntry: Equatable, Sendable {
    public var provider: String
    public var eventID: String
    public var type: String
    public var summary: String
    public var receivedAt: Date
}

/// What one month brought in one currency.
public struct MonthlyTotal: Equatable, Sendable {
    public var month: String
    public var currency: String
    public var netMinorUnits: Int
}
