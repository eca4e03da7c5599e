import Domain
import Routes

/// A newsletter as the signup and preferences pages list it.
public struct NewsletterChoice: Equatable, Sendable {
    public var id: Int
    public var name: String
    public var description: String
    public var schedule: String
    public var isChecked: Bool

    public init(id: Int, name: String, description: String, schedule: String, isChecked: Bool) {
        self.id = id
        self.name = name
        self.description = description
        self.schedule = schedule
        self.isChecked = isChecked
    }
}

/// `/newsletter`: the signup form, shown again with what needs fixing.
public struct NewsletterSignupModel: Equatable, Sendable {
    public var chrome: SiteChrome
    public var choices: [NewsletterChoice]
    public var email: String
    public var name: String
    public var problems: [String: String]

    public init(chrome: SiteChrome, choices: [NewsletterChoice], email: String = "", name: String = "", problems: [String: String] = [:]) {
        self.chrome = chrome
        self.choices = choices
        self.email = email
        self.name = name
        self.problems = problems
    }
}

/// The preferences page a reader reaches from any newsletter.
public struct NewsletterPreferencesModel: Equatable, Sendable {
    public var chrome: SiteChrome
    public var email: String
    public var choices: [NewsletterChoice]
    /// "Paused until 8 December 2026", when paused.
    public var pausedUntil: String?
    public var isUnsubscribed: Bool
    public var action: SiteURL
    public var notice: String?
    public var pauseOptions: [SelectOption]

    public init(
        chrome: SiteChrome, email: String, choices: [NewsletterChoice], pausedUntil: String?, isUnsubscribed: Bool, action: SiteURL,
        notice: String?, pauseOptions: [SelectOption]
    ) {
        self.chrome = chrome
        self.email = email
        self.choices = choices
        self.pausedUntil = pausedUntil
        self.isUnsubscribed = isUnsubscribed
        self.action = action
        self.notice = notice
        self.pauseOptions = pauseOptions
    }
}
