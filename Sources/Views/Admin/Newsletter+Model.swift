import Domain
import Routes

/// `/admin/newsletter`: subscriber figures, the newsletters and the editions.
public struct NewsletterOverviewModel: Equatable, Sendable {
    /// A newsletter and how many readers it reaches.
    public struct Row: Equatable, Sendable {
        public var id: Newsletter.ID
        public var name: String
        public var schedule: String
        public var audience: Int
        public var isDefault: Bool

        public init(id: Newsletter.ID, name: String, schedule: String, audience: Int, isDefault: Bool) {
            self.id = id
            self.name = name
            self.schedule = schedule
            self.audience = audience
            self.isDefault = isDefault
        }
    }

    /// How many subscribers stand where.
    public struct Count: Equatable, Sendable {
        public var status: SubscriberListQuery.Status
        public var count: Int

        public init(status: SubscriberListQuery.Status, count: Int) {
            self.status = status
            self.count = count
        }
    }

    public var chrome: AdminChrome
    public var counts: [Count]
    public var newsletters: [Row]
    public var editions: [EditionRowModel]

    public init(chrome: AdminChrome, counts: [Count], newsletters: [Row], editions: [EditionRowModel]) {
        self.chrome = chrome
        self.counts = counts
        self.newsletters = newsletters
        self.editions = editions
    }
}

/// An edition in a list, with where its sending stands.
public struct EditionRowModel: Equatable, Sendable {
    public var id: Edition.ID
    public var subject: String
    public var newsletter: String
    public var status: Edition.Status
    public var date: String
    public var sent: Int
    public var failed: Int
    public var remaining: Int

    public init(
        id: Edition.ID, subject: String, newsletter: String, status: Edition.Status, date: String, sent: Int, failed: Int, remaining: Int
    ) {
        self.id = id
        self.subject = subject
        self.newsletter = newsletter
        self.status = status
        self.date = date
        self.sent = sent
        self.failed = failed
        self.remaining = remaining
    }
}

/// Creating or changing a newsletter.
public struct NewsletterSettingsModel: Equatable, Sendable {
    public var chrome: AdminChrome
    public var id: Newsletter.ID?
    public var form: NewsletterForm
    public var errors: FormErrors<NewsletterForm.Field>
    /// Every section, to tick the ones a digest draws on.
    public var sections: [SelectOption]

    public init(
        chrome: AdminChrome, id: Newsletter.ID?, form: NewsletterForm, errors: FormErrors<NewsletterForm.Field>, sections: [SelectOption]
    ) {
        self.chrome = chrome
        self.id = id
        self.form = form
        self.errors = errors
        self.sections = sections
    }
}
