import AsyncHTTPClient
import Domain
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// PayPal's REST API: an OAuth client-credentials token (kept until shortly before it expires),
/// Orders v2 (create with `intent=CAPTURE`, capture after the donor approved) and webhook
/// verification through `verify-webhook-signature`.
public final class PayPalClient: Sendable {
    public struct Keys: Sendable, Equatable {
        public var clientID: String
        public var clientSecret: String
        public var webhookID: String
        /// `https://api-m.paypal.com` in production, a local contract server in tests.
        public var apiBase: String

        public init(clientID: String, clientSecret: String, webhookID: String, apiBase: String) {
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.webhookID = webhookID
            self.apiBase = apiBase
        }
    }

    public let keys: Keys
    let http: ProviderHTTP
    let token = Mutex<(value: String, expires: Date)?>(nil)

    public init(keys: Keys, client: HTTPClient = .shared, timeout: TimeAmount = .seconds(15)) {
        self.keys = keys
        self.http = ProviderHTTP(client: client, timeout: timeout)
    }

    /// An order for the donor to approve: its id and the address of PayPal's approval page.
    public func createOrder(
        amount: Money, reference: String, description: String, returnURL: String, cancelURL: String, requestID: String
    ) async throws(PaymentError) -> (id: String, approveURL: String) {
        let body: [String: Any] = [
            "intent": "CAPTURE",
            "purchase_units": [
                [
                    "reference_id": reference, "custom_id": reference, "description": String(description.prefix(127)),
                    "amount": ["currency_code": amount.currency, "value": amount.plain],
                ]
            ],
            "payment_source": [
                "paypal": [
                    "experience_context": [
                        "return_url": returnURL, "cancel_url": cancelURL, "user_action": "PAY_NOW",
                        "shipping_preference": "NO_SHIPPING",
                    ]
                ]
            ],
        ]
        let object = try await call(.POST, "/v2/checkout/orders", body, requestID: requestID)
        guard let id = object.string("id"),
            let approve = object.array("links").first(where: { $0.string("rel") == "payer-action" || $0.string("rel") == "approve" })?
                .string("href")
        else { throw .unexpected("order") }
        return (id, approve)
    }

    /// Captures an approved order. Answers the capture's status and id; an order captured before
    /// (a second tab, a retry) answers as captured rather than failing.
    public func captureOrder(_ order: String, requestID: String) async throws(PaymentError) -> (status: String, captureID: String?) {
        do {
            let object = try await call(.POST, "/v2/checkout/orders/\(ProviderHTTP.pathSegment(order))/capture", [:], requestID: requestID)
            let capture = object.array("purchase_units").first?.object("payments")?.array("captures").first
            return (capture?.string("status") ?? object.string("status") ?? "", capture?.string("id"))
        } catch .rejected(let reason) where reason.contains("ORDER_ALREADY_CAPTURED") {
            return ("COMPLETED", nil)
        }
    }

    /// Asks PayPal whether a webhook delivery is genuine (the documented way to check one).
    public func verifyWebhook(headers: [String: String], event: Data) async throws(PaymentError) -> Bool {
        guard (try? JSONSerialization.jsonObject(with: event)) is [String: Any] else { return false }
        let fields: [String: String] = [
            "auth_algo": headers["paypal-auth-algo"] ?? "", "cert_url": headers["paypal-cert-url"] ?? "",
            "transmission_id": headers["paypal-transmission-id"] ?? "", "transmission_sig": headers["paypal-transmission-sig"] ?? "",
            "transmission_time": headers["paypal-transmission-time"] ?? "", "webhook_id": keys.webhookID,
        ]
        // The event goes back byte for byte as it arrived: PayPal checks the signature over the
        // body it sent, and re-encoding could reorder its keys.
        guard let encoded = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return false }
        var body = Data(encoded.dropLast())
        body.append(contentsOf: Array(#","webhook_event":"#.utf8))
        body.append(event)
        body.append(UInt8(ascii: "}"))
        let object = try await send(.POST, "/v1/notifications/verify-webhook-signature", body: body, requestID: nil)
        return object.string("verification_status") == "SUCCESS"
    }

    func accessToken() async throws(PaymentError) -> String {
        if let current = token.withLock({ $0 }), current.expires > Date() { return current.value }
        let credentials = Data("\(keys.clientID):\(keys.clientSecret)".utf8).base64EncodedString()
        let (status, data) = try await http.send(
            .POST, keys.apiBase + "/v1/oauth2/token",
            headers: [("Authorization", "Basic \(credentials)"), ("Content-Type", "application/x-www-form-urlencoded")],
            body: Data("grant_type=client_credentials".utf8))
        guard status == 200, let object = try? JSONObject(data: data), let value = object.string("access_token") else {
            throw status == 401 ? .unavailable("PayPal refused our credentials") : .unexpected("token, HTTP \(status)")
        }
        // Renew a minute early so a token never expires between the check and its use.
        let expires = Date().addingTimeInterval(TimeInterval(max((object.int("expires_in") ?? 300) - 60, 30)))
        token.withLock { $0 = (value, expires) }
        return value
    }

    func call(_ method: HTTPMethod, _ path: String, _ body: [String: Any], requestID: String?) async throws(PaymentError) -> JSONObject {
        try await send(method, path, body: try? JSONSerialization.data(withJSONObject: body), requestID: requestID)
    }

    func send(_ method: HTTPMethod, _ path: String, body data: Data?, requestID: String?) async throws(PaymentError) -> JSONObject {
        let bearer = try await accessToken()
        var headers = [("Authorization", "Bearer \(bearer)"), ("Content-Type", "application/json"), ("Prefer", "return=representation")]
        if let requestID { headers.append(("PayPal-Request-Id", requestID)) }
        let (status, answer) = try await http.send(method, keys.apiBase + path, headers: headers, body: data)
        if status == 401 { token.withLock { $0 = nil } }
        let object = (try? JSONObject(data: answer)) ?? JSONObject([:])
        guard (200..<300).contains(status) else {
            if status == 429 { throw .unavailable("rate limited") }
            let issue = object.array("details").first?.string("issue") ?? object.string("name") ?? "HTTP \(status)"
            throw .rejected(issue == "ORDER_ALREADY_CAPTURED" ? issue : "PayPal refused the payment (\(issue)).")
        }
        return object
    }

}
