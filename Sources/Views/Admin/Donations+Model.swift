import Domain
import Routes

/// `/admin/donations`: the ledger with filters, the figures and the chart.
public struct DonationListModel: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var id: Donation.ID
        public var reference: String
        public var date: String
        public var donor: String
        public var email: String
        public var amount: String
        public var refunded: String?
        public var status: DonationStatus
        public var frequency: DonationFrequency
        public var provider: DonationProvider
        /// "Running" / "Stopped" for the first gift of a recurring series.
        public var series: String?

        public init(
            id: Donation.ID, reference: String, date: String, donor: String, email: String, amount: String, refunded: String?,
            status: DonationStatus, frequency: DonationFrequency, provider: DonationProvider, series: String?
        ) {
            self.id = id
            self.reference = reference
            self.date = date
            self.donor = donor
            self.email = email
            self.amount = amount
            self.refunded = refunded
            self.status = status
            self.frequency = frequency
            self.provider = provider
            self.series = series
        }
    }

    /// One bar of the chart: a month's net total in one currency.
    public struct Bar: Equatable, Sendable {
        public var month: String
        public var currency: String
        public var minorUnits: Int
        public var label: String

        public init(month: String, currency: String, minorUnits: Int, label: String) {
            self.month = month
            self.currency = currency
            self.minorUnits = minorUnits
            self.label = label
        }
    }

    public var chrome: AdminChrome
    public var table: [Row]
    public var total: Int
    public var query: DonationListQuery
    public var currencies: [String]
    /// The months the chart covers, oldest first ("2026-01").
    public var months: [String]
    public var bars: [Bar]
    /// Monthly recurring revenue per currency ("$120.00").
    public var recurring: [String]
    public var pager: PagerModel

    public init(
        chrome: AdminChrome, table: [Row], total: Int, query: DonationListQuery, currencies: [String], months: [String], bars: [Bar],
        recurring: [String], pager: PagerModel
    ) {
        self.chrome = chrome
        self.table = table
        self.total = total
        self.query = query
        self.currencies = currencies
        self.months = months
        self.bars = bars
        self.recurring = recurring
        self.pager = pager
    }
}

/// `/admin/donations/{id}`: one gift, its series and every provider event about it.
public struct DonationShowModel: Equatable, Sendable {
    public struct Event: Equatable, Sendable {
        public var date: String
        public var type: String
        public var eventID: String
        public var summary: String

        public init(date: String, type: String, eventID: String, summary: String) {
            self.date = date
            self.type = type
            self.eventID = eventID
            self.summary = summary
        }
    }

    public var chrome: AdminChrome
    public var row: DonationListModel.Row
    /// Label and value pairs: provider ids, fee cover, message, consent.
    public var facts: [(String, String)]
    public var events: [Event]
    public var related: [DonationListModel.Row]

    public init(
        chrome: AdminChrome, row: DonationListModel.Row, facts: [(String, String)], events: [Event], related: [DonationListModel.Row]
    ) {
        self.chrome = chrome
        self.row = row
        self.facts = facts
        self.events = events
        self.related = related
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.chrome == rhs.chrome && lhs.row == rhs.row && lhs.facts.map { $0.0 + "\u{0}" + $0.1 } == rhs.facts.map { $0.0 + "\u{0}" + $0.1 }
            && lhs.events == rhs.events && lhs.related == rhs.related
    }
}
