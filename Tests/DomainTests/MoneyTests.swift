import Domain
import Testing

@Suite("Money")
struct MoneyTests {
    @Test(
        "Amounts read as readers expect, with the symbol they know or the code",
        arguments: [
            (Money(minorUnits: 0, currency: "usd"), "$0.00"), (Money(minorUnits: 123_450, currency: "USD"), "$1,234.50"),
            (Money(minorUnits: 1205, currency: "EUR"), "€12.05"), (Money(minorUnits: 300, currency: "GBP"), "£3.00"),
            (Money(minorUnits: 1200, currency: "CHF"), "CHF 12.00"), (Money(minorUnits: 500, currency: "JPY"), "¥500"),
            (Money(minorUnits: -250, currency: "USD"), "-$2.50"), (Money(minorUnits: 100_000_000, currency: "USD"), "$1,000,000.00"),
        ])
    func formatted(_ money: Money, _ text: String) {
        #expect(money.formatted == text)
    }

    @Test("Plain amounts carry the currency's decimals and nothing else")
    func plain() {
        #expect(Money(minorUnits: 1250, currency: "USD").plain == "12.50")
        #expect(Money(minorUnits: 1205, currency: "EUR").plain == "12.05")
        #expect(Money(minorUnits: 123_456_700, currency: "USD").plain == "1234567.00")
        #expect(Money(minorUnits: 500, currency: "JPY").plain == "500")
        #expect(Money(minorUnits: -5, currency: "USD").plain == "-0.05")
    }
}
