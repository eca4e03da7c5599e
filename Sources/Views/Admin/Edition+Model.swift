import Domain
import Routes

/// The edition editor and its sending view.
public struct EditionPageModel: Equatable, Sendable {
    public var chrome: AdminChrome
    public var id: Edition.ID?
    public var newsletterID: Newsletter.ID
    public var newsletterName: String
    public var audience: Int
    public var form: EditionForm
    public var kind: String
    public var status: Edition.Status
    public var scheduledAt: String
    public var scheduledLabel: String?
    public var progress: EditionProgress
    public var errors: FormErrors<EditionForm.Field>
    public var scheduleError: String?
    public var staffEmail: String

    public init(
        chrome: AdminChrome, id: Edition.ID?, newsletterID: Newsletter.ID, newsletterName: String, audience: Int, form: EditionForm,
        kind: String, status: Edition.Status, scheduledAt: String, scheduledLabel: String?, progress: EditionProgress,
        errors: FormErrors<EditionForm.Field>, scheduleError: String?, staffEmail: String
    ) {
        self.chrome = chrome
        self.id = id
        self.newsletterID = newsletterID
        self.newsletterName = newsletterName
        self.audience = audience
        self.form = form
        self.kind = kind
        self.status = status
        self.scheduledAt = scheduledAt
        self.scheduledLabel = scheduledLabel
        self.progress = progress
        self.errors = errors
        self.scheduleError = scheduleError
        self.staffEmail = staffEmail
    }
}

/// One page of an edition's send log.
public struct EditionLogModel: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var email: String
        public var status: DeliveryStatus
        public var attempts: Int
        public var detail: String

        public init(email: String, status: DeliveryStatus, attempts: Int, detail: String) {
            self.email = email
            self.status = status
            self.attempts = attempts
            self.detail = detail
        }
    }

    public var chrome: AdminChrome
    public var id: Edition.ID
    public var subject: String
    public var entries: [Entry]
    public var query: EditionLogQuery
    public var total: Int
    public var pager: PagerModel

    public init(
        chrome: AdminChrome, id: Edition.ID, subject: String, entries: [Entry], query: EditionLogQuery, total: Int, pager: PagerModel
    ) {
        self.chrome = chrome
        self.id = id
        self.subject = subject
        self.entries = entries
        self.query = query
        self.total = total
        self.pager = pager
    }

    var filterOptions: [SelectOption] {
        [SelectOption(value: "", label: "Everything")] + DeliveryStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) }
    }
}
