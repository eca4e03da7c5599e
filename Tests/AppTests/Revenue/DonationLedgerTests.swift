import App
import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Payments
import Persistence
import Routes
import TestSupport
import Testing

/// The ledger through its front door, Stripe's webhook endpoint: signed deliveries, replays,
/// doubles, events out of order, and every kind of forgery. The totals are checked after each.
@Suite("The donations ledger and its webhooks")
struct DonationLedgerTests {
    /// A donation as the card step leaves it: pending, with Stripe's PaymentIntent noted.
    static func pending(_ reference: String, amount: Int, payment: String, frequency: DonationFrequency = .once, on db: any Database)
        async throws -> Donation
    {
        let gift = DonationForm.Gift(
            amount: Money(minorUnits: amount, currency: "USD"), feeCover: 0, frequency: frequency, provider: .stripe, name: "Ann",
            email: "ann@example.org", message: "", anonymous: false, listPublicly: true)
        let donation = try await DonationStore.create(
            .init(reference: reference, gift: gift, donorKey: String(repeating: "a", count: 32)), now: TestClock.start, on: db)
        try await DonationStore.attach(
            donation.id, payment: payment, subscription: frequency.isRecurring ? "sub_\(reference)" : nil, customer: "cus_1", on: db)
        return donation
    }

    static func event(_ id: String, _ type: String, _ object: String, created: Int = Int(TestClock.start.timeIntervalSince1970)) -> String {
        #"{"id":"\#(id)","object":"event","type":"\#(type)","created":\#(created),"data":{"object":\#(object)}}"#
    }

    static func deliver(
        _ payload: String, secret: String = DonationTesting.webhookSecret, timestamp: Int = Int(TestClock.start.timeIntervalSince1970),
        header: String? = nil, to client: some TestClientProtocol
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[.init("Stripe-Signature")!] =
            header ?? StripeSignature.header(payload: Data(payload.utf8), timestamp: timestamp, secret: secret)
        return try await client.execute(uri: SiteURL.webhookStripe.path, method: .post, headers: headers, body: ByteBuffer(string: payload))
    }

    static func net(on db: any Database) async throws -> Int {
        try await DonationStore.monthlyTotals(since: .distantPast, on: db).reduce(0) { $0 + $1.netMinorUnits }
    }

    @Test("A replay, the same event twice 50 ms apart, and a refund before its payment: every total stays right")
    func replaysAndOrder() async throws {
        let app = try await DonationTesting.app()
        try await app.run { client in
            let db = try app.db()
            let first = try await Self.pending("GZ-A", amount: 1000, payment: "pi_A", on: db)
            let second = try await Self.pending("GZ-B", amount: 2000, payment: "pi_B", on: db)
            let succeededA = Self.event("evt_1", "payment_intent.succeeded", #"{"id":"pi_A","metadata":{"reference":"GZ-A"}}"#)
            let response = try await Self.deliver(succeededA, to: client)
            #expect(response.status == .ok && response.text.contains(#""duplicate":false"#))
            // A replay of the very same delivery is recognised and changes nothing.
            let replay = try await Self.deliver(succeededA, to: client)
            #expect(replay.status == .ok && replay.text.contains(#""duplicate":true"#))
            #expect(try await Self.net(on: db) == 1000)

            // The same event delivered twice, 50 ms apart, while the first is still being handled.
            let succeededB = Self.event("evt_2", "payment_intent.succeeded", #"{"id":"pi_B","metadata":{}}"#)
            async let one = Self.deliver(succeededB, to: client)
            try await Task.sleep(for: .milliseconds(50))
            async let two = Self.deliver(succeededB, to: client)
            let answers = try await [one.text, two.text]
            #expect(answers.filter { $0.contains(#""duplicate":true"#) }.count == 1)
            #expect(try await Self.net(on: db) == 3000)
            #expect(try await DonationTesting.receipts(to: "ann@example.org", on: db).count == 2)

            // A refund for a third gift arrives before its success: the money counts once, less the refund.
            let third = try await Self.pending("GZ-C", amount: 5000, payment: "pi_C", on: db)
            _ = try await Self.deliver(
                Self.event("evt_3", "charge.refunded", #"{"id":"ch_C","payment_intent":"pi_C","amount_refunded":1500}"#), to: client)
            _ = try await Self.deliver(Self.event("evt_4", "payment_intent.succeeded", #"{"id":"pi_C","metadata":{}}"#), to: client)
            // An older refund total arriving late does not undo the newer one.
            _ = try await Self.deliver(
                Self.event("evt_5", "charge.refunded", #"{"id":"ch_C","payment_intent":"pi_C","amount_refunded":500}"#), to: client)
            let refunded = try #require(try await DonationStore.find(third.id, on: db))
            #expect(refunded.status == .partiallyRefunded && refunded.facts.refundedMinorUnits == 1500)
            // The refund proved the payment: its receipt went out then, and only then.
            #expect(try await DonationTesting.receipts(to: "ann@example.org", on: db).count == 3)
            #expect(try await Self.net(on: db) == 1000 + 2000 + 3500)
            // A full refund of the first.
            _ = try await Self.deliver(
                Self.event("evt_6", "charge.refunded", #"{"id":"ch_A","payment_intent":"pi_A","amount_refunded":1000}"#), to: client)
            #expect(try await DonationStore.find(first.id, on: db)?.status == .refunded)
            #expect(try await DonationStore.find(second.id, on: db)?.status == .completed)
            #expect(try await Self.net(on: db) == 2000 + 3500)
            // Every event is in the gift's history, once.
            #expect(try await DonationStore.events(of: third.id, on: db).map(\.eventID) == ["evt_3", "evt_4", "evt_5"])
        }
    }

    @Test("Renewals of a monthly gift are payments of their own; the end of the subscription stops its revenue")
    func renewals() async throws {
        let app = try await DonationTesting.app()
        try await app.run { client in
            let db = try app.db()
            let head = try await Self.pending("GZ-M", amount: 1000, payment: "pi_M1", frequency: .monthly, on: db)
            let invoice = { (id: String, payment: String, reason: String) in
                Self.event(
                    id, "invoice.paid",
                    #"{"id":"in_\#(id)","subscription":"sub_GZ-M","payment_intent":"\#(payment)","amount_paid":1000,"currency":"usd","billing_reason":"\#(reason)"}"#
                )
            }
            _ = try await Self.deliver(invoice("evt_10", "pi_M1", "subscription_create"), to: client)
            // Stripe also sends invoice.payment_succeeded for the same invoice: no double count.
            _ = try await Self.deliver(
                Self.event(
                    "evt_11", "invoice.payment_succeeded",
                    #"{"id":"in_1","subscription":"sub_GZ-M","payment_intent":"pi_M1","amount_paid":1000,"currency":"usd","billing_reason":"subscription_create"}"#
                ),
                to: client)
            _ = try await Self.deliver(invoice("evt_12", "pi_M2", "subscription_cycle"), to: client)
            _ = try await Self.deliver(invoice("evt_12", "pi_M2", "subscription_cycle"), to: client)
            #expect(try await Self.net(on: db) == 2000)
            let all = try await DonationTesting.donations(on: db)
            #expect(all.count == 2 && all.contains { $0.parentID == head.id && $0.reference == "GZ-M-2" })
            #expect(try await DonationStore.monthlyRecurring(on: db) == [Money(minorUnits: 1000, currency: "USD")])
            _ = try await Self.deliver(Self.event("evt_13", "customer.subscription.deleted", #"{"id":"sub_GZ-M"}"#), to: client)
            #expect(try await DonationStore.monthlyRecurring(on: db).isEmpty)
            #expect(try await Self.net(on: db) == 2000)
        }
    }

    @Test("Forged, stale, unsigned, tampered, unreadable and oversized deliveries are refused and change no total")
    func forgeries() async throws {
        let app = try await DonationTesting.app()
        try await app.run { client in
            let db = try app.db()
            _ = try await Self.pending("GZ-F", amount: 1000, payment: "pi_F", on: db)
            let payload = Self.event("evt_20", "payment_intent.succeeded", #"{"id":"pi_F","metadata":{}}"#)
            let now = Int(TestClock.start.timeIntervalSince1970)
            let attempts: [(String, TestResponse)] = [
                ("another secret", try await Self.deliver(payload, secret: "whsec_guess", to: client)),
                ("six minutes old", try await Self.deliver(payload, timestamp: now - 360, to: client)),
                ("no header", try await Self.deliver(payload, header: "", to: client)),
                (
                    "tampered",
                    try await Self.deliver(
                        payload.replacingOccurrences(of: "pi_F", with: "pi_G"),
                        header: StripeSignature.header(payload: Data(payload.utf8), timestamp: now, secret: DonationTesting.webhookSecret),
                        to: client)
                ),
                ("not an event", try await Self.deliver(#"{"hello":"world"}"#, to: client)),
                ("2 MB", try await Self.deliver(String(repeating: "x", count: 2 * 1024 * 1024), to: client)),
            ]
            for (what, response) in attempts {
                #expect(response.status == .badRequest || response.status == .contentTooLarge, "\(what): \(response.status)")
                #expect(response.headers[.contentType] == "application/problem+json", "\(what)")
            }
            #expect(try await Self.net(on: db) == 0)
            #expect(try await DonationTesting.donations(on: db).first?.status == .pending)
        }
    }

    @Test("Bad amounts and choices come back to the form with a message, and nothing is stored")
    func badForms() async throws {
        let app = try await DonationTesting.app()
        try await app.run { client in
            let db = try app.db()
            let cases: [([(String, String)], String)] = [
                (DonationTesting.form(amount: "-5"), "Enter the amount as a number"),
                (DonationTesting.form(amount: "1e9"), "Enter the amount as a number"),
                (DonationTesting.form(amount: "ten"), "Enter the amount as a number"),
                (DonationTesting.form(amount: "1000000"), "The largest gift online is $100.00."),
                (DonationTesting.form(amount: "2"), "The smallest gift is $5.00."),
                (DonationTesting.form(amount: "10.555"), "USD amounts have at most 2 decimals."),
                (DonationTesting.form(currency: "XYZ"), "Choose one of: USD, EUR."),
                (DonationTesting.form(provider: "paypal"), "Choose how to pay: Card."),
                (DonationTesting.form(email: "not-an-address"), "email"),
            ]
            for (fields, message) in cases {
                let response = try await client.execute(
                    uri: SiteURL.donateCheckout.path, method: .post, headers: formHeaders, body: formBody(fields)
                ) { $0 }
                #expect(response.status == .unprocessableContent, "\(fields)")
                #expect(response.text.contains(message), "\(fields): \(message)")
                // What the reader typed is still there.
                #expect(
                    response.text.contains("value=\"ann@example.org\"") || fields.contains { $0.0 == "email" && $0.1 == "not-an-address" })
            }
            #expect(try await DonationTesting.donations(on: db).isEmpty)
            // From another site's page, the form is refused outright.
            var foreign = formHeaders
            foreign[.origin] = "https://evil.example"
            let cross = try await client.execute(
                uri: SiteURL.donateCheckout.path, method: .post, headers: foreign, body: formBody(DonationTesting.form())
            ) { $0.status }
            #expect(cross == .forbidden)
        }
    }

    @Test("Supporters are listed only with their consent; the back office's filters and search find what they say")
    func supportersAndFilters() async throws {
        let app = try await DonationTesting.app()
        try await app.run { client in
            let db = try app.db()
            func gift(
                _ reference: String, name: String, amount: Int, currency: String, frequency: DonationFrequency, list: Bool, anonymous: Bool
            )
                async throws -> Donation
            {
                let gift = DonationForm.Gift(
                    amount: Money(minorUnits: amount, currency: currency), feeCover: 0, frequency: frequency, provider: .stripe, name: name,
                    email: "\(reference.lowercased())@example.org", message: "For the <river> desk", anonymous: anonymous,
                    listPublicly: list && !anonymous)
                let donation = try await DonationStore.create(
                    .init(reference: reference, gift: gift, donorKey: String(repeating: "b", count: 32)), now: TestClock.start, on: db)
                try await DonationStore.attach(donation.id, payment: "pi_\(reference)", subscription: nil, customer: nil, on: db)
                return donation
            }
            _ = try await gift("GZ-P1", name: "Pat Public", amount: 1000, currency: "USD", frequency: .once, list: true, anonymous: false)
            _ = try await gift(
                "GZ-P2", name: "Quinn Quiet", amount: 2000, currency: "EUR", frequency: .monthly, list: false, anonymous: false)
            _ = try await gift("GZ-P3", name: "Avery Anon", amount: 3000, currency: "USD", frequency: .once, list: true, anonymous: true)
            _ = try await gift("GZ-P4", name: "Pending Pia", amount: 4000, currency: "USD", frequency: .once, list: true, anonymous: false)
            for (number, reference) in ["GZ-P1", "GZ-P2", "GZ-P3"].enumerated() {
                _ = try await Self.deliver(
                    Self.event("evt_p\(number)", "payment_intent.succeeded", #"{"id":"pi_\#(reference)","metadata":{}}"#), to: client)
            }
            let supporters = try await client.execute(uri: SiteURL.supporters.path, method: .get) { $0.text }
            #expect(supporters.contains("Pat Public") && supporters.contains("For the &lt;river&gt; desk"))
            #expect(!supporters.contains("Quinn") && !supporters.contains("Avery") && !supporters.contains("Pending Pia"))

            let owner = try await app.staff(.owner)
            func listed(_ query: DonationListQuery) async throws -> Set<String> {
                let page = try await client.execute(uri: AdminURL.donations(query).path, method: .get, headers: owner.headers) { $0.text }
                return Set(["GZ-P1", "GZ-P2", "GZ-P3", "GZ-P4"].filter { page.contains(">\($0)</a>") })
            }
            #expect(try await listed(.init()) == ["GZ-P1", "GZ-P2", "GZ-P3", "GZ-P4"])
            #expect(try await listed(.init(status: .pending)) == ["GZ-P4"])
            #expect(try await listed(.init(currency: "EUR")) == ["GZ-P2"])
            #expect(try await listed(.init(recurring: true)) == ["GZ-P2"])
            #expect(try await listed(.init(search: "avery")) == ["GZ-P3"])
            #expect(try await listed(.init(provider: .paypal)).isEmpty)
            #expect(try await listed(.init(from: "2026-11-25")).isEmpty)
            #expect(try await listed(.init(from: "2026-11-24", to: "2026-11-24")).count == 4)
            // The CSV neutralises a name a spreadsheet would run as a formula.
            _ = try await gift(
                "GZ-P5", name: "=HYPERLINK(\"http://evil.example\")", amount: 500, currency: "USD", frequency: .once, list: false,
                anonymous: false)
            let csv = try await client.execute(uri: AdminURL.donationsCSV().path, method: .get, headers: owner.headers) { $0.text }
            #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""))
            // Staff without the donations permission are refused.
            let author = try await app.staff(.author)
            let refused = try await client.execute(uri: AdminURL.donations().path, method: .get, headers: author.headers) { $0.status }
            #expect(refused == .forbidden)
        }
    }
}
