import Foundation

extension SettingsForm {
    /// The languages a site can be written in (its `lang` and date formats).
    public static let languages: [(code: String, name: String)] = [
        ("en", "English"), ("de", "Deutsch"), ("es", "Español"), ("fr", "Français"), ("it", "Italiano"), ("nl", "Nederlands"),
        ("pl", "Polski"), ("pt", "Português"), ("sv", "Svenska"), ("uk", "Українська"),
    ]

    /// What needs fixing before the settings can be saved.
    public func validate() -> FormErrors<Field> {
        var errors = FormErrors<Field>()
        if title.isEmpty { errors[.title] = "The site needs a title." }
        if TimeZone(identifier: timeZone) == nil { errors[.timeZone] = "Choose a time zone from the list." }
        if Self.number(quickDonateAmount, in: 1...100_000) == nil {
            errors[.quickDonateAmount] = "The quick donate amount must be a whole number from 1."
        }
        if channels.contains(where: { !$0.url.isEmpty }), channelTitle.isEmpty {
            errors[.channelTitle] = "Give the call-out a title, like “Join our YouTube channel”."
        }
        if channelText.count > 300 { errors[.channelText] = "Keep the call-out's text under 300 characters." }
        for (index, channel) in channels.enumerated() where !channel.label.isEmpty || !channel.url.isEmpty {
            if channel.label.isEmpty || !(channel.url.hasPrefix("https://") || channel.url.hasPrefix("http://")) {
                errors[.channelURL(index)] = "Give each link a label and an address starting with https://."
            }
        }
        if !supportCallout.isEmpty, !(supportURL.hasPrefix("/") || supportURL.hasPrefix("https://")) {
            errors[.supportURL] = "Use a page of this site (starting with /) or an https:// address."
        }
        for (index, ad) in ads.enumerated() where !ad.name.isEmpty && ad.html.count > 10_000 {
            errors[.adHTML(index)] = "Keep ad snippets under 10,000 characters."
        }
        if graceMinutes == nil {
            errors[.updateGrace] = "Give a number of minutes from 0 to 1440 (a day)."
        }
        if Self.number(commentLevels, in: 1...10) == nil { errors[.commentLevels] = "Reply levels must be from 1 to 10." }
        for (field, value, range, message) in Self.discussionNumbers(self) where Self.number(value, in: range) == nil {
            errors[field] = message
        }
        for (field, words) in [(Field.blockWords, blockWords), (.holdWords, holdWords)] where words.count > 20_000 {
            errors[field] = "Keep the list under 20,000 characters."
        }
        if presets == nil { errors[.donationPresets] = "Give positive whole numbers separated by commas." }
        let minimum = Self.number(donationMinimum, in: 1...100_000)
        let maximum = Self.number(donationMaximum, in: 1...1_000_000)
        if minimum == nil { errors[.donationMinimum] = "The smallest amount must be a whole number from 1." }
        if maximum == nil { errors[.donationMaximum] = "The largest amount must be a whole number." }
        if let minimum, let maximum, minimum >= maximum { errors[.donationMaximum] = "The largest amount must be above the smallest." }
        if currencyCodes == nil { errors[.currencies] = "Use three-letter currency codes separated by commas, like USD, EUR." }
        for (field, address) in [(Field.mailAddress, mailAddress), (.mailReply, mailReply)]
        where !address.isEmpty && !EmailAddress.isPlausible(address) {
            errors[field] = "Give an email address like news@example.org."
        }
        return errors
    }

    /// `settings` with this form's values; call only when `validate()` found nothing.
    public func applied(to settings: SiteSettings) -> SiteSettings {
        var settings = settings
        settings.title = title
        settings.tagline = tagline
        settings.language = Self.languages.contains { $0.code == language } ? language : "en"
        settings.timeZone = timeZone
        settings.logoPath = logo.hasPrefix("/media/") ? logo : ""
        settings.showNewsletterBox = showNewsletter
        settings.showQuickDonate = showQuickDonate
        settings.quickDonateAmount = Self.number(quickDonateAmount, in: 1...100_000) ?? settings.quickDonateAmount
        settings.channelTitle = channelTitle
        settings.channelText = channelText
        settings.channelLinks = channels.filter { !$0.label.isEmpty || !$0.url.isEmpty }.map { ExternalLink(label: $0.label, url: $0.url) }
        settings.supportCallout = supportCallout
        settings.supportLinkLabel = supportLabel
        settings.supportLinkURL = supportURL
        settings.adSlots = ads.filter { !$0.name.isEmpty }.map {
            AdSlot(name: $0.name, placement: AdSlot.Placement(rawValue: $0.placement) ?? .homeSidebar, html: $0.html, enabled: $0.enabled)
        }
        settings.updateGraceMinutes = graceMinutes ?? settings.updateGraceMinutes
        settings.commentLevels = Self.number(commentLevels, in: 1...10) ?? settings.commentLevels
        settings.premoderateComments = premoderate
        settings.holdFirstComment = holdFirst
        settings.commentMaximumLinks = Self.number(maximumLinks, in: 0...50) ?? settings.commentMaximumLinks
        settings.commentBlockWords = blockWords
        settings.commentHoldWords = holdWords
        settings.commentExcerptWords = Self.number(excerptWords, in: 20...2000) ?? settings.commentExcerptWords
        settings.commentEditMinutes = Self.number(editMinutes, in: 0...1440) ?? settings.commentEditMinutes
        settings.commentCloseAfterDays = Self.number(closeAfterDays, in: 0...3650) ?? settings.commentCloseAfterDays
        settings.commentFlagsToHold = Self.number(flagsToHold, in: 1...100) ?? settings.commentFlagsToHold
        settings.donationPresets = presets ?? settings.donationPresets
        settings.donationMinimum = Self.number(donationMinimum, in: 1...100_000) ?? settings.donationMinimum
        settings.donationMaximum = Self.number(donationMaximum, in: 1...1_000_000) ?? settings.donationMaximum
        settings.donationCurrencies = currencyCodes ?? settings.donationCurrencies
        settings.donationProviders = (useStripe ? [.stripe] : []) + (usePayPal ? [.paypal] : [])
        settings.quickDonateText = quickDonateText.isEmpty ? SiteSettings().quickDonateText : String(quickDonateText.prefix(80))
        settings.newsroomLegalName = String(newsroomName.prefix(200))
        settings.newsroomAddress = String(newsroomAddress.prefix(500))
        settings.showSupporters = showSupporters
        settings.mailSenderName = mailName
        settings.mailSenderAddress = mailAddress
        settings.mailReplyTo = mailReply
        return settings
    }

    /// The grace period in minutes (empty means none), or nil when it is not a number of minutes.
    var graceMinutes: Int? {
        updateGrace.isEmpty ? 0 : Self.number(updateGrace, in: 0...1440)
    }

    /// The preset amounts, or nil unless every one is a positive whole number.
    var presets: [Int]? {
        let parts = donationPresets.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = parts.compactMap { Int($0) }.filter { $0 > 0 }
        return parts.isEmpty || numbers.count != parts.count ? nil : numbers
    }

    /// The currency codes, upper-cased, or nil unless every one has three letters.
    var currencyCodes: [String]? {
        let codes = currencies.uppercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return codes.isEmpty || codes.contains(where: { $0.count != 3 || !$0.allSatisfy(\.isLetter) }) ? nil : codes
    }

    static func number(_ text: String, in range: ClosedRange<Int>) -> Int? {
        Int(text).flatMap { range.contains($0) ? $0 : nil }
    }
}

extension SettingsForm {
    /// The discussion's numeric fields, their ranges and what to say when out of range.
    static func discussionNumbers(_ form: SettingsForm) -> [(Field, String, ClosedRange<Int>, String)] {
        [
            (.maximumLinks, form.maximumLinks, 0...50, "Give a number of links from 0 to 50."),
            (.excerptWords, form.excerptWords, 20...2000, "Give a number of words from 20 to 2,000."),
            (.editMinutes, form.editMinutes, 0...1440, "Give a number of minutes from 0 (never) to 1440 (a day)."),
            (.closeAfterDays, form.closeAfterDays, 0...3650, "Give a number of days from 0 (never) to 3650."),
            (.flagsToHold, form.flagsToHold, 1...100, "Give a number of reports from 1 to 100."),
        ]
    }
}
