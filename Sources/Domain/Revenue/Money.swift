/// An amount in a currency, in the currency's smallest unit (cents), so sums are exact.
public struct Money: Equatable, Hashable, Sendable, Codable {
    public var minorUnits: Int
    /// ISO 4217 code, upper case ("USD").
    public var currency: String

    public init(minorUnits: Int, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency.uppercased()
    }

    /// Currencies without a minor unit (an amount of 500 JPY is 500, not 5.00).
    static let wholeUnitCurrencies: Set<String> = ["JPY", "KRW", "CLP", "ISK", "VND", "XAF", "XOF", "HUF", "TWD", "UGX"]

    /// How many decimal places the currency shows.
    public var decimals: Int { Self.wholeUnitCurrencies.contains(currency) ? 0 : 2 }

    /// "$1,234.50", "€12.00", "£3.00", "CHF 12.00", "¥500": the symbol where readers know it, the
    /// code otherwise.
    public var formatted: String {
        let symbol: String
        switch currency {
        case "USD": symbol = "$"
        case "EUR": symbol = "€"
        case "GBP": symbol = "£"
        case "JPY": symbol = "¥"
        default: symbol = currency + " "
        }
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        guard decimals > 0 else { return sign + symbol + Self.grouped(magnitude) }
        let whole = magnitude / 100
        let cents = magnitude % 100
        return sign + symbol + Self.grouped(whole) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// "12.50" for 1250 USD, "500" for 500 JPY: the amount as forms, CSV files and payment
    /// providers' APIs write it (no symbol, no grouping).
    public var plain: String {
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        guard decimals > 0 else { return sign + String(magnitude) }
        let cents = magnitude % 100
        return sign + String(magnitude / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    static func grouped(_ number: UInt) -> String {
        let digits = Array(String(number))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
