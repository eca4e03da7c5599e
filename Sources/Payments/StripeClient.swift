import AsyncHTTPClient
import Domain
import Foundation
import NIOCore
import NIOHTTP1

/// Stripe's REST API (form-encoded requests, JSON answers), the calls donations need. Every call
/// that creates or changes something carries an idempotency key, so a retry after a timeout can
/// never charge twice.
public struct StripeClient: Sendable {
    public struct Keys: Sendable, Equatable {
        public var secret: String
        public var publishable: String
        public var webhookSecret: String
        /// `https://api.stripe.com` in production, a local emulator in tests.
        public var apiBase: String
        /// Where Stripe.js is loaded from (`https://js.stripe.com/v3/`, or the emulator's copy).
        public var scriptURL: String
        /// The two-letter country of the newsroom's Stripe account (wallet buttons need it).
        public var country: String

        public init(
            secret: String, publishable: String, webhookSecret: String, apiBase: String, scriptURL: String, country: String = "US"
        ) {
            self.country = country
            self.secret = secret
            self.publishable = publishable
            self.webhookSecret = webhookSecret
            self.apiBase = apiBase
            self.scriptURL = scriptURL
        }
    }

    public let keys: Keys
    let http: ProviderHTTP

    public init(keys: Keys, client: HTTPClient = .shared, timeout: TimeAmount = .seconds(15)) {
        self.keys = keys
        self.http = ProviderHTTP(client: client, timeout: timeout)
    }

    /// Starts collecting a card for later charges (one-time and recurring alike).
    public func createSetupIntent(reference: String, idempotencyKey: String) async throws(PaymentError) -> (
        id: String, clientSecret: String
    ) {
        let object = try await call(
            .POST, "/v1/setup_intents",
            ["usage": "off_session", "payment_method_types[]": "card", "metadata[reference]": reference], key: idempotencyKey)
        guard let id = object.string("id"), let secret = object.string("client_secret") else { throw .unexpected("setup intent") }
        return (id, secret)
    }

    /// The card a SetupIntent collected, once it has succeeded.
    public func setupIntentPaymentMethod(_ id: String) async throws(PaymentError) -> String {
        let object = try await call(.GET, "/v1/setup_intents/\(ProviderHTTP.pathSegment(id))", [:], key: nil)
        guard object.string("status") == "succeeded", let method = object.id("payment_method") else {
            throw .rejected("The card was not confirmed. Please enter it again.")
        }
        return method
    }

    public func createCustomer(email: String, name: String, paymentMethod: String, idempotencyKey: String) async throws(PaymentError)
        -> String
    {
        var fields = ["email": email, "payment_method": paymentMethod, "invoice_settings[default_payment_method]": paymentMethod]
        if !name.isEmpty { fields["name"] = name }
        let object = try await call(.POST, "/v1/customers", fields, key: idempotencyKey)
        guard let id = object.string("id") else { throw .unexpected("customer") }
        return id
    }

    /// A one-time charge, confirmed at once. The status tells whether the card needs the donor's
    /// confirmation (3-D Secure) first.
    public func createPayment(
        amount: Money, customer: String, paymentMethod: String, reference: String, description: String, idempotencyKey: String
    ) async throws(PaymentError) -> (id: String, status: String, clientSecret: String) {
        let object = try await call(
            .POST, "/v1/payment_intents",
            [
                "amount": String(amount.minorUnits), "currency": amount.currency.lowercased(), "customer": customer,
                "payment_method": paymentMethod, "payment_method_types[]": "card", "confirm": "true",
                "metadata[reference]": reference, "metadata[purpose]": description,
            ], key: idempotencyKey)
        guard let id = object.string("id"), let status = object.string("status"), let secret = object.string("client_secret") else {
            throw .unexpected("payment intent")
        }
        if status == "requires_payment_method" {
            throw .rejected(object.object("last_payment_error")?.string("message") ?? "The card was declined.")
        }
        return (id, status, secret)
    }

    /// A monthly or yearly gift: a plan for the amount, and a subscription to it. Answers the
    /// subscription, and the first invoice's payment.
    public func createSubscription(
        amount: Money, interval: DonationFrequency, customer: String, reference: String, productName: String, idempotencyKey: String
    ) async throws(PaymentError) -> (id: String, payment: String?, status: String, clientSecret: String?) {
        let plan = try await createPlan(
            amount: amount, interval: interval, productName: productName, idempotencyKey: idempotencyKey + "-plan")
        let object = try await call(
            .POST, "/v1/subscriptions",
            [
                "customer": customer, "items[0][plan]": plan, "metadata[reference]": reference,
                "expand[]": "latest_invoice.payment_intent",
            ], key: idempotencyKey)
        guard let id = object.string("id") else { throw .unexpected("subscription") }
        let intent = object.object("latest_invoice")?.object("payment_intent")
        if intent?.string("status") == "requires_payment_method" {
            throw .rejected(intent?.object("last_payment_error")?.string("message") ?? "The card was declined.")
        }
        return (id, intent?.string("id"), object.string("status") ?? "", intent?.string("client_secret"))
    }

    func createPlan(amount: Money, interval: DonationFrequency, productName: String, idempotencyKey: String) async throws(PaymentError)
        -> String
    {
        let object = try await call(
            .POST, "/v1/plans",
            [
                "amount": String(amount.minorUnits), "currency": amount.currency.lowercased(),
                "interval": interval == .annual ? "year" : "month", "product[name]": productName,
            ], key: idempotencyKey)
        guard let id = object.string("id") else { throw .unexpected("plan") }
        return id
    }

    /// Moves a recurring gift to a new amount from the next charge on.
    public func changeSubscription(
        _ subscription: String, amount: Money, interval: DonationFrequency, productName: String, idempotencyKey: String
    ) async throws(PaymentError) {
        let plan = try await createPlan(
            amount: amount, interval: interval, productName: productName, idempotencyKey: idempotencyKey + "-plan")
        _ = try await call(
            .POST, "/v1/subscriptions/\(ProviderHTTP.pathSegment(subscription))",
            ["items[0][plan]": plan, "proration_behavior": "none"], key: idempotencyKey)
    }

    /// Ends a recurring gift at once.
    public func cancelSubscription(_ subscription: String) async throws(PaymentError) {
        _ = try await call(.DELETE, "/v1/subscriptions/\(ProviderHTTP.pathSegment(subscription))", [:], key: nil)
    }

    /// Makes a newly confirmed card the one future charges use.
    public func replaceCard(customer: String, paymentMethod: String, idempotencyKey: String) async throws(PaymentError) {
        _ = try await call(
            .POST, "/v1/payment_methods/\(ProviderHTTP.pathSegment(paymentMethod))/attach", ["customer": customer],
            key: idempotencyKey + "-attach")
        _ = try await call(
            .POST, "/v1/customers/\(ProviderHTTP.pathSegment(customer))", ["invoice_settings[default_payment_method]": paymentMethod],
            key: idempotencyKey)
    }

    func call(_ method: HTTPMethod, _ path: String, _ fields: [String: String], key: String?) async throws(PaymentError) -> JSONObject {
        var headers = [("Authorization", "Bearer \(keys.secret)"), ("Stripe-Version", "2024-06-20")]
        if let key { headers.append(("Idempotency-Key", key)) }
        var url = keys.apiBase + path
        var body: Data?
        let encoded = fields.sorted { $0.key < $1.key }.map { Self.formEncode($0.key) + "=" + Self.formEncode($0.value) }.joined(
            separator: "&")
        if method == .GET || method == .DELETE {
            if !encoded.isEmpty { url += "?" + encoded }
        } else {
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
            body = Data(encoded.utf8)
        }
        let (status, data) = try await http.send(method, url, headers: headers, body: body)
        guard let object = try? JSONObject(data: data) else { throw .unexpected("HTTP \(status), not JSON") }
        guard (200..<300).contains(status) else {
            let error = object.object("error")
            if status == 429 { throw .unavailable("rate limited") }
            throw .rejected(error?.string("message") ?? "The payment was refused (HTTP \(status)).")
        }
        return object
    }

    static func formEncode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~[]")

}
