import Foundation

/// The donation form (the `/donate/` page and the quick-donate box): what the reader chose, as
/// typed, checked by `validate` against the newsroom's settings.
public struct DonationForm: Equatable, Sendable {
    public enum Field: String, FormField, CaseIterable {
        case amount, preset, slider, currency, frequency, provider
        case coverFees = "cover_fees"
        case donorName = "name"
        case email, message
        case anonymous
        case listPublicly = "list_publicly"
        case website
    }

    public var amount: String
    public var currency: String
    public var frequency: String
    public var provider: String
    public var coverFees: Bool
    public var name: String
    public var email: String
    public var message: String
    public var anonymous: Bool
    public var listPublicly: Bool

    public init(
        amount: String = "", currency: String = "", frequency: String = DonationFrequency.once.rawValue,
        provider: String = DonationProvider.stripe.rawValue, coverFees: Bool = false, name: String = "", email: String = "",
        message: String = "", anonymous: Bool = false, listPublicly: Bool = false
    ) {
        self.amount = amount
        self.currency = currency
        self.frequency = frequency
        self.provider = provider
        self.coverFees = coverFees
        self.name = name
        self.email = email
        self.message = message
        self.anonymous = anonymous
        self.listPublicly = listPublicly
    }

    /// The form as submitted. A typed amount wins over a preset button.
    public init(_ form: some FormValues) {
        // A typed amount wins over a preset, a preset over the slider.
        let typed = form.trimmed(Field.amount)
        let preset = form.trimmed(Field.preset)
        let chosen = !typed.isEmpty ? typed : (!preset.isEmpty && preset != "other") ? preset : form.trimmed(Field.slider)
        self.init(
            amount: chosen, currency: form.trimmed(Field.currency).uppercased(),
            frequency: form.trimmed(Field.frequency), provider: form.trimmed(Field.provider), coverFees: form.isChecked(Field.coverFees),
            name: String(form.trimmed(Field.donorName).prefix(120)), email: EmailAddress.normalise(form[Field.email]),
            message: String(form.trimmed(Field.message).prefix(500)), anonymous: form.isChecked(Field.anonymous),
            listPublicly: form.isChecked(Field.listPublicly))
    }

    /// A checked gift, ready for the provider.
    public struct Gift: Equatable, Sendable {
        public var amount: Money
        /// The extra for the provider's fee, already inside `total`.
        public var feeCover: Int
        public var frequency: DonationFrequency
        public var provider: DonationProvider
        public var name: String
        public var email: String
        public var message: String
        public var anonymous: Bool
        public var listPublicly: Bool

        public init(
            amount: Money, feeCover: Int, frequency: DonationFrequency, provider: DonationProvider, name: String, email: String,
            message: String, anonymous: Bool, listPublicly: Bool
        ) {
            self.amount = amount
            self.feeCover = feeCover
            self.frequency = frequency
            self.provider = provider
            self.name = name
            self.email = email
            self.message = message
            self.anonymous = anonymous
            self.listPublicly = listPublicly
        }

        /// What is charged: the gift plus the fee cover.
        public var total: Money { Money(minorUnits: amount.minorUnits + feeCover, currency: amount.currency) }
    }

    /// The gift, or what to fix, field by field. `providers` are the ones switched on.
    public func validate(settings: SiteSettings, providers: [DonationProvider]) -> Result<Gift, FormErrors<Field>> {
        var errors = FormErrors<Field>()
        let currencies = settings.donationCurrencies
        let code = currency.isEmpty ? (currencies.first ?? "USD") : currency
        if !currencies.contains(code) {
            errors[.currency] = "Choose one of: \(currencies.joined(separator: ", "))."
        }
        var money: Money?
        switch DonationAmount.parse(amount, currency: code) {
        case .success(let parsed):
            if let problem = DonationAmount.check(parsed, minimum: settings.donationMinimum, maximum: settings.donationMaximum) {
                errors[.amount] = problem.message
            } else {
                money = parsed
            }
        case .failure(let problem): errors[.amount] = amount.isEmpty ? "Choose or type an amount." : problem.message
        }
        let frequency = DonationFrequency(rawValue: self.frequency.isEmpty ? "once" : self.frequency)
        if frequency == nil { errors[.frequency] = "Choose one time, monthly or every year." }
        let provider = DonationProvider(rawValue: self.provider)
        if provider == nil || !providers.contains(provider!) {
            errors[.provider] =
                providers.isEmpty
                ? "Online giving is not switched on yet. Please contact the newsroom."
                : "Choose how to pay: \(providers.map(\.label).joined(separator: " or "))."
        }
        if let provider, provider == .paypal, frequency?.isRecurring == true {
            errors[.frequency] = "Monthly and yearly gifts are by card; PayPal takes one-time gifts."
        }
        if let problem = EmailAddress.problem(email) { errors[.email] = problem }
        guard errors.isEmpty, let money, let frequency, let provider else { return .failure(errors) }
        let cover = coverFees ? ProcessingFee.standard(for: provider).cover(money.minorUnits) : 0
        return .success(
            Gift(
                amount: money, feeCover: cover, frequency: frequency, provider: provider, name: name, email: email, message: message,
                anonymous: anonymous, listPublicly: listPublicly && !anonymous))
    }
}
