import Domain
import FluentKit
import Foundation
import SQLKit

/// The donations ledger. Rows are created when a donor starts paying; after that only the
/// providers' events change what a row says, through `record`, which stores each event once by
/// its id and applies it as facts that only grow, so replays and out-of-order deliveries cannot
/// change a total.
public enum DonationStore {
    /// A gift about to go to its provider.
    public struct NewDonation: Sendable {
        public var reference: String
        public var gift: DonationForm.Gift
        public var donorKey: String

        public init(reference: String, gift: DonationForm.Gift, donorKey: String) {
            self.reference = reference
            self.gift = gift
            self.donorKey = donorKey
        }
    }

    public static func create(_ new: NewDonation, now: Date, on db: any Database) async throws -> Donation {
        let record = DonationRecord()
        let gift = new.gift
        record.reference = new.reference
        record.provider = gift.provider.rawValue
        record.frequency = gift.frequency.rawValue
        record.amountMinor = gift.total.minorUnits
        record.currency = gift.total.currency
        record.feeCoverMinor = gift.feeCover
        record.received = false
        record.failed = false
        record.refundedMinor = 0
        record.status = DonationStatus.pending.rawValue
        record.subscriptionStatus = gift.frequency.isRecurring ? SubscriptionStatus.active.rawValue : nil
        record.recurringMinor = gift.frequency.isRecurring ? gift.total.minorUnits : nil
        record.donorName = gift.name
        record.donorEmail = gift.email
        record.donorKey = new.donorKey
        record.message = gift.message
        record.anonymous = gift.anonymous
        record.listPublicly = gift.listPublicly
        record.createdAt = now
        try await record.create(on: db)
        return record.donation
    }

    /// The key an earlier gift from this address carries, so one link manages all of a donor's gifts.
    public static func donorKey(email: String, on db: any Database) async throws -> String? {
        try await DonationRecord.query(on: db).filter(\.$donorEmail == email).sort(\.$id).first()?.donorKey
    }

    /// Notes the provider's ids once its calls answered, then applies any event that arrived first.
    public static func attach(
        _ id: Donation.ID, payment: String?, charge: String? = nil, subscription: String?, customer: String?, on db: any Database,
        received onReceived: @escaping @Sendable (Donation, any Database) async throws -> Void = { _, _ in }
    ) async throws {
        try await db.transaction { tx in
            try await lockLedger(on: tx)
            guard let record = try await DonationRecord.find(id.rawValue, on: tx) else { return }
            if let payment { record.providerPaymentID = payment }
            if let charge { record.providerChargeID = charge }
            if let subscription { record.providerSubscriptionID = subscription }
            if let customer { record.providerCustomerID = customer }
            try await record.update(on: tx)
            let refs = [payment, charge, subscription, record.reference].compactMap { $0 }
            for donation in try await applyUnmatched(to: id, provider: record.provider, refs: refs, now: Date(), on: tx) {
                try await onReceived(donation, tx)
            }
        }
    }

    /// What happened with one event.
    public enum Outcome: Equatable, Sendable {
        /// Seen before (a replay or a second delivery): nothing changed.
        case duplicate
        /// Stored; the donations it made received for the first time (their receipts are due).
        case recorded(newlyReceived: [Donation])
    }

    /// Stores and applies one event. `received` runs in the same transaction for every payment
    /// that became received (its receipt goes out with the change, or not at all).
    public static func record(
        _ event: LedgerEvent, summary: String, now: Date, on db: any Database,
        received onReceived: @escaping @Sendable (Donation, any Database) async throws -> Void = { _, _ in }
    ) async throws -> Outcome {
        try await db.transaction { tx in
            try await lockLedger(on: tx)
            let sql = try tx.sql()
            let provider = event.provider.rawValue
            var paymentRef: String?
            var change: PaymentChange?
            switch event.kind {
            case .payment(let payment, _, let paymentChange):
                paymentRef = payment.isEmpty ? nil : payment
                change = paymentChange
            case .subscriptionCharged(_, let payment, _, _):
                paymentRef = payment
                change = .received
            case .subscriptionEnded(let subscription): paymentRef = subscription
            case .ignored: break
            }
            let refunded: Int? = if case .refunded(let total) = change { total } else { nil }
            let inserted = try await sql.raw(
                """
                INSERT INTO donation_events (provider, event_id, type, payment_ref, change, refunded_minor, summary, received_at)
                VALUES (\(bind: provider), \(bind: event.eventID), \(bind: event.type), \(bind: paymentRef), \(bind: change.map(name)),
                \(bind: refunded), \(bind: String(summary.prefix(2000))), \(bind: now))
                ON CONFLICT (provider, event_id) DO NOTHING RETURNING id
                """
            ).all()
            guard let eventRow = inserted.first, let eventID = try? eventRow.decode(column: "id", as: Int.self) else { return .duplicate }
            var received: [Donation] = []
            switch event.kind {
            case .payment(let payment, let reference, let change):
                guard let donation = try await find(provider: provider, refs: [payment, reference].compactMap { $0 }, on: tx) else { break }
                try await link(eventID, to: donation, on: tx)
                if try await apply(change, to: donation, now: now, on: tx) { received.append(try await reload(donation, on: tx)) }
            case .subscriptionCharged(let subscription, let payment, let amount, _):
                if let donation = try await find(provider: provider, refs: [payment], on: tx) {
                    try await link(eventID, to: donation, on: tx)
                    if try await apply(.received, to: donation, now: now, on: tx) { received.append(try await reload(donation, on: tx)) }
                } else if let head = try await seriesHead(provider: provider, subscription: subscription, on: tx) {
                    let renewal = try await createRenewal(of: head, payment: payment, amount: amount, now: now, on: tx)
                    try await link(eventID, to: renewal, on: tx)
                    _ = try await applyUnmatched(to: renewal, provider: provider, refs: [payment], now: now, on: tx)
                    received.append(try await reload(renewal, on: tx))
                }
            case .subscriptionEnded(let subscription):
                if let head = try await seriesHead(provider: provider, subscription: subscription, on: tx) {
                    try await link(eventID, to: head, on: tx)
                    try await endSeries(head, on: tx)
                }
            case .ignored: break
            }
            for donation in received { try await onReceived(donation, tx) }
            return .recorded(newlyReceived: received)
        }
    }

    /// Marks a recurring gift as ended (the donor cancelled, or the provider did).
    public static func endSeries(_ head: Donation.ID, on db: any Database) async throws {
        try await db.sql().raw(
            "UPDATE donations SET subscription_status = \(bind: SubscriptionStatus.cancelled.rawValue) WHERE id = \(bind: head.rawValue)"
        ).run()
    }

    /// Moves a recurring gift to a new amount per period (its next charges carry it).
    public static func changeAmount(_ head: Donation.ID, to amount: Money, on db: any Database) async throws {
        try await db.sql().raw(
            "UPDATE donations SET recurring_minor = \(bind: amount.minorUnits) WHERE id = \(bind: head.rawValue)"
        ).run()
    }
}
