import App
import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Persistence
import Routes
import TestSupport
import Testing

/// PayPal gifts end to end against the local contract server (`Tests/Support/paypal_server.py`):
/// the order, the donor's approval, the capture on return, PayPal's verified webhooks, and
/// PayPal misbehaving.
@Suite("PayPal donations (contract server)")
struct PayPalDonationTests {
    struct Flow {
        let client: any TestClientProtocol
        let paypal: LoopbackService

        /// The form, PayPal's approval page, and the way back: the return page's path.
        func approve(amount: String = "20") async throws -> String {
            let checkout = try await client.execute(
                uri: SiteURL.donateCheckout.path, method: .post, headers: formHeaders,
                body: formBody(DonationTesting.form(amount: amount, provider: "paypal"))
            ) { $0 }
            #expect(checkout.status == .seeOther, "\(checkout.text)")
            let approval = try #require(checkout.headers[.location])
            #expect(approval.hasPrefix(paypal.baseURL + "/checkoutnow?token="))
            let (status, _, location) = try await paypal.get(approval)
            #expect(status == 302)
            // PayPal sends the donor back to the site's public address; the test stays on loopback.
            let back = try #require(location.flatMap(URL.init(string:)))
            return back.path + "?" + (back.query ?? "")
        }

        /// The return page's capture form, as the donor sees it: where its button posts.
        func captureAction(from returnPath: String) async throws -> String {
            let page = try await client.execute(uri: returnPath, method: .get) { $0.text }
            #expect(page.contains("PayPal approved your gift of <strong>$20.00</strong>"), "\(page)")
            let form = try #require(page.range(of: "<form method=\"post\" action=\""))
            return try DonationTesting.attribute("action", in: String(page[form.lowerBound...]))
        }

        func capture(from returnPath: String) async throws -> TestResponse {
            try await client.execute(uri: try await captureAction(from: returnPath), method: .post) { $0 }
        }
    }

    static func launch(_ body: @Sendable (Flow, TestApp, any Database) async throws -> Void) async throws {
        let paypal = try await LoopbackService.payPal(clientID: DonationTesting.payPalClient, secret: DonationTesting.payPalSecret)
        let app = try await DonationTesting.app(payPal: paypal)
        try await app.run(.live) { client in
            let port = try #require(client.port)
            try await paypal.post(
                "/_control/webhook",
                json: ["url": "http://127.0.0.1:\(port)/api/v1/webhooks/paypal", "webhook_id": DonationTesting.payPalWebhook])
            try await body(Flow(client: client, paypal: paypal), app, try app.db())
        }
    }

    @Test("Approve, capture on return, PayPal's verified webhook completes it; a second capture and a replay change nothing")
    func oneTimeGift() async throws {
        try await Self.launch { flow, app, db in
            let back = try await flow.approve()
            let action = try await flow.captureAction(from: back)
            let captured = try await flow.client.execute(uri: action, method: .post) { $0 }
            #expect(captured.status == .seeOther)
            let thanks = try #require(captured.headers[.location])
            #expect(try await eventually(seconds: 10) { try await DonationTesting.donations(on: db).first?.status == .completed })
            let gift = try #require(try await DonationTesting.donations(on: db).first)
            #expect(gift.provider == .paypal && gift.amount == Money(minorUnits: 2000, currency: "USD"))
            let page = try await flow.client.execute(uri: thanks, method: .get) { $0.text }
            #expect(page.contains("Your payment is confirmed"))
            // The donor presses the button again (another tab): PayPal says already captured, nothing changes.
            let again = try await flow.client.execute(uri: action, method: .post) { $0 }
            #expect(again.status == .seeOther)
            #expect(try await DonationTesting.receipts(to: "ann@example.org", on: db).count == 1)
            // PayPal retries a delivery it thinks failed: recognised by its id.
            let (_, data, _) = try await flow.paypal.get("/_control/events")
            let events = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            let completed = try #require(events.first { $0["event_type"] as? String == "PAYMENT.CAPTURE.COMPLETED" }?["id"] as? String)
            try await flow.paypal.post("/_control/replay", json: ["id": completed])
            // A refund of 5.50 made in PayPal's dashboard, reported with its running total.
            let capture = try #require(try await DonationStore.find(gift.id, on: db)?.providerChargeID)
            let (refundStatus, _) = try await flow.paypal.post("/_control/refund", json: ["capture": capture, "value": "5.50"])
            #expect(refundStatus == 201)
            #expect(try await eventually(seconds: 10) { try await DonationStore.find(gift.id, on: db)?.status == .partiallyRefunded })
            #expect(try await eventually(seconds: 5) { try await DonationStore.events(of: gift.id, on: db).count == 2 })
            let totals = try await DonationStore.monthlyTotals(since: .distantPast, on: db)
            #expect(totals.map(\.netMinorUnits) == [1450])
        }
    }

    @Test("Leaving PayPal without paying brings the donor back to the form as they filled it, with nothing charged")
    func cancelledAtPayPal() async throws {
        try await Self.launch { flow, app, db in
            let checkout = try await flow.client.execute(
                uri: SiteURL.donateCheckout.path, method: .post, headers: formHeaders,
                body: formBody(DonationTesting.form(amount: "12.50", provider: "paypal", extra: [("cover_fees", "on")]))
            ) { $0 }
            let approval = try #require(checkout.headers[.location])
            let (status, _, location) = try await flow.paypal.get(approval + "&cancel=1")
            #expect(status == 302)
            let back = try #require(location.flatMap(URL.init(string:)))
            #expect(back.path.hasSuffix("/cancel"))
            let page = try await flow.client.execute(uri: back.path, method: .get) { $0 }
            #expect(page.status == .ok && page.text.contains("You left PayPal before paying; nothing was charged."))
            #expect(page.text.contains("id=\"donate-amount\" name=\"amount\" inputmode=\"decimal\" value=\"12.50\""), "\(page.text)")
            #expect(page.text.contains("id=\"donate-cover\" name=\"cover_fees\" checked"))
            #expect(try await DonationTesting.donations(on: db).first?.status == .pending)
            #expect(try await DonationTesting.receipts(to: "ann@example.org", on: db).isEmpty)
        }
    }

    @Test("The webhook may arrive before the donor is back: the ledger completes the gift by its reference")
    func webhookBeforeReturn() async throws {
        try await Self.launch { flow, app, db in
            try await flow.paypal.post("/_control/webhook-first", json: ["on": true])
            let back = try await flow.approve()
            #expect(try await flow.capture(from: back).status == .seeOther)
            let gift = try #require(try await DonationTesting.donations(on: db).first)
            #expect(gift.status == .completed && gift.providerChargeID != nil)
            #expect(try await DonationTesting.receipts(to: "ann@example.org", on: db).count == 1)
        }
    }

    @Test("PayPal failing: a 500 or a timeout tells the donor to try again, a declined capture fails the gift, a forged webhook is refused")
    func failures() async throws {
        try await Self.launch { flow, app, db in
            try await flow.paypal.post("/_control/fail", json: ["path": "/v2/checkout/orders", "status": 500, "times": 1])
            let broken = try await flow.client.execute(
                uri: SiteURL.donateCheckout.path, method: .post, headers: formHeaders,
                body: formBody(DonationTesting.form(amount: "20", provider: "paypal"))
            ) { $0 }
            #expect(broken.status == .serviceUnavailable && broken.text.contains("The payment service is not answering right now"))
            #expect(broken.text.contains("value=\"ann@example.org\""))

            try await flow.paypal.post("/_control/delay", json: ["path": "/v2/checkout/orders", "seconds": 3, "times": 1])
            let slow = try await flow.client.execute(
                uri: SiteURL.donateCheckout.path, method: .post, headers: formHeaders,
                body: formBody(DonationTesting.form(amount: "20", provider: "paypal"))
            ) { $0.status }
            #expect(slow == .serviceUnavailable)

            // The capture times out once; the donor's retry carries the same request id and succeeds once.
            let back = try await flow.approve()
            try await flow.paypal.post("/_control/delay", json: ["path": "/v2/checkout/orders/", "seconds": 3, "times": 1])
            let timedOut = try await flow.capture(from: back)
            #expect(timedOut.status == .serviceUnavailable && timedOut.text.contains("Complete my donation"))
            let retried = try await flow.capture(from: back)
            #expect(retried.status == .seeOther)
            #expect(try await eventually(seconds: 10) { try await DonationTesting.donations(on: db).contains { $0.status == .completed } })

            try await flow.paypal.post("/_control/decline", json: ["times": 1])
            let declinedBack = try await flow.approve()
            let declined = try await flow.capture(from: declinedBack)
            #expect(declined.status.code == 402 && declined.text.contains("PayPal declined the payment"))
            #expect(try await eventually(seconds: 10) { try await DonationTesting.donations(on: db).contains { $0.status == .failed } })

            var headers: HTTPFields = [.contentType: "application/json"]
            headers[.init("PAYPAL-TRANSMISSION-ID")!] = "forged"
            headers[.init("PAYPAL-TRANSMISSION-SIG")!] = "bm90IGEgc2lnbmF0dXJl"
            let forged = try await flow.client.execute(
                uri: SiteURL.webhookPayPal.path, method: .post, headers: headers,
                body: ByteBuffer(
                    string: #"{"id":"WH-FORGED","event_type":"PAYMENT.CAPTURE.COMPLETED","resource":{"id":"X","custom_id":"GZ-X"}}"#)
            ) { $0 }
            #expect(forged.status == .badRequest && forged.headers[.contentType] == "application/problem+json")
            let completed = try await DonationTesting.donations(on: db).filter { $0.status == .completed }
            #expect(completed.count == 1)
            #expect(try await DonationTesting.receipts(to: "ann@example.org", on: db).count == 1)
        }
    }
}
