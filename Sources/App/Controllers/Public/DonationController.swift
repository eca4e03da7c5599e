import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Payments
import Persistence
import Routes
import Views

/// `/donate/`: the form (and the quick box's one click) up to the provider's step.
enum DonationController {
    /// Payment attempts one network may start per hour (card testers try hundreds).
    static let networkLimit = 20

    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let query = QueryString(request.uri.query)
        let form = DonationForm(
            amount: String((query["amount"] ?? "").prefix(12)), currency: String((query["currency"] ?? "").uppercased().prefix(3)))
        return AppServices.privatePage(DonationPages.form(try await model(site, form: form, app, on: db)))
    }

    @Sendable static func checkout(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let values = try await request.publicForm(upTo: 16 * 1024)
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let form = DonationForm(values)
        let providers = app.payments.offered(site.settings)
        func again(_ problems: [String: String], notice: String? = nil, status: HTTPResponse.Status) async throws -> Response {
            AppServices.privatePage(
                DonationPages.form(try await model(site, form: form, problems: problems, notice: notice, app, on: db)), status: status)
        }
        let gift: DonationForm.Gift
        switch form.validate(settings: site.settings, providers: providers) {
        case .failure(let errors):
            return try await again(
                Dictionary(errors.all.map { ($0.field.name, $0.message) }, uniquingKeysWith: { a, _ in a }), status: .unprocessableContent)
        case .success(let checked): gift = checked
        }
        guard (values[DonationForm.Field.website.name] ?? "").isEmpty else { return try await again([:], status: .unprocessableContent) }
        let network = "donate-network:" + VisitorFingerprint.network(of: app.clientAddress(request, context))
        guard try await RateLimitStore.allow(network, limit: networkLimit, window: 3600, now: app.time.now(), on: db) else {
            return try await again(
                [:], notice: "Too many payment attempts from your network in the last hour. Please try again later.",
                status: .tooManyRequests)
        }
        let reference = DonationDesk.newReference(app.random)
        let key = try await DonationStore.donorKey(email: gift.email, on: db) ?? DonationDesk.newDonorKey(app.random)
        let donation = try await DonationStore.create(.init(reference: reference, gift: gift, donorKey: key), now: app.time.now(), on: db)
        let token = try await DonationDesk.giftToken(reference, app, on: db)
        do {
            switch gift.provider {
            case .stripe:
                guard let stripe = app.payments.stripe else { throw PaymentError.unavailable("Stripe is not configured") }
                let setup = try await stripe.createSetupIntent(reference: reference, idempotencyKey: "gz-\(reference)-setup")
                return AppServices.privatePage(
                    DonationPages.cardStep(
                        DonateCardStepModel(
                            chrome: site.chrome, summary: GiftSummary(donation), donorName: gift.name, donorEmail: gift.email,
                            publishableKey: stripe.keys.publishable, clientSecret: setup.clientSecret, scriptURL: stripe.keys.scriptURL,
                            confirm: .apiDonationCard(token: token), thanks: .donateThanks(token: token), walletAmount: gift.total))
                )
                .allowingProvider(stripe.keys)
            case .paypal:
                guard let paypal = app.payments.paypal else { throw PaymentError.unavailable("PayPal is not configured") }
                let order = try await paypal.createOrder(
                    amount: gift.total, reference: reference, description: "Donation to \(site.settings.title)",
                    returnURL: SiteURL.donatePayPalReturn(token: token).absolute(siteURL: app.config.siteURL),
                    cancelURL: SiteURL.donatePayPalCancel(token: token).absolute(siteURL: app.config.siteURL),
                    requestID: "gz-\(reference)-order")
                try await DonationStore.attach(
                    donation.id, payment: order.id, subscription: nil, customer: nil, on: db, received: DonationDesk.receipt(app))
                return Response.redirect(to: order.approveURL)
            }
        } catch let error as PaymentError {
            app.logger.warning("Payment provider refused a donation", metadata: ["reference": "\(reference)", "error": "\(error)"])
            return try await again([:], notice: error.message, status: .serviceUnavailable)
        }
    }

    static func model(
        _ site: SiteState.Snapshot, form: DonationForm, problems: [String: String] = [:], notice: String? = nil, _ app: AppServices,
        on db: any Database
    ) async throws -> DonateFormModel {
        let settings = site.settings
        let intro = try await PageStore.find(slug: "donate", on: db).map { HTML.trusted($0.bodyHTML) }
        return DonateFormModel(
            chrome: site.chrome, intro: intro, presets: settings.donationPresets, minimum: settings.donationMinimum,
            maximum: settings.donationMaximum, currencies: settings.donationCurrencies, providers: app.payments.offered(settings),
            form: form,
            problems: problems, notice: notice)
    }
}

extension Response {
    /// Lets this one page load the provider's script and talk to its API (the card step).
    func allowingProvider(_ keys: StripeClient.Keys) -> Response {
        var response = self
        let script = ProviderOrigin.of(keys.scriptURL)
        let api = ProviderOrigin.of(keys.apiBase)
        response.headers[.contentSecurityPolicy] =
            SecurityHeaders.contentSecurityPolicy
            .replacingOccurrences(of: "script-src 'self'", with: "script-src 'self' \(script)")
            .replacingOccurrences(of: "frame-src ", with: "frame-src \(script) https://hooks.stripe.com ")
            + "; connect-src 'self' \(api) \(script)"
        return response
    }
}

/// The scheme, host and port of an address, for a security policy.
enum ProviderOrigin {
    static func of(_ address: String) -> String {
        guard let url = URL(string: address), let scheme = url.scheme, let host = url.host else { return "'none'" }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }
}
