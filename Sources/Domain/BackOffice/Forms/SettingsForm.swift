import Foundation

/// The settings page's form: every field as typed (numbers too, so a mistake comes back as it was
/// written), read from the stored settings or from a submission, checked by `validate`, and
/// turned into settings by `applied(to:)`. Saving the form unchanged changes nothing.
public struct SettingsForm: Equatable, Sendable {
    public enum Field: FormField {
        case title, tagline, logo, language, timeZone, showNewsletter, showQuickDonate, quickDonateAmount
        case channelTitle, channelText
        case supportCallout, supportLabel, supportURL, updateGrace, commentLevels, premoderate
        case holdFirst, maximumLinks, blockWords, holdWords, excerptWords, editMinutes, closeAfterDays, flagsToHold
        case donationPresets, donationMinimum, donationMaximum, currencies, useStripe, usePayPal, quickDonateText
        case newsroomName, newsroomAddress, showSupporters
        case mailName, mailAddress, mailReply
        case channelLabel(Int)
        case channelURL(Int)
        case adName(Int)
        case adPlacement(Int)
        case adHTML(Int)
        case adEnabled(Int)

        public var name: String {
            switch self {
            case .title: "title"
            case .tagline: "tagline"
            case .logo: "logo"
            case .language: "language"
            case .timeZone: "time_zone"
            case .showNewsletter: "show_newsletter"
            case .showQuickDonate: "show_quick_donate"
            case .quickDonateAmount: "quick_donate_amount"
            case .channelTitle: "channel_title"
            case .channelText: "channel_text"
            case .supportCallout: "support_callout"
            case .supportLabel: "support_label"
            case .supportURL: "support_url"
            case .updateGrace: "update_grace"
            case .commentLevels: "comment_levels"
            case .premoderate: "premoderate"
            case .holdFirst: "hold_first_comment"
            case .maximumLinks: "comment_max_links"
            case .blockWords: "comment_block_words"
            case .holdWords: "comment_hold_words"
            case .excerptWords: "comment_excerpt_words"
            case .editMinutes: "comment_edit_minutes"
            case .closeAfterDays: "comment_close_days"
            case .flagsToHold: "comment_flags_to_hold"
            case .donationPresets: "donation_presets"
            case .donationMinimum: "donation_min"
            case .donationMaximum: "donation_max"
            case .currencies: "currencies"
            case .useStripe: "use_stripe"
            case .usePayPal: "use_paypal"
            case .quickDonateText: "quick_donate_text"
            case .newsroomName: "newsroom_name"
            case .newsroomAddress: "newsroom_address"
            case .showSupporters: "show_supporters"
            case .mailName: "mail_name"
            case .mailAddress: "mail_address"
            case .mailReply: "mail_reply"
            case .channelLabel(let row): "channel_label_\(row)"
            case .channelURL(let row): "channel_url_\(row)"
            case .adName(let row): "ad_name_\(row)"
            case .adPlacement(let row): "ad_placement_\(row)"
            case .adHTML(let row): "ad_html_\(row)"
            case .adEnabled(let row): "ad_enabled_\(row)"
            }
        }
    }

    /// A channel or podcast link row.
    public struct Channel: Equatable, Sendable {
        public var label: String
        public var url: String
    }

    /// An advertisement slot row.
    public struct Ad: Equatable, Sendable {
        public var name: String
        public var placement: String
        public var html: String
        public var enabled: Bool
    }

    /// How many channel links the form offers.
    public static let channelRows = 4

    /// Every field of the form, in page order, for `adRows` ad rows.
    public static func fields(adRows: Int) -> [Field] {
        let identity: [Field] = [.title, .tagline, .logo, .language, .timeZone]
        let widgets: [Field] = [.showNewsletter, .showQuickDonate, .quickDonateAmount, .channelTitle, .channelText]
        let channels: [Field] = (0..<channelRows).flatMap { [Field.channelLabel($0), .channelURL($0)] }
        let support: [Field] = [.supportCallout, .supportLabel, .supportURL]
        let ads: [Field] = (0..<adRows).flatMap { [Field.adName($0), .adPlacement($0), .adHTML($0), .adEnabled($0)] }
        let rest: [Field] = [
            .updateGrace, .commentLevels, .premoderate, .holdFirst, .maximumLinks, .blockWords, .holdWords, .excerptWords, .editMinutes,
            .closeAfterDays, .flagsToHold, .donationPresets, .donationMinimum, .donationMaximum, .currencies, .useStripe,
            .usePayPal, .quickDonateText, .newsroomName, .newsroomAddress, .showSupporters,
            .mailName, .mailAddress, .mailReply,
        ]
        return identity + widgets + channels + support + ads + rest
    }

    public var title: String
    public var tagline: String
    public var logo: String
    public var language: String
    public var timeZone: String
    public var showNewsletter: Bool
    public var showQuickDonate: Bool
    public var quickDonateAmount: String
    public var supportCallout: String
    public var supportLabel: String
    public var supportURL: String
    /// Minutes after publishing during which a correction shows no "Updated".
    public var updateGrace: String
    public var commentLevels: String
    public var premoderate: Bool
    public var holdFirst: Bool
    public var maximumLinks: String
    public var blockWords: String
    public var holdWords: String
    public var excerptWords: String
    public var editMinutes: String
    public var closeAfterDays: String
    public var flagsToHold: String
    public var donationPresets: String
    public var donationMinimum: String
    public var donationMaximum: String
    public var currencies: String
    public var useStripe: Bool
    public var usePayPal: Bool
    public var quickDonateText: String
    public var newsroomName: String
    public var newsroomAddress: String
    public var showSupporters: Bool
    public var mailName: String
    public var mailAddress: String
    public var mailReply: String
    public var channelTitle: String
    public var channelText: String
    public var channels: [Channel]
    /// The stored slots and one empty row to add another.
    public var ads: [Ad]

    /// The form filled in from stored settings.
    public init(_ settings: SiteSettings) {
        title = settings.title
        tagline = settings.tagline
        logo = settings.logoPath
        language = settings.language
        timeZone = settings.timeZone
        showNewsletter = settings.showNewsletterBox
        showQuickDonate = settings.showQuickDonate
        quickDonateAmount = String(settings.quickDonateAmount)
        supportCallout = settings.supportCallout
        supportLabel = settings.supportLinkLabel
        supportURL = settings.supportLinkURL
        updateGrace = String(settings.updateGraceMinutes)
        commentLevels = String(settings.commentLevels)
        premoderate = settings.premoderateComments
        holdFirst = settings.holdFirstComment
        maximumLinks = String(settings.commentMaximumLinks)
        blockWords = settings.commentBlockWords
        holdWords = settings.commentHoldWords
        excerptWords = String(settings.commentExcerptWords)
        editMinutes = String(settings.commentEditMinutes)
        closeAfterDays = String(settings.commentCloseAfterDays)
        flagsToHold = String(settings.commentFlagsToHold)
        donationPresets = settings.donationPresets.map(String.init).joined(separator: ", ")
        donationMinimum = String(settings.donationMinimum)
        donationMaximum = String(settings.donationMaximum)
        currencies = settings.donationCurrencies.joined(separator: ", ")
        useStripe = settings.donationProviders.contains(.stripe)
        usePayPal = settings.donationProviders.contains(.paypal)
        quickDonateText = settings.quickDonateText
        newsroomName = settings.newsroomLegalName
        newsroomAddress = settings.newsroomAddress
        showSupporters = settings.showSupporters
        mailName = settings.mailSenderName
        mailAddress = settings.mailSenderAddress
        mailReply = settings.mailReplyTo
        channelTitle = settings.channelTitle
        channelText = settings.channelText
        channels = (0..<Self.channelRows).map { index in
            let link = settings.channelLinks.indices.contains(index) ? settings.channelLinks[index] : nil
            return Channel(label: link?.label ?? "", url: link?.url ?? "")
        }
        ads =
            settings.adSlots.map { Ad(name: $0.name, placement: $0.placement.rawValue, html: $0.html, enabled: $0.enabled) }
            + [Ad(name: "", placement: AdSlot.Placement.homeSidebar.rawValue, html: "", enabled: true)]
    }

    /// The form as submitted; `adRows` is how many ad rows the page offered.
    public init(_ form: some FormValues, adRows: Int) {
        title = form.trimmed(Field.title)
        tagline = form.trimmed(Field.tagline)
        logo = form.trimmed(Field.logo)
        language = form.trimmed(Field.language)
        timeZone = form.trimmed(Field.timeZone)
        showNewsletter = form.isChecked(Field.showNewsletter)
        showQuickDonate = form.isChecked(Field.showQuickDonate)
        quickDonateAmount = form.trimmed(Field.quickDonateAmount)
        supportCallout = form.trimmed(Field.supportCallout)
        supportLabel = form.trimmed(Field.supportLabel)
        supportURL = form.trimmed(Field.supportURL)
        updateGrace = form.trimmed(Field.updateGrace)
        commentLevels = form.trimmed(Field.commentLevels)
        premoderate = form.isChecked(Field.premoderate)
        holdFirst = form.isChecked(Field.holdFirst)
        maximumLinks = form.trimmed(Field.maximumLinks)
        blockWords = form[Field.blockWords].replacingOccurrences(of: "\r\n", with: "\n")
        holdWords = form[Field.holdWords].replacingOccurrences(of: "\r\n", with: "\n")
        excerptWords = form.trimmed(Field.excerptWords)
        editMinutes = form.trimmed(Field.editMinutes)
        closeAfterDays = form.trimmed(Field.closeAfterDays)
        flagsToHold = form.trimmed(Field.flagsToHold)
        donationPresets = form.trimmed(Field.donationPresets)
        donationMinimum = form.trimmed(Field.donationMinimum)
        donationMaximum = form.trimmed(Field.donationMaximum)
        currencies = form.trimmed(Field.currencies)
        useStripe = form.isChecked(Field.useStripe)
        usePayPal = form.isChecked(Field.usePayPal)
        quickDonateText = form.trimmed(Field.quickDonateText)
        newsroomName = form.trimmed(Field.newsroomName)
        newsroomAddress = form[Field.newsroomAddress].replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(
            in: .whitespacesAndNewlines)
        showSupporters = form.isChecked(Field.showSupporters)
        mailName = form.trimmed(Field.mailName)
        mailAddress = form.trimmed(Field.mailAddress)
        mailReply = form.trimmed(Field.mailReply)
        channelTitle = form.trimmed(Field.channelTitle)
        channelText = form.trimmed(Field.channelText)
        channels = (0..<Self.channelRows).map {
            Channel(label: form.trimmed(Field.channelLabel($0)), url: form.trimmed(Field.channelURL($0)))
        }
        ads = (0..<max(1, min(adRows, 50))).map {
            Ad(
                name: form.trimmed(Field.adName($0)), placement: form.trimmed(Field.adPlacement($0)), html: form.trimmed(Field.adHTML($0)),
                enabled: form.isChecked(Field.adEnabled($0)))
        }
    }
}
