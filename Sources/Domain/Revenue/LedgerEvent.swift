/// A provider's notification, reduced to what the ledger needs. The provider's event id makes it
/// unique: the ledger stores each id once, so a replay is recognised and changes nothing.
public struct LedgerEvent: Equatable, Sendable {
    public var provider: DonationProvider
    /// The provider's own id of the notification (`evt_…`, `WH-…`).
    public var eventID: String
    /// The provider's name for it (`payment_intent.succeeded`), kept for the donation's history.
    public var type: String
    public var kind: Kind

    public init(provider: DonationProvider, eventID: String, type: String, kind: Kind) {
        self.provider = provider
        self.eventID = eventID
        self.type = type
        self.kind = kind
    }

    public enum Kind: Equatable, Sendable {
        /// A payment changed: `payment` is the provider's payment id (PaymentIntent, PayPal order),
        /// `reference` our own reference when the provider echoes it back.
        case payment(payment: String, reference: String?, change: PaymentChange)
        /// A recurring gift was charged again (or for the first time): a new payment of the series.
        case subscriptionCharged(subscription: String, payment: String, amount: Money, isFirst: Bool)
        /// A recurring gift ended at the provider.
        case subscriptionEnded(subscription: String)
        /// An event the ledger does not act on (stored, so a replay is still recognised).
        case ignored
    }
}
