import App
import Domain
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Payments
import Persistence
import TestSupport
import Testing

/// What the donation tests share: an app wired to the payment test servers, the form a reader
/// sends, and what Stripe.js would do in the browser.
enum DonationTesting {
    static let webhookSecret = "whsec_gazette_tests"
    static let payPalClient = "gazette-client"
    static let payPalSecret = "gazette-secret"
    static let payPalWebhook = "WH-CONFIG-1"

    static func app(stripe: LoopbackService? = nil, payPal: LoopbackService? = nil) async throws -> TestApp {
        let app = try await TestApp.make(pageCache: true) { config in
            config.paymentTimeout = .seconds(2)
            if let stripe {
                config.stripe = StripeClient.Keys(
                    secret: "sk_test_gazette", publishable: "pk_test_gazette", webhookSecret: webhookSecret, apiBase: stripe.baseURL,
                    scriptURL: stripe.baseURL + "/js.stripe.com/v3/")
            } else {
                config.stripe = StripeClient.Keys(
                    secret: "sk_test_gazette", publishable: "pk_test_gazette", webhookSecret: webhookSecret,
                    apiBase: "http://127.0.0.1:9", scriptURL: "http://127.0.0.1:9/js.stripe.com/v3/")
            }
            if let payPal {
                config.paypal = PayPalClient.Keys(
                    clientID: payPalClient, clientSecret: payPalSecret, webhookID: payPalWebhook, apiBase: payPal.baseURL)
            }
        }
        // The emulators sign with the real time.
        if stripe != nil || payPal != nil { app.time.set(Date()) }
        return app
    }

    static func form(
        amount: String = "12.50", currency: String = "USD", frequency: String = "once", provider: String = "stripe",
        email: String = "ann@example.org", extra: [(String, String)] = []
    ) -> [(String, String)] {
        [
            ("amount", amount), ("currency", currency), ("frequency", frequency), ("provider", provider), ("email", email),
            ("name", "Ann Reader"),
        ]
            + extra
    }

    /// An attribute of the card step's form.
    static func attribute(_ name: String, in page: String) throws -> String {
        let marker = "\(name)=\""
        let start = try #require(page.range(of: marker)).upperBound
        let end = try #require(page[start...].firstIndex(of: "\""))
        return String(page[start..<end]).replacingOccurrences(of: "&amp;", with: "&")
    }

    /// What localstripe-v3.js does for `confirmCardSetup`: the card goes to Stripe, not to us.
    static func confirmCard(_ clientSecret: String, number: String = "4242424242424242", on stripe: LoopbackService) async throws -> String
    {
        let setup = String(clientSecret.components(separatedBy: "_secret_")[0])
        let (status, data) = try await stripe.post(
            "/v1/setup_intents/\(setup)/confirm",
            json: [
                "key": "pk_test_gazette", "use_stripe_sdk": true, "client_secret": clientSecret,
                "payment_method_data": ["type": "card", "card": ["number": number, "exp_month": "12", "exp_year": "2031", "cvc": "123"]],
            ])
        #expect(status == 200, "\(String(decoding: data, as: UTF8.self))")
        return setup
    }

    /// A Stripe API read with the secret key (to check what the provider holds).
    static func stripeObject(_ path: String, on stripe: LoopbackService) async throws -> [String: Any] {
        let (_, data, _) = try await stripe.get(path, headers: ["Authorization": "Bearer sk_test_gazette"])
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func donations(on db: any Database) async throws -> [Donation] {
        try await DonationStore.all(DonationListQuery(), on: db)
    }

    static func receipts(to email: String, on db: any Database) async throws -> [OutboxMessageRecord] {
        try await OutboxMessageRecord.query(on: db).filter(\.$purpose == "donation_receipt").filter(\.$toAddress == email).all()
    }
}
