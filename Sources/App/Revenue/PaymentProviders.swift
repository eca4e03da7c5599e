import Domain
import Foundation
import NIOCore
import Payments

/// The providers whose keys the environment gives; the settings switch each on or off for readers.
public struct PaymentProviders: Sendable {
    public let stripe: StripeClient?
    public let paypal: PayPalClient?

    init(config: AppConfiguration) {
        let timeout = TimeAmount.milliseconds(Int64((config.paymentTimeout / .milliseconds(1)).rounded()))
        stripe = config.stripe.map { StripeClient(keys: $0, timeout: timeout) }
        paypal = config.paypal.map { PayPalClient(keys: $0, timeout: timeout) }
    }

    /// The providers readers are offered: configured here and switched on in the settings.
    func offered(_ settings: SiteSettings) -> [DonationProvider] {
        settings.donationProviders.filter { $0 == .stripe ? stripe != nil : paypal != nil }
    }
}
