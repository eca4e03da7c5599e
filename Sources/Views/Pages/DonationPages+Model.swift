import Domain
import Routes

/// `/donate/`: the form, filled in again with what needs fixing.
public struct DonateFormModel: Equatable, Sendable {
    public var chrome: SiteChrome
    /// The newsroom's own words about giving (the "donate" page's body, already allow-listed).
    public var intro: HTML?
    public var presets: [Int]
    public var minimum: Int
    public var maximum: Int
    public var currencies: [String]
    public var providers: [DonationProvider]
    public var form: DonationForm
    public var problems: [String: String]
    /// A provider's refusal or outage, shown above the form.
    public var notice: String?

    public init(
        chrome: SiteChrome, intro: HTML?, presets: [Int], minimum: Int, maximum: Int, currencies: [String], providers: [DonationProvider],
        form: DonationForm, problems: [String: String] = [:], notice: String? = nil
    ) {
        self.chrome = chrome
        self.intro = intro
        self.presets = presets
        self.minimum = minimum
        self.maximum = maximum
        self.currencies = currencies
        self.providers = providers
        self.form = form
        self.problems = problems
        self.notice = notice
    }
}

/// What a gift amounts to, as the payment steps and the thank-you page say it.
public struct GiftSummary: Equatable, Sendable {
    /// "$10.62 every month".
    public var total: String
    /// "Includes $0.62 so the card fee does not come out of your gift", when covered.
    public var feeNote: String?
    public var frequency: DonationFrequency

    public init(total: String, feeNote: String?, frequency: DonationFrequency) {
        self.total = total
        self.feeNote = feeNote
        self.frequency = frequency
    }

    public init(_ donation: Donation) {
        let total = donation.recurringAmount ?? donation.amount
        let suffix =
            switch donation.frequency {
            case .once: ""
            case .monthly: " every month"
            case .annual: " every year"
            }
        let fee = Money(minorUnits: donation.feeCoverMinorUnits, currency: donation.amount.currency)
        self.init(
            total: total.formatted + suffix,
            feeNote: donation.feeCoverMinorUnits > 0
                ? "Includes \(fee.formatted) so the \(donation.provider == .stripe ? "card" : "PayPal") fee does not come out of your gift."
                : nil,
            frequency: donation.frequency)
    }
}

/// The card step: Stripe's card field, and where our script sends the confirmed card.
public struct DonateCardStepModel: Equatable, Sendable {
    public var chrome: SiteChrome
    public var summary: GiftSummary
    public var donorName: String
    public var donorEmail: String
    public var publishableKey: String
    public var clientSecret: String
    public var scriptURL: String
    public var confirm: SiteURL
    public var thanks: SiteURL
    /// The amount and currency for the wallet buttons (Apple Pay, Google Pay) where offered.
    public var walletAmount: Money
    public var country: String
    public var heading: String

    public init(
        chrome: SiteChrome, summary: GiftSummary, donorName: String, donorEmail: String, publishableKey: String, clientSecret: String,
        scriptURL: String, confirm: SiteURL, thanks: SiteURL, walletAmount: Money, country: String = "US",
        heading: String = "Your card"
    ) {
        self.country = country
        self.chrome = chrome
        self.summary = summary
        self.donorName = donorName
        self.donorEmail = donorEmail
        self.publishableKey = publishableKey
        self.clientSecret = clientSecret
        self.scriptURL = scriptURL
        self.confirm = confirm
        self.thanks = thanks
        self.walletAmount = walletAmount
        self.heading = heading
    }
}

/// The thank-you page: the gift and the state the ledger knows of it.
public struct DonationThanksModel: Equatable, Sendable {
    public var chrome: SiteChrome
    public var summary: GiftSummary
    public var status: DonationStatus
    public var reference: String
    public var email: String
    public var manage: SiteURL

    public init(chrome: SiteChrome, summary: GiftSummary, status: DonationStatus, reference: String, email: String, manage: SiteURL) {
        self.chrome = chrome
        self.summary = summary
        self.status = status
        self.reference = reference
        self.email = email
        self.manage = manage
    }
}

/// One gift on the donor's own page.
public struct DonorGift: Equatable, Sendable {
    public var reference: String
    public var date: String
    public var summary: GiftSummary
    public var status: DonationStatus
    public var refunded: String?
    public var receipt: SiteURL?
    /// For a running recurring gift: where to change its amount, card, or stop it.
    public var changeAmount: SiteURL?
    public var changeCard: SiteURL?
    public var cancel: SiteURL?
    public var isCancelled: Bool
    public var currentAmount: String

    public init(
        reference: String, date: String, summary: GiftSummary, status: DonationStatus, refunded: String?, receipt: SiteURL?,
        changeAmount: SiteURL?, changeCard: SiteURL?, cancel: SiteURL?, isCancelled: Bool, currentAmount: String
    ) {
        self.reference = reference
        self.date = date
        self.summary = summary
        self.status = status
        self.refunded = refunded
        self.receipt = receipt
        self.changeAmount = changeAmount
        self.changeCard = changeCard
        self.cancel = cancel
        self.isCancelled = isCancelled
        self.currentAmount = currentAmount
    }
}

/// `/donate/manage/…`: a donor's giving, from the link in their receipts.
public struct DonorHomeModel: Equatable, Sendable {
    public var chrome: SiteChrome
    public var email: String
    public var gifts: [DonorGift]
    public var notice: String?
    public var problem: String?

    public init(chrome: SiteChrome, email: String, gifts: [DonorGift], notice: String? = nil, problem: String? = nil) {
        self.chrome = chrome
        self.email = email
        self.gifts = gifts
        self.notice = notice
        self.problem = problem
    }
}

/// A receipt to keep: what, when, by whom, to whom.
public struct DonationReceiptModel: Equatable, Sendable {
    public var organisation: String
    public var address: String
    public var siteURL: String
    public var donor: String
    public var email: String
    public var amount: String
    public var refunded: String?
    public var date: String
    public var reference: String
    public var providerReference: String
    public var method: String

    public init(
        organisation: String, address: String, siteURL: String, donor: String, email: String, amount: String, refunded: String?,
        date: String, reference: String, providerReference: String, method: String
    ) {
        self.organisation = organisation
        self.address = address
        self.siteURL = siteURL
        self.donor = donor
        self.email = email
        self.amount = amount
        self.refunded = refunded
        self.date = date
        self.reference = reference
        self.providerReference = providerReference
        self.method = method
    }
}

/// `/supporters/`: donors who agreed to be named, with their messages.
public struct SupportersModel: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var message: String
        public var month: String

        public init(name: String, message: String, month: String) {
            self.name = name
            self.message = message
            self.month = month
        }
    }

    public var chrome: SiteChrome
    public var entries: [Entry]

    public init(chrome: SiteChrome, entries: [Entry]) {
        self.chrome = chrome
        self.entries = entries
    }
}
