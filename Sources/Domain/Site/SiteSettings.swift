/// A slot on the home page or article page for an advertisement, labelled as such.
public struct AdSlot: Equatable, Sendable, Codable {
    public enum Placement: String, Sendable, Codable, CaseIterable {
        case homeTop = "home-top"
        case homeSidebar = "home-sidebar"
        case articleInline = "article-inline"
        case articleSidebar = "article-sidebar"
    }
    public var name: String
    public var placement: Placement
    /// Staff-supplied snippet (trusted: only owners may edit it). Empty shows the house ad.
    public var html: String
    public var enabled: Bool

    public init(name: String, placement: Placement, html: String, enabled: Bool) {
        self.name = name
        self.placement = placement
        self.html = html
        self.enabled = enabled
    }
}

/// A link the home page's widgets show ("Watch on our video channel").
public struct ExternalLink: Equatable, Sendable, Codable {
    public var label: String
    public var url: String

    public init(label: String, url: String) {
        self.label = label
        self.url = url
    }
}

/// Site-wide settings staff change in the back office. Stored as one JSON document so a new
/// setting needs no migration; every field has a sensible default for a fresh install.
public struct SiteSettings: Equatable, Sendable, Codable {
    public var title: String = "The Gazette"
    public var tagline: String = "Independent news and commentary"
    public var language: String = "en"
    public var timeZone: String = "UTC"
    /// Support call-out at the end of articles ("Liked it? Support us on Patreon").
    public var supportCallout: String = "Liked it? Independent journalism depends on readers like you."
    public var supportLinkLabel: String = "Support us"
    public var supportLinkURL: String = "/donate/"
    public var showNewsletterBox: Bool = true
    public var showQuickDonate: Bool = true
    public var quickDonateAmount: Int = 10
    public var donationCurrencies: [String] = ["USD", "EUR"]
    /// The channel call-out beside articles and on the home page ("Join our YouTube channel"):
    /// shown when it has at least one link.
    public var channelTitle: String = "Watch and listen"
    public var channelText: String = ""
    public var channelLinks: [ExternalLink] = []
    public var adSlots: [AdSlot] = []
    /// Corrections made within this many minutes of publishing show no "Updated" line.
    public var updateGraceMinutes: Int = 0
    /// How deep replies nest before they are shown side by side.
    public var commentLevels: Int = 5
    /// New comments wait for a moderator before they are shown.
    public var premoderateComments: Bool = true
    /// Comments longer than this many words are cut with "Read more »".
    public var commentExcerptWords: Int = 100
    /// Guests and readers may edit or delete their comment for this many minutes.
    public var commentEditMinutes: Int = 15
    /// Discussions close this many days after publication (0: never).
    public var commentCloseAfterDays: Int = 0
    /// The first comment from an address no moderator has approved yet waits (post-moderation).
    public var holdFirstComment: Bool = true
    /// More links than this hold a comment.
    public var commentMaximumLinks: Int = 2
    /// Words that send a comment to spam, and words that hold it (one per line).
    public var commentBlockWords: String = ""
    public var commentHoldWords: String = ""
    /// Reader flags that send an approved comment back to the moderators.
    public var commentFlagsToHold: Int = 3
    /// Site-relative path of the logo shown in the masthead; empty shows the title alone.
    public var logoPath: String = ""
    /// Donation widget: preset amounts, and the slider's range.
    public var donationPresets: [Int] = [5, 10, 25, 50, 100]
    public var donationMinimum: Int = 5
    public var donationMaximum: Int = 100
    /// The quick-donate box's button ("Donate a quick 10 spot!"; {amount} is replaced).
    public var quickDonateText: String = "Donate a quick {amount} spot!"
    /// Which payment providers the donation form offers (their keys come from the environment).
    public var donationProviders: [DonationProvider] = [.stripe, .paypal]
    /// The newsroom's legal name and postal address, printed on receipts.
    public var newsroomLegalName: String = ""
    public var newsroomAddress: String = ""
    /// Whether `/supporters/` lists the donors who agreed to be named.
    public var showSupporters: Bool = true
    /// Who mail comes from.
    public var mailSenderName: String = ""
    public var mailSenderAddress: String = ""
    public var mailReplyTo: String = ""

    public init() {}

    public init(from decoder: any Decoder) throws {
        // Decode field by field with defaults, so settings saved by an older version still load.
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SiteSettings()
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) -> T {
            (try? container.decodeIfPresent(T.self, forKey: key)) ?? fallback
        }
        title = value(.title, defaults.title)
        tagline = value(.tagline, defaults.tagline)
        language = value(.language, defaults.language)
        timeZone = value(.timeZone, defaults.timeZone)
        supportCallout = value(.supportCallout, defaults.supportCallout)
        supportLinkLabel = value(.supportLinkLabel, defaults.supportLinkLabel)
        supportLinkURL = value(.supportLinkURL, defaults.supportLinkURL)
        showNewsletterBox = value(.showNewsletterBox, defaults.showNewsletterBox)
        showQuickDonate = value(.showQuickDonate, defaults.showQuickDonate)
        quickDonateAmount = value(.quickDonateAmount, defaults.quickDonateAmount)
        donationCurrencies = value(.donationCurrencies, defaults.donationCurrencies)
        channelTitle = value(.channelTitle, defaults.channelTitle)
        channelText = value(.channelText, defaults.channelText)
        channelLinks = value(.channelLinks, defaults.channelLinks)
        adSlots = value(.adSlots, defaults.adSlots)
        updateGraceMinutes = value(.updateGraceMinutes, defaults.updateGraceMinutes)
        commentLevels = value(.commentLevels, defaults.commentLevels)
        premoderateComments = value(.premoderateComments, defaults.premoderateComments)
        commentExcerptWords = value(.commentExcerptWords, defaults.commentExcerptWords)
        commentEditMinutes = value(.commentEditMinutes, defaults.commentEditMinutes)
        commentCloseAfterDays = value(.commentCloseAfterDays, defaults.commentCloseAfterDays)
        holdFirstComment = value(.holdFirstComment, defaults.holdFirstComment)
        commentMaximumLinks = value(.commentMaximumLinks, defaults.commentMaximumLinks)
        commentBlockWords = value(.commentBlockWords, defaults.commentBlockWords)
        commentHoldWords = value(.commentHoldWords, defaults.commentHoldWords)
        commentFlagsToHold = value(.commentFlagsToHold, defaults.commentFlagsToHold)
        logoPath = value(.logoPath, defaults.logoPath)
        donationPresets = value(.donationPresets, defaults.donationPresets)
        donationMinimum = value(.donationMinimum, defaults.donationMinimum)
        donationMaximum = value(.donationMaximum, defaults.donationMaximum)
        quickDonateText = value(.quickDonateText, defaults.quickDonateText)
        donationProviders = value(.donationProviders, defaults.donationProviders)
        newsroomLegalName = value(.newsroomLegalName, defaults.newsroomLegalName)
        newsroomAddress = value(.newsroomAddress, defaults.newsroomAddress)
        showSupporters = value(.showSupporters, defaults.showSupporters)
        mailSenderName = value(.mailSenderName, defaults.mailSenderName)
        mailSenderAddress = value(.mailSenderAddress, defaults.mailSenderAddress)
        mailReplyTo = value(.mailReplyTo, defaults.mailReplyTo)
    }

    /// Who receipts say received the money: the legal name when set, the site's title otherwise.
    public var receiptName: String { newsroomLegalName.isEmpty ? title : newsroomLegalName }

    /// The enabled ad slots for one placement.
    public func ads(for placement: AdSlot.Placement) -> [AdSlot] {
        adSlots.filter { $0.enabled && $0.placement == placement }
    }
}

extension SiteSettings {
    /// The site's moderation rules, with an article's own mode when it has one.
    public func moderationPolicy(articleMode: ModerationPolicy.Mode? = nil) -> ModerationPolicy {
        ModerationPolicy(
            mode: articleMode ?? (premoderateComments ? .pre : .post), holdFirstComment: holdFirstComment,
            maximumLinks: commentMaximumLinks, blockWords: WordList(commentBlockWords), holdWords: WordList(commentHoldWords),
            minimumSeconds: 3, flagsToHold: commentFlagsToHold)
    }
}
