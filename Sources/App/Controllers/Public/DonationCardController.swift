import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Payments
import Persistence
import Routes
import Views

/// The card step's one request: the card Stripe.js confirmed becomes a charge or a subscription.
/// Each call to Stripe carries an idempotency key made from the gift's reference, so a double
/// click or a retry after a timeout charges once.
enum DonationCardController {
    struct CardConfirmation: Decodable {
        var setupIntent: String?
        var paymentMethod: String?

        enum CodingKeys: String, CodingKey {
            case setupIntent = "setup_intent"
            case paymentMethod = "payment_method"
        }
    }

    struct Answer: Encodable {
        /// Stripe's status of the payment: `succeeded`, `processing` or `requires_action` (the
        /// script then asks Stripe.js to confirm it with the donor).
        var status: String
        var clientSecret: String?
        var next: String

        enum CodingKeys: String, CodingKey {
            case status
            case clientSecret = "client_secret"
            case next
        }
    }

    @Sendable static func confirm(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let db = try app.db()
        guard let token = context.parameters.get("token"), let donation = try await DonationDesk.gift(token: token, app, on: db) else {
            throw DomainError.notFound("This payment link is not valid.")
        }
        guard let stripe = app.payments.stripe, donation.provider == .stripe else { throw PaymentError.unavailable("Stripe is off") }
        let body = try JSONDecoder().decode(
            CardConfirmation.self, from: Data((try await request.body.collect(upTo: 8 * 1024)).readableBytesView))
        let next = SiteURL.donateThanks(token: token).path
        // Asked again (a second click, a reload): answer what is already known.
        if donation.providerPaymentID != nil, donation.status != .failed {
            return try Response.json(
                Answer(status: donation.status == .completed ? "succeeded" : "processing", clientSecret: nil, next: next))
        }
        let method: String
        if let given = body.paymentMethod, given.hasPrefix("pm_"), given.count < 100 {
            method = given
        } else if let setup = body.setupIntent, setup.hasPrefix("seti_"), setup.count < 100 {
            method = try await stripe.setupIntentPaymentMethod(setup)
        } else {
            throw DomainError.invalidInput(field: "setup_intent", message: "Confirm the card first.")
        }
        let reference = donation.reference
        let customer = try await stripe.createCustomer(
            email: donation.donorEmail, name: donation.donorName, paymentMethod: method,
            idempotencyKey: "gz-\(reference)-customer-\(method)")
        let site = try await app.site.current(on: db)
        let answer: Answer
        if donation.frequency.isRecurring {
            let subscription = try await stripe.createSubscription(
                amount: donation.amount, interval: donation.frequency, customer: customer, reference: reference,
                productName: "Donation to \(site.settings.title)", idempotencyKey: "gz-\(reference)-subscription-\(method)")
            try await DonationStore.attach(
                donation.id, payment: subscription.payment, subscription: subscription.id, customer: customer, on: db,
                received: DonationDesk.receipt(app))
            let needsAction = subscription.status == "incomplete" && subscription.clientSecret != nil
            answer = Answer(
                status: needsAction ? "requires_action" : "processing", clientSecret: needsAction ? subscription.clientSecret : nil,
                next: next)
        } else {
            let payment = try await stripe.createPayment(
                amount: donation.amount, customer: customer, paymentMethod: method, reference: reference,
                description: "Donation to \(site.settings.title)", idempotencyKey: "gz-\(reference)-payment-\(method)")
            try await DonationStore.attach(
                donation.id, payment: payment.id, subscription: nil, customer: customer, on: db, received: DonationDesk.receipt(app))
            answer = Answer(
                status: payment.status, clientSecret: payment.status == "requires_action" ? payment.clientSecret : nil, next: next)
        }
        app.mailer.wake()
        return try Response.json(answer)
    }
}
