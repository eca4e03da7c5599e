import Domain
import FluentKit
import Foundation
import Hummingbird
import Payments
import Persistence
import Routes
import Views

/// PayPal's side of a gift: the donor comes back from approving the order, and a POST captures
/// it (a link opened by a mail scanner or a prefetch must not move money). The ledger still
/// waits for PayPal's webhook before it counts the gift.
enum DonationPayPalController {
    @Sendable static func showReturn(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let (donation, token) = try await gift(context, app, on: db)
        let site = try await app.site.current(on: db)
        if donation.providerChargeID != nil || donation.status != .pending {
            return Response.redirect(to: SiteURL.donateThanks(token: token).path)
        }
        return AppServices.privatePage(
            DonationPages.payPalReturn(site.chrome, summary: GiftSummary(donation), capture: .donatePayPalCapture(token: token)))
    }

    @Sendable static func capture(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let db = try app.db()
        let (donation, token) = try await gift(context, app, on: db)
        guard let paypal = app.payments.paypal, let order = donation.providerPaymentID else {
            throw PaymentError.unavailable("PayPal is off")
        }
        let site = try await app.site.current(on: db)
        let captured: (status: String, captureID: String?)
        do {
            captured = try await paypal.captureOrder(order, requestID: "gz-\(donation.reference)-capture")
        } catch {
            app.logger.warning("PayPal capture failed", metadata: ["reference": "\(donation.reference)", "error": "\(error)"])
            return AppServices.privatePage(
                DonationPages.payPalReturn(
                    site.chrome, summary: GiftSummary(donation), capture: .donatePayPalCapture(token: token), problem: error.message),
                status: .serviceUnavailable)
        }
        if captured.status == "DECLINED" || captured.status == "FAILED" {
            return AppServices.privatePage(
                DonationPages.form(
                    try await DonationController.model(
                        site, form: DonationForm(amount: "", provider: DonationProvider.paypal.rawValue, email: donation.donorEmail),
                        notice: "PayPal declined the payment and nothing was charged. You can try again or give by card.", app, on: db)),
                status: .paymentRequired)
        }
        if let capture = captured.captureID {
            try await DonationStore.attach(
                donation.id, payment: nil, charge: capture, subscription: nil, customer: nil, on: db, received: DonationDesk.receipt(app))
        }
        return Response.redirect(to: SiteURL.donateThanks(token: token).path)
    }

    @Sendable static func cancel(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let (donation, _) = try await gift(context, app, on: db)
        let site = try await app.site.current(on: db)
        // The form as the donor left it: the gift without the fee cover, and the cover ticked if it was.
        let gift = Money(minorUnits: donation.amount.minorUnits - donation.feeCoverMinorUnits, currency: donation.amount.currency)
        let form = DonationForm(
            amount: gift.plain, currency: gift.currency, provider: DonationProvider.paypal.rawValue,
            coverFees: donation.feeCoverMinorUnits > 0, email: donation.donorEmail)
        return AppServices.privatePage(
            DonationPages.form(
                try await DonationController.model(
                    site, form: form, notice: "You left PayPal before paying; nothing was charged.", app, on: db)))
    }

    static func gift(_ context: AppRequestContext, _ app: AppServices, on db: any Database) async throws -> (Donation, String) {
        guard let token = context.parameters.get("token"), let donation = try await DonationDesk.gift(token: token, app, on: db),
            donation.provider == .paypal
        else { throw DomainError.notFound("This payment link is not valid.") }
        return (donation, token)
    }
}
