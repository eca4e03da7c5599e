import Domain
import FluentKit
import Foundation
import SQLKit

/// The ledger's moving parts: finding the row an event is about and applying facts to it.
extension DonationStore {
    /// One writer at a time on PostgreSQL (SQLite has one anyway), so an event and the ids it
    /// needs can never pass each other between two transactions.
    static func lockLedger(on db: any Database) async throws {
        guard try db.flavor() == .postgres else { return }
        try await db.sql().raw("SELECT pg_advisory_xact_lock(84737001)").run()
    }

    static func name(_ change: PaymentChange) -> String {
        switch change {
        case .received: "received"
        case .failed: "failed"
        case .refunded: "refunded"
        }
    }

    /// The gift one of `refs` names (a payment, a capture or our reference). Plain SQL: the
    /// webhook path runs it for every event, and Fluent's model reflection cost more than the query.
    static func find(provider: String, refs: [String], on db: any Database) async throws -> Donation.ID? {
        let refs = refs.filter { !$0.isEmpty }
        guard !refs.isEmpty else { return nil }
        let list = SQLList(refs.map { SQLBind($0) })
        let row = try await db.sql().raw(
            """
            SELECT id FROM donations WHERE provider = \(bind: provider)
            AND (provider_payment_id IN (\(list)) OR provider_charge_id IN (\(list)) OR reference IN (\(list)))
            ORDER BY id LIMIT 1
            """
        ).first()
        return try row.map { Donation.ID(try $0.decode(column: "id", as: Int.self)) }
    }

    static func link(_ event: Int, to donation: Donation.ID, on db: any Database) async throws {
        try await db.sql().raw("UPDATE donation_events SET donation_id = \(bind: donation.rawValue) WHERE id = \(bind: event)").run()
    }

    /// One gift, read with plain SQL and decoded by hand (the webhook path reads one per receipt).
    static func reload(_ id: Donation.ID, on db: any Database) async throws -> Donation {
        guard let row = try await db.sql().raw("SELECT * FROM donations WHERE id = \(bind: id.rawValue)").first() else {
            throw PersistenceError.missingRow("donation \(id)")
        }
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func optional(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        func number(_ column: String) throws -> Int { try row.decode(column: column, as: Int.self) }
        func flag(_ column: String) throws -> Bool { try row.decode(column: column, as: Bool.self) }
        let currency = try text("currency")
        let amount = try number("amount_minor")
        return Donation(
            id: id, reference: try text("reference"), provider: DonationProvider(rawValue: try text("provider")) ?? .stripe,
            frequency: DonationFrequency(rawValue: try text("frequency")) ?? .once, amount: Money(minorUnits: amount, currency: currency),
            feeCoverMinorUnits: try number("fee_cover_minor"),
            facts: PaymentFacts(
                amountMinorUnits: amount, received: try flag("received"), failed: try flag("failed"),
                refundedMinorUnits: try number("refunded_minor")),
            subscriptionStatus: try optional("subscription_status").flatMap(SubscriptionStatus.init),
            recurringAmount: try row.decode(column: "recurring_minor", as: Int?.self).map { Money(minorUnits: $0, currency: currency) },
            parentID: try row.decode(column: "parent_id", as: Int?.self).map(Donation.ID.init), donorName: try text("donor_name"),
            donorEmail: try text("donor_email"), donorKey: try text("donor_key"), message: try text("message"),
            isAnonymous: try flag("anonymous"), listPublicly: try flag("list_publicly"),
            providerPaymentID: try optional("provider_payment_id"),
            providerChargeID: try optional("provider_charge_id"), providerSubscriptionID: try optional("provider_subscription_id"),
            providerCustomerID: try optional("provider_customer_id"), createdAt: try row.decode(column: "created_at", as: Date.self),
            completedAt: try row.decode(column: "completed_at", as: Date?.self))
    }

    /// Applies one fact; answers whether the payment became received just now (a receipt is due,
    /// even when a refund is what proved it).
    static func apply(_ change: PaymentChange, to id: Donation.ID, now: Date, on db: any Database) async throws -> Bool {
        let sql = try db.sql()
        var newlyReceived = false
        // Money received, whether the provider says so or a refund proves it: the first time
        // is when the receipt is due.
        if change != .failed {
            newlyReceived =
                !(try await sql.raw(
                    """
                    UPDATE donations SET received = TRUE, completed_at = \(bind: now)
                    WHERE id = \(bind: id.rawValue) AND received = FALSE RETURNING id
                    """
                ).all().isEmpty)
        }
        switch change {
        case .received: break
        case .failed:
            try await sql.raw("UPDATE donations SET failed = TRUE WHERE id = \(bind: id.rawValue)").run()
        case .refunded(let total):
            // The refunded amount only grows, up to the amount.
            try await sql.raw(
                """
                UPDATE donations SET refunded_minor = CASE WHEN refunded_minor < \(bind: total) THEN
                  (CASE WHEN \(bind: total) > amount_minor THEN amount_minor ELSE \(bind: total) END) ELSE refunded_minor END
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
        }
        try await sql.raw(
            """
            UPDATE donations SET status = CASE
              WHEN received = FALSE AND failed = TRUE THEN 'failed'
              WHEN received = FALSE THEN 'pending'
              WHEN refunded_minor >= amount_minor THEN 'refunded'
              WHEN refunded_minor > 0 THEN 'partially_refunded'
              ELSE 'completed' END
            WHERE id = \(bind: id.rawValue)
            """
        ).run()
        return newlyReceived
    }

    /// Events that arrived before their row knew the provider's ids, applied now.
    static func applyUnmatched(to id: Donation.ID, provider: String, refs: [String], now: Date, on db: any Database) async throws
        -> [Donation]
    {
        let events = try await DonationEventRecord.query(on: db).filter(\.$provider == provider).filter(\.$donationID == nil)
            .filter(\.$paymentRef ~~ refs).sort(\.$id).all()
        var received = false
        for event in events {
            switch event.change {
            case "received": received = try await apply(.received, to: id, now: now, on: db) || received
            case "failed": _ = try await apply(.failed, to: id, now: now, on: db)
            case "refunded":
                received = try await apply(.refunded(totalMinorUnits: event.refundedMinor ?? 0), to: id, now: now, on: db) || received
            default: break
            }
            if let eventID = event.id { try await link(eventID, to: id, on: db) }
        }
        return received ? [try await reload(id, on: db)] : []
    }

    /// The first gift of a recurring series.
    static func seriesHead(provider: String, subscription: String, on db: any Database) async throws -> Donation.ID? {
        let row = try await db.sql().raw(
            """
            SELECT id FROM donations WHERE provider = \(bind: provider) AND provider_subscription_id = \(bind: subscription)
            AND parent_id IS NULL ORDER BY id LIMIT 1
            """
        ).first()
        return try row.map { Donation.ID(try $0.decode(column: "id", as: Int.self)) }
    }

    /// A renewal of a recurring gift: a received payment of its own, pointing at the first.
    static func createRenewal(of head: Donation.ID, payment: String, amount: Money, now: Date, on db: any Database) async throws
        -> Donation.ID
    {
        guard let first = try await DonationRecord.find(head.rawValue, on: db) else {
            throw PersistenceError.missingRow("donation \(head)")
        }
        let count = try await DonationRecord.query(on: db).filter(\.$parentID == head.rawValue).count()
        let record = DonationRecord()
        record.reference = "\(first.reference)-\(count + 2)"
        record.provider = first.provider
        record.frequency = first.frequency
        record.amountMinor = amount.minorUnits
        record.currency = amount.currency
        record.feeCoverMinor = 0
        record.received = true
        record.failed = false
        record.refundedMinor = 0
        record.status = DonationStatus.completed.rawValue
        record.parentID = head.rawValue
        record.donorName = first.donorName
        record.donorEmail = first.donorEmail
        record.donorKey = first.donorKey
        record.message = ""
        record.anonymous = first.anonymous
        record.listPublicly = false
        record.providerPaymentID = payment
        record.providerSubscriptionID = first.providerSubscriptionID
        record.providerCustomerID = first.providerCustomerID
        record.createdAt = now
        record.completedAt = now
        try await record.create(on: db)
        return Donation.ID(record.id ?? 0)
    }
}
