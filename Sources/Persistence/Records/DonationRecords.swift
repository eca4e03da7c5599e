import Domain
import FluentKit
import Foundation

/// A row of `donations`: one payment and what the providers' events established about it.
public final class DonationRecord: Model, @unchecked Sendable {
    public static let schema = "donations"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "reference") public var reference: String
    @Field(key: "provider") public var provider: String
    @Field(key: "frequency") public var frequency: String
    @Field(key: "amount_minor") public var amountMinor: Int
    @Field(key: "currency") public var currency: String
    @Field(key: "fee_cover_minor") public var feeCoverMinor: Int
    @Field(key: "received") public var received: Bool
    @Field(key: "failed") public var failed: Bool
    @Field(key: "refunded_minor") public var refundedMinor: Int
    /// `DonationStatus`, kept in step with the facts for filtering.
    @Field(key: "status") public var status: String
    @OptionalField(key: "subscription_status") public var subscriptionStatus: String?
    /// A recurring gift's current amount per period (the donor may change it).
    @OptionalField(key: "recurring_minor") public var recurringMinor: Int?
    @OptionalField(key: "parent_id") public var parentID: Int?
    @Field(key: "donor_name") public var donorName: String
    @Field(key: "donor_email") public var donorEmail: String
    /// A random key shared by one donor's gifts; signed into the link that manages them.
    @Field(key: "donor_key") public var donorKey: String
    @Field(key: "message") public var message: String
    @Field(key: "anonymous") public var anonymous: Bool
    @Field(key: "list_publicly") public var listPublicly: Bool
    @OptionalField(key: "provider_payment_id") public var providerPaymentID: String?
    @OptionalField(key: "provider_charge_id") public var providerChargeID: String?
    @OptionalField(key: "provider_subscription_id") public var providerSubscriptionID: String?
    @OptionalField(key: "provider_customer_id") public var providerCustomerID: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "completed_at") public var completedAt: Date?

    public init() {}

    var donation: Donation {
        Donation(
            id: Donation.ID(id ?? 0), reference: reference, provider: DonationProvider(rawValue: provider) ?? .stripe,
            frequency: DonationFrequency(rawValue: frequency) ?? .once, amount: Money(minorUnits: amountMinor, currency: currency),
            feeCoverMinorUnits: feeCoverMinor,
            facts: PaymentFacts(amountMinorUnits: amountMinor, received: received, failed: failed, refundedMinorUnits: refundedMinor),
            subscriptionStatus: subscriptionStatus.flatMap(SubscriptionStatus.init),
            recurringAmount: recurringMinor.map { Money(minorUnits: $0, currency: currency) }, parentID: parentID.map(Donation.ID.init),
            donorName: donorName, donorEmail: donorEmail, donorKey: donorKey, message: message, isAnonymous: anonymous,
            listPublicly: listPublicly,
            providerPaymentID: providerPaymentID, providerChargeID: providerChargeID, providerSubscriptionID: providerSubscriptionID,
            providerCustomerID: providerCustomerID,
            createdAt: createdAt, completedAt: completedAt)
    }
}

/// A row of `donation_events`: one provider notification, stored once by its id.
public final class DonationEventRecord: Model, @unchecked Sendable {
    public static let schema = "donation_events"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "provider") public var provider: String
    @Field(key: "event_id") public var eventID: String
    @Field(key: "type") public var type: String
    @OptionalField(key: "donation_id") public var donationID: Int?
    @OptionalField(key: "payment_ref") public var paymentRef: String?
    /// What the event established ("received", "failed", "refunded"), nil when nothing.
    @OptionalField(key: "change") public var change: String?
    @OptionalField(key: "refunded_minor") public var refundedMinor: Int?
    @Field(key: "summary") public var summary: String
    @Field(key: "received_at") public var receivedAt: Date

    public init() {}
}
