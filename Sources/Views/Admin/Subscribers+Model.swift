import Domain
import Routes

/// The subscriber list with its filters, export and import.
public struct SubscriberListModel: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var id: Subscriber.ID
        public var email: String
        public var name: String
        public var status: String
        public var statusKey: String
        public var newsletters: String
        public var consent: String
        public var since: String
        public var isSuppressed: Bool

        public init(
            id: Subscriber.ID, email: String, name: String, status: String, statusKey: String, newsletters: String, consent: String,
            since: String, isSuppressed: Bool
        ) {
            self.id = id
            self.email = email
            self.name = name
            self.status = status
            self.statusKey = statusKey
            self.newsletters = newsletters
            self.consent = consent
            self.since = since
            self.isSuppressed = isSuppressed
        }
    }

    public var chrome: AdminChrome
    public var rows: [Row]
    public var total: Int
    public var query: SubscriberListQuery
    public var statusOptions: [SelectOption]
    /// Every newsletter (the filter adds "any").
    public var newsletters: [SelectOption]
    public var pager: PagerModel
    /// Why the last import was refused.
    public var importError: String?

    public init(
        chrome: AdminChrome, rows: [Row], total: Int, query: SubscriberListQuery, statusOptions: [SelectOption],
        newsletters: [SelectOption],
        pager: PagerModel, importError: String?
    ) {
        self.chrome = chrome
        self.rows = rows
        self.total = total
        self.query = query
        self.statusOptions = statusOptions
        self.newsletters = newsletters
        self.pager = pager
        self.importError = importError
    }
}

/// What an import did.
public struct ImportReportModel: Equatable, Sendable {
    public struct Rejected: Equatable, Sendable {
        public var line: Int
        public var reason: String

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    public var chrome: AdminChrome
    public var added: Int
    public var updated: Int
    public var suppressed: [String]
    public var unsubscribed: [String]
    public var rejected: [Rejected]

    public init(chrome: AdminChrome, added: Int, updated: Int, suppressed: [String], unsubscribed: [String], rejected: [Rejected]) {
        self.chrome = chrome
        self.added = added
        self.updated = updated
        self.suppressed = suppressed
        self.unsubscribed = unsubscribed
        self.rejected = rejected
    }
}
