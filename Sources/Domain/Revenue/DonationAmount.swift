import Foundation

/// Reading an amount a reader typed ("10", "12.50") into minor units of a currency, and the rules
/// the donation form checks it against. Only digits and one decimal point are accepted: no signs,
/// exponents ("1e9"), words ("ten") or more decimals than the currency has.
public enum DonationAmount {
    /// The largest amount in whole units any form may carry, whatever the settings say: keeps
    /// every sum of minor units far inside `Int`.
    public static let hardMaximum = 1_000_000

    /// The amount in minor units, or a sentence saying what is wrong.
    public static func parse(_ text: String, currency: String) -> Result<Money, DomainError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        let decimals = Money(minorUnits: 0, currency: currency).decimals
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard !trimmed.isEmpty, parts.count <= 2, let whole = parts.first,
            !whole.isEmpty || parts.count == 2,
            whole.allSatisfy({ $0.isASCII && $0.isNumber }), whole.count <= 9
        else { return .failure(problem("Enter the amount as a number, like 10 or 12.50.")) }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }), !(parts.count == 2 && fraction.isEmpty) else {
            return .failure(problem("Enter the amount as a number, like 10 or 12.50."))
        }
        guard fraction.count <= decimals else {
            return .failure(
                problem(decimals == 0 ? "\(currency) amounts have no decimals." : "\(currency) amounts have at most \(decimals) decimals."))
        }
        while fraction.count < decimals { fraction += "0" }
        let scale = decimals == 0 ? 1 : 100
        let minor = (Int(whole.isEmpty ? "0" : String(whole)) ?? 0) * scale + (Int(fraction.isEmpty ? "0" : fraction) ?? 0)
        return .success(Money(minorUnits: minor, currency: currency))
    }

    /// Checks an amount against the smallest and largest gift (whole units) the newsroom accepts.
    public static func check(_ amount: Money, minimum: Int, maximum: Int) -> DomainError? {
        let scale = amount.decimals == 0 ? 1 : 100
        let low = Money(minorUnits: minimum * scale, currency: amount.currency)
        let high = Money(minorUnits: min(maximum, hardMaximum) * scale, currency: amount.currency)
        if amount.minorUnits < low.minorUnits { return problem("The smallest gift is \(low.formatted).") }
        if amount.minorUnits > high.minorUnits { return problem("The largest gift online is \(high.formatted).") }
        return nil
    }

    static func problem(_ message: String) -> DomainError { .invalidInput(field: "amount", message: message) }
}

/// What a provider keeps of a payment: a percentage plus a fixed part, in basis points and minor
/// units. "Add N to cover the fees" grosses the gift up so the newsroom receives the whole gift.
public struct ProcessingFee: Equatable, Sendable {
    public var basisPoints: Int
    public var fixedMinorUnits: Int

    public init(basisPoints: Int, fixedMinorUnits: Int) {
        self.basisPoints = basisPoints
        self.fixedMinorUnits = fixedMinorUnits
    }

    /// Stripe's and PayPal's published standard US rates for cards and PayPal checkout (2.9 % + 30
    /// and 3.49 % + 49 minor units), used for every currency.
    public static func standard(for provider: DonationProvider) -> ProcessingFee {
        switch provider {
        case .stripe: ProcessingFee(basisPoints: 290, fixedMinorUnits: 30)
        case .paypal: ProcessingFee(basisPoints: 349, fixedMinorUnits: 49)
        }
    }

    /// The extra that, added to `gift`, leaves the newsroom `gift` after the fee on the total:
    /// total = ⌈(gift + fixed) ÷ (1 − rate)⌉, extra = total − gift. Integer arithmetic only.
    public func cover(_ gift: Int) -> Int {
        let numerator = (gift + fixedMinorUnits) * 10_000
        let denominator = 10_000 - basisPoints
        let total = (numerator + denominator - 1) / denominator
        return total - gift
    }
}
