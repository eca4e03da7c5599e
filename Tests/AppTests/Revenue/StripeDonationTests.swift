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

/// Card gifts end to end against localstripe (PyPI), Stripe's emulator: the page, Stripe's card
/// confirmation, our charge or subscription, Stripe's signed webhooks, the ledger and receipts.
@Suite("Card donations through Stripe (localstripe)")
struct StripeDonationTests {
    /// The site on a real port, localstripe beside it sending its signed webhooks there.
    static func launch(_ body: @Sendable (any TestClientProtocol, TestApp, LoopbackService, any Database) async throws -> Void) async throws
    {
        let stripe = try await LoopbackService.localStripe()
        let app = try await DonationTesting.app(stripe: stripe)
        try await app.run(.live) { client in
            let port = try #require(client.port)
            try await stripe.post(
                "/_config/webhooks/gazette",
                form: [("url", "http://127.0.0.1:\(port)/api/v1/webhooks/stripe"), ("secret", DonationTesting.webhookSecret)])
            try await body(client, app, stripe, try app.db())
        }
    }

    @Test("A one-time gift: card step, one charge however often it is confirmed, Stripe's webhook completes it, one receipt")
    func oneTimeGift() async throws {
        try await Self.launch { client, app, stripe, db in
            let step = try await client.execute(
                uri: SiteURL.donateCheckout.path, method: .post, headers: formHeaders,
                body: formBody(DonationTesting.form(extra: [("cover_fees", "on"), ("message", "Keep it up <3")])))
            #expect(step.status == .ok)
            let page = step.text
            // Stripe.js is on this page, and the page's policy lets it talk to Stripe; nowhere else.
            #expect(page.contains("<script src=\"\(stripe.baseURL)/js.stripe.com/v3/\" defer></script>"))
            #expect(step.headers[.contentSecurityPolicy]?.contains("script-src 'self' \(stripe.baseURL)") == true)
            #expect(
                page.contains(
                    "You are giving <strong>$13.19</strong>. <span>Includes $0.69 so the card fee does not come out of your gift.</span>"))
            let home = try await client.execute(uri: "/", method: .get) { $0 }
            #expect(!home.text.contains("js.stripe.com") && home.headers[.contentSecurityPolicy]?.contains(stripe.baseURL) == false)

            let setup = try await DonationTesting.confirmCard(try DonationTesting.attribute("data-secret", in: page), on: stripe)
            let confirm = try DonationTesting.attribute("data-confirm", in: page)
            let body = ByteBuffer(string: #"{"setup_intent":"\#(setup)"}"#)
            let answer = try await client.execute(uri: confirm, method: .post, headers: [.contentType: "application/json"], body: body) {
                $0
            }
            #expect(answer.status == .ok && answer.text.contains(#""status":"succeeded""#), "\(answer.text)")
            // A second click sends it again: nothing more is charged.
            let again = try await client.execute(uri: confirm, method: .post, headers: [.contentType: "application/json"], body: body) {
                $0
            }
            #expect(again.status == .ok)
            let intents = try await DonationTesting.stripeObject("/v1/payment_intents", on: stripe)
            #expect((intents["data"] as? [Any])?.count == 1)

            #expect(try await eventually(seconds: 10) { try await DonationTesting.donations(on: db).first?.status == .completed })
            let donation = try #require(try await DonationTesting.donations(on: db).first)
            #expect(donation.amount == Money(minorUnits: 1319, currency: "USD") && donation.feeCoverMinorUnits == 69)
            #expect(donation.providerPaymentID?.hasPrefix("pi_") == true && donation.message == "Keep it up <3")
            let receipts = try await DonationTesting.receipts(to: "ann@example.org", on: db)
            #expect(receipts.count == 1)
            #expect(receipts.first?.textBody?.contains("We received your donation of $13.19") == true)
            #expect(receipts.first?.textBody?.contains(donation.reference) == true)

            let thanks = try await client.execute(uri: try DonationTesting.attribute("data-thanks", in: page), method: .get) { $0.text }
            #expect(thanks.contains("Your payment is confirmed") && thanks.contains(donation.reference))

            let owner = try await app.staff(.owner)
            let list = try await client.execute(uri: AdminURL.donations().path, method: .get, headers: owner.headers) { $0.text }
            #expect(list.contains(donation.reference) && list.contains("$13.19") && list.contains("Completed"))
            let detail = try await client.execute(uri: AdminURL.donation(donation.id).path, method: .get, headers: owner.headers) {
                $0.text
            }
            #expect(detail.contains("payment_intent.succeeded") && detail.contains("Keep it up &lt;3"))
            let csv = try await client.execute(uri: AdminURL.donationsCSV().path, method: .get, headers: owner.headers) { $0.text }
            #expect(csv.contains("\(donation.reference),") && csv.contains(",13.19,USD,0.00,completed,once,stripe,"))
            let dashboard = try await client.execute(uri: AdminURL.dashboard.path, method: .get, headers: owner.headers) { $0.text }
            #expect(dashboard.contains("$13.19"))
        }
    }

    @Test("A monthly gift: a subscription; the donor changes its amount and card and stops it, at Stripe and in the ledger")
    func monthlyGift() async throws {
        try await Self.launch { client, app, stripe, db in
            let page = try await client.execute(
                uri: SiteURL.donateCheckout.path, method: .post, headers: formHeaders,
                body: formBody(DonationTesting.form(amount: "10", frequency: "monthly"))
            ) { $0.text }
            #expect(page.contains("You are giving <strong>$10.00 every month</strong>."))
            let setup = try await DonationTesting.confirmCard(try DonationTesting.attribute("data-secret", in: page), on: stripe)
            let answer = try await client.execute(
                uri: try DonationTesting.attribute("data-confirm", in: page), method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"setup_intent":"\#(setup)"}"#)
            ) { $0 }
            #expect(answer.status == .ok, "\(answer.text)")
            #expect(try await eventually(seconds: 10) { try await DonationTesting.donations(on: db).first?.status == .completed })
            let gift = try #require(try await DonationTesting.donations(on: db).first)
            let subscription = try #require(gift.providerSubscriptionID)
            #expect(gift.subscriptionStatus == .active)
            #expect(try await DonationStore.monthlyRecurring(on: db) == [Money(minorUnits: 1000, currency: "USD")])

            // The receipt's link opens the donor's own page.
            let receipt = try #require(try await DonationTesting.receipts(to: "ann@example.org", on: db).first?.textBody)
            let link = try #require(receipt.split(separator: "\n").first { $0.contains("/donate/manage/") })
            let manage = String(link[link.range(of: "/donate/manage/")!.lowerBound...])
            let token = String(manage.dropFirst("/donate/manage/".count))
            let home = try await client.execute(uri: manage, method: .get) { $0.text }
            #expect(home.contains("$10.00 every month") && home.contains("Stop this gift") && home.contains("Download receipt"))
            let download = try await client.execute(uri: SiteURL.donorReceipt(token: token, reference: gift.reference).path, method: .get) {
                $0
            }
            #expect(download.headers[.init("Content-Disposition")!]?.contains("attachment") == true && download.text.contains("$10.00"))

            // A new amount: at Stripe at once, and in the figures.
            let bad = try await client.execute(
                uri: SiteURL.donorAmount(token: token, reference: gift.reference).path, method: .post, headers: formHeaders,
                body: formBody([("amount", "-5")])
            ) { $0 }
            #expect(bad.status == .unprocessableContent && bad.text.contains("Enter the amount as a number"))
            let changed = try await client.execute(
                uri: SiteURL.donorAmount(token: token, reference: gift.reference).path, method: .post, headers: formHeaders,
                body: formBody([("amount", "15")])
            ) { $0 }
            #expect(changed.status == .seeOther)
            let atStripe = try await DonationTesting.stripeObject("/v1/subscriptions/\(subscription)", on: stripe)
            #expect((atStripe["plan"] as? [String: Any])?["amount"] as? Int == 1500)
            #expect(try await DonationStore.monthlyRecurring(on: db) == [Money(minorUnits: 1500, currency: "USD")])

            // A new card through a SetupIntent becomes the customer's default.
            let cardPage = try await client.execute(uri: SiteURL.donorCard(token: token, reference: gift.reference).path, method: .get) {
                $0.text
            }
            let newSetup = try await DonationTesting.confirmCard(
                try DonationTesting.attribute("data-secret", in: cardPage), number: "5555555555554444", on: stripe)
            let replaced = try await client.execute(
                uri: try DonationTesting.attribute("data-confirm", in: cardPage), method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"setup_intent":"\#(newSetup)"}"#)
            ) { $0 }
            #expect(replaced.status == .ok, "\(replaced.text)")
            let customer = try await DonationTesting.stripeObject("/v1/customers/\(try #require(gift.providerCustomerID))", on: stripe)
            let method = (customer["invoice_settings"] as? [String: Any])?["default_payment_method"] as? String
            let setupObject = try await DonationTesting.stripeObject("/v1/setup_intents/\(newSetup)", on: stripe)
            #expect(method != nil && method == setupObject["payment_method"] as? String)

            // Stopping it: Stripe cancels the subscription, the ledger and the figures follow.
            let stop = try await client.execute(uri: SiteURL.donorCancel(token: token, reference: gift.reference).path, method: .post) {
                $0
            }
            #expect(stop.status == .seeOther)
            let cancelled = try await DonationTesting.stripeObject("/v1/subscriptions/\(subscription)", on: stripe)
            #expect(cancelled["status"] as? String == "canceled")
            #expect(try await DonationStore.find(gift.id, on: db)?.subscriptionStatus == .cancelled)
            #expect(try await DonationStore.monthlyRecurring(on: db).isEmpty)
            let after = try await client.execute(uri: manage, method: .get) { $0.text }
            #expect(after.contains("stopped") && !after.contains("Stop this gift"))
            // A forged donor link shows nothing.
            let forged = try await client.execute(uri: SiteURL.donorHome(token: String(token.dropLast()) + "x").path, method: .get) {
                $0.status
            }
            #expect(forged == .notFound)
        }
    }

    @Test("A card the bank declines: the reader is told, nothing is charged, the gift is marked failed")
    func declinedCard() async throws {
        try await Self.launch { client, app, stripe, db in
            let page = try await client.execute(
                uri: SiteURL.donateCheckout.path, method: .post, headers: formHeaders, body: formBody(DonationTesting.form())
            ) { $0.text }
            let setup = try await DonationTesting.confirmCard(
                try DonationTesting.attribute("data-secret", in: page), number: "4000000000000341", on: stripe)
            let answer = try await client.execute(
                uri: try DonationTesting.attribute("data-confirm", in: page), method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"setup_intent":"\#(setup)"}"#)
            ) { $0 }
            #expect(answer.status.code == 402 && answer.headers[.contentType] == "application/problem+json", "\(answer.text)")
            #expect(try await eventually(seconds: 10) { try await DonationTesting.donations(on: db).first?.status == .failed })
            #expect(try await DonationTesting.receipts(to: "ann@example.org", on: db).isEmpty)
        }
    }
}
