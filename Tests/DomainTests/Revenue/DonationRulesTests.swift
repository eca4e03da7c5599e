import Domain
import Testing

@Suite("Donation amounts, fees and the payment state machine")
struct DonationRulesTests {
    @Test("Amounts are read exactly into minor units; anything else is refused with a reason")
    func parsing() throws {
        #expect(try DonationAmount.parse("10", currency: "USD").get() == Money(minorUnits: 1000, currency: "USD"))
        #expect(try DonationAmount.parse(" 12.5 ", currency: "EUR").get() == Money(minorUnits: 1250, currency: "EUR"))
        #expect(try DonationAmount.parse("1,000.05", currency: "USD").get().minorUnits == 100_005)
        #expect(try DonationAmount.parse("500", currency: "JPY").get().minorUnits == 500)
        for bad in ["-5", "ten", "1e9", "", "5.", ".", "1.234", "０", "5 5", "+5", "0x10", "9999999999"] {
            #expect(throws: DomainError.self, "\(bad)") { try DonationAmount.parse(bad, currency: "USD").get() }
        }
        #expect(throws: DomainError.self) { try DonationAmount.parse("5.5", currency: "JPY").get() }
    }

    @Test("The smallest and largest gift are checked in the currency's own units")
    func limits() {
        #expect(
            DonationAmount.check(Money(minorUnits: 499, currency: "USD"), minimum: 5, maximum: 100)?.message
                == "The smallest gift is $5.00.")
        #expect(
            DonationAmount.check(Money(minorUnits: 10_001, currency: "USD"), minimum: 5, maximum: 100)?.message
                == "The largest gift online is $100.00.")
        #expect(DonationAmount.check(Money(minorUnits: 500, currency: "USD"), minimum: 5, maximum: 100) == nil)
        #expect(DonationAmount.check(Money(minorUnits: 5, currency: "JPY"), minimum: 5, maximum: 100) == nil)
    }

    @Test("Covering the fee leaves the newsroom the whole gift after the provider takes its share")
    func feeCover() {
        let stripe = ProcessingFee.standard(for: .stripe)
        for gift in [500, 1000, 1250, 2500, 10_000] {
            let total = gift + stripe.cover(gift)
            let kept = total - (total * stripe.basisPoints + 9_999) / 10_000 - stripe.fixedMinorUnits
            #expect(kept >= gift && kept <= gift + 1, "gift \(gift): total \(total) keeps \(kept)")
        }
        #expect(stripe.cover(1000) == 61)
        #expect(ProcessingFee.standard(for: .paypal).cover(1000) == 87)
    }

    @Test("Payment facts only grow, so any order of events ends in the same state")
    func stateMachine() {
        var facts = PaymentFacts(amountMinorUnits: 1000)
        #expect(facts.status == .pending)
        facts.apply(.failed)
        #expect(facts.status == .failed && facts.netMinorUnits == 0)
        facts.apply(.received)
        #expect(facts.status == .completed && facts.netMinorUnits == 1000)
        facts.apply(.refunded(totalMinorUnits: 300))
        #expect(facts.status == .partiallyRefunded && facts.netMinorUnits == 700)
        facts.apply(.refunded(totalMinorUnits: 200))  // an older total arriving late changes nothing
        #expect(facts.refundedMinorUnits == 300)
        facts.apply(.refunded(totalMinorUnits: 5000))
        #expect(facts.status == .refunded && facts.netMinorUnits == 0 && facts.refundedMinorUnits == 1000)

        let changes: [PaymentChange] = [.received, .refunded(totalMinorUnits: 400), .failed, .received, .refunded(totalMinorUnits: 250)]
        var forward = PaymentFacts(amountMinorUnits: 1000)
        for change in changes { forward.apply(change) }
        var backward = PaymentFacts(amountMinorUnits: 1000)
        for change in changes.reversed() { backward.apply(change) }
        #expect(forward == backward && forward.status == .partiallyRefunded && forward.netMinorUnits == 600)
        // A refund that arrives before the payment's success still counts the money as received.
        var early = PaymentFacts(amountMinorUnits: 1000)
        early.apply(.refunded(totalMinorUnits: 1000))
        #expect(early.status == .refunded && early.received)
    }

    struct Values: FormValues {
        var fields: [String: String]
        func value(_ name: String) -> String? { fields[name] }
        func values(_ name: String) -> [String] { fields[name].map { [$0] } ?? [] }
    }

    @Test("The form: the typed amount wins, then a preset, then the slider; each mistake is named")
    func form() throws {
        let settings = SiteSettings()
        let typed = DonationForm(
            Values(fields: [
                "amount": "12.50", "preset": "25", "slider": "40", "currency": "eur", "provider": "stripe", "email": "A@Example.org",
            ]))
        let gift = try typed.validate(settings: settings, providers: [.stripe]).get()
        #expect(gift.amount == Money(minorUnits: 1250, currency: "EUR") && gift.email == "a@example.org" && gift.feeCover == 0)
        #expect(DonationForm(Values(fields: ["preset": "25", "slider": "40"])).amount == "25")
        #expect(DonationForm(Values(fields: ["preset": "other", "slider": "40"])).amount == "40")

        let bad = DonationForm(
            Values(fields: ["amount": "1e9", "currency": "XYZ", "frequency": "weekly", "provider": "cash", "email": "nope"]))
        guard case .failure(let errors) = bad.validate(settings: settings, providers: [.stripe, .paypal]) else {
            Issue.record("accepted a bad form")
            return
        }
        #expect(Set(errors.all.map(\.field)) == [.amount, .currency, .frequency, .provider, .email])
        let monthlyPayPal = DonationForm(
            Values(fields: ["amount": "10", "frequency": "monthly", "provider": "paypal", "email": "a@example.org"]))
        guard case .failure(let paypal) = monthlyPayPal.validate(settings: settings, providers: [.stripe, .paypal]) else {
            Issue.record("PayPal took a monthly gift")
            return
        }
        #expect(paypal[.frequency] == "Monthly and yearly gifts are by card; PayPal takes one-time gifts.")
        let anonymous = DonationForm(
            Values(fields: [
                "amount": "10", "provider": "stripe", "email": "a@example.org", "anonymous": "on", "list_publicly": "on",
                "cover_fees": "on",
            ]))
        let hidden = try anonymous.validate(settings: settings, providers: [.stripe]).get()
        #expect(hidden.anonymous && !hidden.listPublicly && hidden.total.minorUnits == 1061)
    }
}
