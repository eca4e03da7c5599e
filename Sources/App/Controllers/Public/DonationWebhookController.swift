import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Payments
import Persistence
import Routes

/// The providers' notifications: the ledger's source of truth. A delivery is checked first
/// (Stripe's signature here; PayPal's by asking PayPal), then stored once by its event id.
enum DonationWebhookController {
    /// Real events are a few kilobytes; anything near this is not one.
    static let bodyLimit = 512 * 1024

    struct Answer: Encodable {
        var received: Bool
        var duplicate: Bool
    }

    @Sendable static func stripe(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        guard let stripe = app.payments.stripe else { throw HTTPError(.notFound) }
        let body = Data((try await request.body.collect(upTo: bodyLimit)).readableBytesView)
        try StripeSignature.verify(
            header: request.headers[HTTPField.Name.stripeSignature], payload: body, secret: stripe.keys.webhookSecret, now: app.time.now())
        return try await record(try StripeEvents.parse(body), app)
    }

    @Sendable static func paypal(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        guard let paypal = app.payments.paypal else { throw HTTPError(.notFound) }
        let body = Data((try await request.body.collect(upTo: bodyLimit)).readableBytesView)
        var headers: [String: String] = [:]
        for field in request.headers where field.name.canonicalName.hasPrefix("paypal-") {
            headers[field.name.canonicalName] = field.value
        }
        guard try await paypal.verifyWebhook(headers: headers, event: body) else { throw WebhookSignatureError.mismatch }
        return try await record(try PayPalEvents.parse(body), app)
    }

    static func record(_ event: LedgerEvent, _ app: AppServices) async throws -> Response {
        let outcome = try await DonationDesk.record(event, summary: summary(event), app)
        return try Response.json(Answer(received: true, duplicate: outcome == .duplicate))
    }

    /// A line for the donation's history.
    static func summary(_ event: LedgerEvent) -> String {
        switch event.kind {
        case .payment(let payment, _, let change):
            switch change {
            case .received: "Payment \(payment) received"
            case .failed: "Payment \(payment) failed"
            case .refunded(let total): "Payment \(payment) refunded, \(total) minor units in all"
            }
        case .subscriptionCharged(let subscription, let payment, let amount, let first):
            "Recurring gift \(subscription) charged \(amount.formatted)\(first ? " (its first payment)" : "") by payment \(payment)"
        case .subscriptionEnded(let subscription): "Recurring gift \(subscription) ended"
        case .ignored: "Not used by the ledger"
        }
    }
}
