import Foundation

/// Who takes the payment.
public enum DonationProvider: String, CaseIterable, Sendable, Codable {
    case stripe, paypal

    public var label: String { self == .stripe ? "Card" : "PayPal" }
}

/// How often a gift repeats.
public enum DonationFrequency: String, CaseIterable, Sendable, Codable {
    case once, monthly, annual

    public var label: String {
        switch self {
        case .once: "One time"
        case .monthly: "Monthly"
        case .annual: "Every year"
        }
    }

    public var isRecurring: Bool { self != .once }
}

/// Where one payment stands. It follows from facts the providers' events establish (money
/// received, a failure, how much went back), never from the order the events arrive in.
public enum DonationStatus: String, CaseIterable, Sendable, Codable {
    case pending, completed, failed, refunded
    case partiallyRefunded = "partially_refunded"

    public var label: String {
        switch self {
        case .pending: "Pending"
        case .completed: "Completed"
        case .failed: "Failed"
        case .refunded: "Refunded"
        case .partiallyRefunded: "Partly refunded"
        }
    }
}

/// A recurring gift's own state: it runs until the donor, the newsroom or the provider stops it.
public enum SubscriptionStatus: String, CaseIterable, Sendable, Codable {
    case active, cancelled
}

/// The facts the ledger keeps about one payment. Each fact only ever grows (received stays
/// received, the refunded amount is the largest reported), so applying the same event twice, or
/// events out of order, ends in the same place.
public struct PaymentFacts: Equatable, Sendable {
    public var amountMinorUnits: Int
    public var received: Bool
    public var failed: Bool
    public var refundedMinorUnits: Int

    public init(amountMinorUnits: Int, received: Bool = false, failed: Bool = false, refundedMinorUnits: Int = 0) {
        self.amountMinorUnits = amountMinorUnits
        self.received = received
        self.failed = failed
        self.refundedMinorUnits = refundedMinorUnits
    }

    /// The state machine: pending → completed / failed; completed → refunded / partly refunded.
    /// A refund proves the money arrived, so a refund reported before the success still counts
    /// the payment as received.
    public var status: DonationStatus {
        guard received else { return failed ? .failed : .pending }
        if refundedMinorUnits >= amountMinorUnits { return .refunded }
        return refundedMinorUnits > 0 ? .partiallyRefunded : .completed
    }

    /// What the newsroom keeps: received money less refunds.
    public var netMinorUnits: Int { received ? amountMinorUnits - min(refundedMinorUnits, amountMinorUnits) : 0 }

    public mutating func apply(_ change: PaymentChange) {
        switch change {
        case .received: received = true
        case .failed: failed = true
        case .refunded(let total):
            received = true
            refundedMinorUnits = max(refundedMinorUnits, min(total, amountMinorUnits))
        }
    }
}

/// One thing a provider reports about a payment.
public enum PaymentChange: Equatable, Sendable {
    case received
    case failed
    /// The total refunded so far (providers report the running total, so a replay changes nothing).
    case refunded(totalMinorUnits: Int)
}

/// A gift in the ledger.
public struct Donation: Equatable, Sendable {
    public typealias ID = EntityID<Donation>
    public var id: ID
    /// The public reference on receipts and in the provider's metadata ("GZ-…").
    public var reference: String
    public var provider: DonationProvider
    public var frequency: DonationFrequency
    public var amount: Money
    /// The part of `amount` the donor added to cover the provider's fee.
    public var feeCoverMinorUnits: Int
    public var facts: PaymentFacts
    public var subscriptionStatus: SubscriptionStatus?
    /// A recurring gift's current amount per period.
    public var recurringAmount: Money?
    /// The first gift of a recurring series, for renewals.
    public var parentID: ID?
    public var donorName: String
    public var donorEmail: String
    /// The random key shared by one donor's gifts, signed into their link.
    public var donorKey: String
    public var message: String
    public var isAnonymous: Bool
    /// The donor agreed to appear on the public supporters list.
    public var listPublicly: Bool
    public var providerPaymentID: String?
    /// PayPal's capture id, once captured.
    public var providerChargeID: String?
    public var providerSubscriptionID: String?
    public var providerCustomerID: String?
    public var createdAt: Date
    public var completedAt: Date?

    public init(
        id: ID, reference: String, provider: DonationProvider, frequency: DonationFrequency, amount: Money, feeCoverMinorUnits: Int,
        facts: PaymentFacts, subscriptionStatus: SubscriptionStatus?, recurringAmount: Money? = nil, parentID: ID?, donorName: String,
        donorEmail: String,
        donorKey: String = "", message: String, isAnonymous: Bool, listPublicly: Bool, providerPaymentID: String?,
        providerChargeID: String? = nil, providerSubscriptionID: String?,
        providerCustomerID: String?, createdAt: Date, completedAt: Date?
    ) {
        self.id = id
        self.reference = reference
        self.provider = provider
        self.frequency = frequency
        self.amount = amount
        self.feeCoverMinorUnits = feeCoverMinorUnits
        self.facts = facts
        self.subscriptionStatus = subscriptionStatus
        self.recurringAmount = recurringAmount
        self.parentID = parentID
        self.donorName = donorName
        self.donorEmail = donorEmail
        self.donorKey = donorKey
        self.message = message
        self.isAnonymous = isAnonymous
        self.listPublicly = listPublicly
        self.providerPaymentID = providerPaymentID
        self.providerChargeID = providerChargeID
        self.providerSubscriptionID = providerSubscriptionID
        self.providerCustomerID = providerCustomerID
        self.createdAt = createdAt
        self.completedAt = completedAt
    }

    public var status: DonationStatus { facts.status }

    /// The name to show publicly: nothing for anonymous gifts.
    public var publicName: String { isAnonymous || donorName.isEmpty ? "Anonymous" : donorName }
}
