import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Payments
import Persistence
import Routes
import Views

/// A donor's own giving, from the signed link in every receipt: history with receipts, and for a
/// running monthly or yearly gift a new amount, a new card, or an end. Each change happens at the
/// provider first, then in the ledger.
enum DonorController {
    @Sendable static func thanks(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        guard let token = context.parameters.get("token"), let donation = try await DonationDesk.gift(token: token, app, on: db) else {
            throw DomainError.notFound("This page is not available.")
        }
        let site = try await app.site.current(on: db)
        return AppServices.privatePage(
            DonationPages.thanks(
                DonationThanksModel(
                    chrome: site.chrome, summary: GiftSummary(donation), status: donation.status, reference: donation.reference,
                    email: donation.donorEmail, manage: .donorHome(token: try await DonationDesk.donorToken(donation.donorKey, app, on: db))
                )))
    }

    @Sendable static func home(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let (token, gifts) = try await donor(context, app, on: db)
        let notice: String? =
            switch QueryString(request.uri.query)["done"] {
            case "amount": "The new amount applies from the next payment."
            case "cancelled": "Your recurring gift has stopped. Thank you for your support so far."
            case "card": "Your new card will be used from the next payment."
            default: nil
            }
        return try await page(token: token, gifts: gifts, notice: notice, problem: nil, status: .ok, app, on: db)
    }

    @Sendable static func receipt(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let (_, gifts) = try await donor(context, app, on: db)
        guard let donation = gifts.first(where: { $0.reference == context.parameters.get("reference") }), donation.facts.received else {
            throw DomainError.notFound("There is no receipt for that gift yet.")
        }
        let site = try await app.site.current(on: db)
        let settings = site.settings
        let refunded = Money(minorUnits: donation.facts.refundedMinorUnits, currency: donation.amount.currency)
        let html = DonorPages.receipt(
            DonationReceiptModel(
                organisation: settings.receiptName,
                address: settings.newsroomAddress, siteURL: app.config.siteURL,
                donor: donation.donorName.isEmpty ? "—" : donation.donorName,
                email: donation.donorEmail, amount: donation.amount.formatted, refunded: refunded.minorUnits > 0 ? refunded.formatted : nil,
                date: site.format.date(donation.completedAt ?? donation.createdAt), reference: donation.reference,
                providerReference: donation.providerChargeID ?? donation.providerPaymentID ?? "—",
                method: donation.provider == .stripe ? "Card (Stripe)" : "PayPal"))
        var response = AppServices.privatePage(html)
        response.headers[.contentDisposition] = "attachment; filename=\"receipt-\(donation.reference).html\""
        return response
    }

    @Sendable static func changeAmount(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let db = try app.db()
        let (token, gifts) = try await donor(context, app, on: db)
        let head = try running(gifts, context)
        let site = try await app.site.current(on: db)
        let form = try await request.publicForm(upTo: 4 * 1024)
        let amount: Money
        switch DonationAmount.parse(form[DonationForm.Field.amount.name] ?? "", currency: head.amount.currency) {
        case .failure(let problem):
            return try await page(
                token: token, gifts: gifts, notice: nil, problem: problem.message, status: .unprocessableContent, app, on: db)
        case .success(let parsed): amount = parsed
        }
        if let problem = DonationAmount.check(amount, minimum: site.settings.donationMinimum, maximum: site.settings.donationMaximum) {
            return try await page(
                token: token, gifts: gifts, notice: nil, problem: problem.message, status: .unprocessableContent, app, on: db)
        }
        guard let stripe = app.payments.stripe, let subscription = head.providerSubscriptionID else {
            throw PaymentError.unavailable("Stripe is off")
        }
        try await stripe.changeSubscription(
            subscription, amount: amount, interval: head.frequency, productName: "Donation to \(site.settings.title)",
            idempotencyKey: "gz-\(head.reference)-amount-\(amount.minorUnits)-\(Int(app.time.now().timeIntervalSince1970))")
        try await DonationStore.changeAmount(head.id, to: amount, on: db)
        return Response.redirect(to: SiteURL.donorHome(token: token, done: "amount").path)
    }

    @Sendable static func cancel(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let db = try app.db()
        let (token, gifts) = try await donor(context, app, on: db)
        let head = try running(gifts, context)
        guard let stripe = app.payments.stripe, let subscription = head.providerSubscriptionID else {
            throw PaymentError.unavailable("Stripe is off")
        }
        try await stripe.cancelSubscription(subscription)
        try await DonationStore.endSeries(head.id, on: db)
        return Response.redirect(to: SiteURL.donorHome(token: token, done: "cancelled").path)
    }

    /// The card step again, to put a new card on a running gift (a SetupIntent).
    @Sendable static func showCard(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let (token, gifts) = try await donor(context, app, on: db)
        let head = try running(gifts, context)
        guard let stripe = app.payments.stripe else { throw PaymentError.unavailable("Stripe is off") }
        let site = try await app.site.current(on: db)
        let setup = try await stripe.createSetupIntent(
            reference: head.reference, idempotencyKey: "gz-\(head.reference)-card-\(DonationDesk.newDonorKey(app.random))")
        return AppServices.privatePage(
            DonationPages.cardStep(
                DonateCardStepModel(
                    chrome: site.chrome, summary: GiftSummary(head), donorName: head.donorName, donorEmail: head.donorEmail,
                    publishableKey: stripe.keys.publishable, clientSecret: setup.clientSecret, scriptURL: stripe.keys.scriptURL,
                    confirm: .apiDonorCard(token: token, reference: head.reference), thanks: .donorHome(token: token, done: "card"),
                    walletAmount: head.recurringAmount ?? head.amount, country: stripe.keys.country, heading: "Update your card"))
        ).allowingProvider(stripe.keys)
    }

    @Sendable static func replaceCard(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let db = try app.db()
        let (token, gifts) = try await donor(context, app, on: db)
        let head = try running(gifts, context)
        guard let stripe = app.payments.stripe, let customer = head.providerCustomerID else {
            throw PaymentError.unavailable("Stripe is off")
        }
        let body = try JSONDecoder().decode(
            DonationCardController.CardConfirmation.self, from: Data((try await request.body.collect(upTo: 8 * 1024)).readableBytesView))
        guard let setup = body.setupIntent, setup.hasPrefix("seti_"), setup.count < 100 else {
            throw DomainError.invalidInput(field: "setup_intent", message: "Confirm the card first.")
        }
        let method = try await stripe.setupIntentPaymentMethod(setup)
        try await stripe.replaceCard(customer: customer, paymentMethod: method, idempotencyKey: "gz-\(head.reference)-card-\(method)")
        return try Response.json(
            DonationCardController.Answer(status: "succeeded", clientSecret: nil, next: SiteURL.donorHome(token: token, done: "card").path))
    }

    static func donor(_ context: AppRequestContext, _ app: AppServices, on db: any Database) async throws -> (String, [Donation]) {
        guard let token = context.parameters.get("token"), let key = try await DonationDesk.donorKey(token: token, app, on: db) else {
            throw DomainError.notFound("This link is not valid. Use the link in your latest receipt.")
        }
        return (token, try await DonationStore.forDonor(key: key, on: db))
    }

    /// The running recurring gift the address names.
    static func running(_ gifts: [Donation], _ context: AppRequestContext) throws -> Donation {
        guard let head = gifts.first(where: { $0.reference == context.parameters.get("reference") && $0.parentID == nil }),
            head.frequency.isRecurring, head.subscriptionStatus == .active, head.provider == .stripe
        else { throw DomainError.notFound("That gift is not a running monthly or yearly gift.") }
        return head
    }

    static func page(
        token: String, gifts: [Donation], notice: String?, problem: String?, status: HTTPResponse.Status, _ app: AppServices,
        on db: any Database
    ) async throws -> Response {
        let site = try await app.site.current(on: db)
        let entries = gifts.map { gift in
            let running =
                gift.parentID == nil && gift.frequency.isRecurring && gift.subscriptionStatus == .active && gift.provider == .stripe
            let current = gift.recurringAmount ?? gift.amount
            return DonorGift(
                reference: gift.reference, date: site.format.date(gift.completedAt ?? gift.createdAt), summary: GiftSummary(gift),
                status: gift.status,
                refunded: gift.facts.refundedMinorUnits > 0
                    ? Money(minorUnits: gift.facts.refundedMinorUnits, currency: gift.amount.currency).formatted : nil,
                receipt: gift.facts.received ? .donorReceipt(token: token, reference: gift.reference) : nil,
                changeAmount: running ? .donorAmount(token: token, reference: gift.reference) : nil,
                changeCard: running ? .donorCard(token: token, reference: gift.reference) : nil,
                cancel: running ? .donorCancel(token: token, reference: gift.reference) : nil,
                isCancelled: gift.subscriptionStatus == .cancelled, currentAmount: current.plain)
        }
        return AppServices.privatePage(
            DonorPages.home(
                DonorHomeModel(chrome: site.chrome, email: gifts.first?.donorEmail ?? "", gifts: entries, notice: notice, problem: problem)),
            status: status)
    }

    @Sendable static func supporters(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let site = try await app.site.current(on: db)
        guard site.settings.showSupporters else { throw HTTPError(.notFound) }
        let entries = try await DonationStore.supporters(limit: 200, on: db).map {
            SupportersModel.Entry(name: $0.publicName, message: $0.message, month: site.format.date($0.completedAt ?? $0.createdAt))
        }
        return AppServices.privatePage(DonationPages.supporters(SupportersModel(chrome: site.chrome, entries: entries)))
    }
}
