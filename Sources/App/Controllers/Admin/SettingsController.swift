import Domain
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// Site settings (owner only). Changes apply at once: the cached chrome and pages are purged.
enum SettingsController {
    static let languages: [(String, String)] = [
        ("en", "English"), ("de", "Deutsch"), ("es", "Español"), ("fr", "Français"), ("it", "Italiano"), ("nl", "Nederlands"),
        ("pl", "Polski"), ("pt", "Português"), ("sv", "Svenska"), ("uk", "Українська"),
    ]

    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let settings = try await SettingsStore.load(on: try app.db())
        return try await page(values(of: settings), errors: [:], request, context, app)
    }

    @Sendable static func update(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        var settings = try await SettingsStore.load(on: db)
        var values: [String: String] = [:]
        let adRows = settings.adSlots.count + 1
        for name in fieldNames(adRows: adRows, channelRows: 4) {
            values[name] = (context.form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var errors: [String: String] = [:]
        func number(_ name: String, in range: ClosedRange<Int>, message: String) -> Int? {
            guard let value = Int(values[name] ?? ""), range.contains(value) else {
                errors[name] = message
                return nil
            }
            return value
        }
        if (values["title"] ?? "").isEmpty { errors["title"] = "The site needs a title." }
        settings.title = values["title"] ?? settings.title
        settings.tagline = values["tagline"] ?? ""
        settings.language = languages.contains { $0.0 == values["language"] } ? values["language"] ?? "en" : "en"
        if TimeZone(identifier: values["time_zone"] ?? "") == nil {
            errors["time_zone"] = "Choose a time zone from the list."
        } else {
            settings.timeZone = values["time_zone"] ?? "UTC"
        }
        settings.logoPath = (values["logo"] ?? "").hasPrefix("/media/") ? values["logo"] ?? "" : ""
        settings.showNewsletterBox = values["show_newsletter"] == "on"
        settings.showQuickDonate = values["show_quick_donate"] == "on"
        if let amount = number("quick_donate_amount", in: 1...100_000, message: "The quick donate amount must be a whole number from 1.") {
            settings.quickDonateAmount = amount
        }
        settings.channelLinks = (0..<4).compactMap { index in
            let label = values["channel_label_\(index)"] ?? ""
            let url = values["channel_url_\(index)"] ?? ""
            guard !label.isEmpty || !url.isEmpty else { return nil }
            if label.isEmpty || !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                errors["channel_url_\(index)"] = "Give each link a label and an address starting with https://."
            }
            return ExternalLink(label: label, url: url)
        }
        settings.supportCallout = values["support_callout"] ?? ""
        settings.supportLinkLabel = values["support_label"] ?? ""
        settings.supportLinkURL = values["support_url"] ?? ""
        if !settings.supportCallout.isEmpty, !(settings.supportLinkURL.hasPrefix("/") || settings.supportLinkURL.hasPrefix("https://")) {
            errors["support_url"] = "Use a page of this site (starting with /) or an https:// address."
        }
        settings.adSlots = (0..<adRows).compactMap { index in
            let name = values["ad_name_\(index)"] ?? ""
            guard !name.isEmpty else { return nil }
            let html = values["ad_html_\(index)"] ?? ""
            if html.count > 10_000 { errors["ad_html_\(index)"] = "Keep ad snippets under 10,000 characters." }
            return AdSlot(
                name: name, placement: AdSlot.Placement(rawValue: values["ad_placement_\(index)"] ?? "") ?? .homeSidebar, html: html,
                enabled: values["ad_enabled_\(index)"] == "on")
        }
        if let levels = number("comment_levels", in: 1...10, message: "Reply levels must be from 1 to 10.") {
            settings.commentLevels = levels
        }
        settings.premoderateComments = values["premoderate"] == "on"
        let presets = (values["donation_presets"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if presets.isEmpty || presets.contains(where: { Int($0).map { $0 <= 0 } ?? true }) {
            errors["donation_presets"] = "Give positive whole numbers separated by commas."
        } else {
            settings.donationPresets = presets.compactMap { Int($0) }
        }
        if let minimum = number("donation_min", in: 1...100_000, message: "The smallest amount must be a whole number from 1."),
            let maximum = number("donation_max", in: 1...1_000_000, message: "The largest amount must be a whole number.")
        {
            if minimum >= maximum { errors["donation_max"] = "The largest amount must be above the smallest." }
            settings.donationMinimum = minimum
            settings.donationMaximum = maximum
        }
        let currencies = (values["currencies"] ?? "").uppercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if currencies.isEmpty || currencies.contains(where: { $0.count != 3 || !$0.allSatisfy(\.isLetter) }) {
            errors["currencies"] = "Use three-letter currency codes separated by commas, like USD, EUR."
        } else {
            settings.donationCurrencies = currencies
        }
        settings.stripePublishableKey = values["stripe_key"] ?? ""
        settings.paypalClientID = values["paypal_client"] ?? ""
        settings.mailSenderName = values["mail_name"] ?? ""
        for field in ["mail_address", "mail_reply"]
        where !(values[field] ?? "").isEmpty && !CommentSubmission.isPlausibleEmail(values[field] ?? "") {
            errors[field] = "Give an email address like news@example.org."
        }
        settings.mailSenderAddress = values["mail_address"] ?? ""
        settings.mailReplyTo = values["mail_reply"] ?? ""
        guard errors.isEmpty else { return try await page(values, errors: errors, request, context, app, status: .unprocessableContent) }
        try await SettingsStore.save(settings, on: db)
        app.contentChanged()
        return SignInController.redirect("/admin/settings?done=saved")
    }

    static func fieldNames(adRows: Int, channelRows: Int) -> [String] {
        [
            "title", "tagline", "logo", "language", "time_zone", "show_newsletter", "show_quick_donate", "quick_donate_amount",
            "support_callout", "support_label", "support_url", "comment_levels", "premoderate", "donation_presets", "donation_min",
            "donation_max", "currencies", "stripe_key", "paypal_client", "mail_name", "mail_address", "mail_reply",
        ] + (0..<channelRows).flatMap { ["channel_label_\($0)", "channel_url_\($0)"] }
            + (0..<adRows).flatMap { ["ad_name_\($0)", "ad_placement_\($0)", "ad_html_\($0)", "ad_enabled_\($0)"] }
    }

    static func values(of settings: SiteSettings) -> [String: String] {
        var values: [String: String] = [
            "title": settings.title, "tagline": settings.tagline, "logo": settings.logoPath, "language": settings.language,
            "time_zone": settings.timeZone, "show_newsletter": settings.showNewsletterBox ? "on" : "",
            "show_quick_donate": settings.showQuickDonate ? "on" : "", "quick_donate_amount": String(settings.quickDonateAmount),
            "support_callout": settings.supportCallout, "support_label": settings.supportLinkLabel, "support_url": settings.supportLinkURL,
            "comment_levels": String(settings.commentLevels), "premoderate": settings.premoderateComments ? "on" : "",
            "donation_presets": settings.donationPresets.map(String.init).joined(separator: ", "),
            "donation_min": String(settings.donationMinimum), "donation_max": String(settings.donationMaximum),
            "currencies": settings.donationCurrencies.joined(separator: ", "), "stripe_key": settings.stripePublishableKey,
            "paypal_client": settings.paypalClientID, "mail_name": settings.mailSenderName, "mail_address": settings.mailSenderAddress,
            "mail_reply": settings.mailReplyTo,
        ]
        for (index, link) in settings.channelLinks.prefix(4).enumerated() {
            values["channel_label_\(index)"] = link.label
            values["channel_url_\(index)"] = link.url
        }
        for (index, slot) in settings.adSlots.enumerated() {
            values["ad_name_\(index)"] = slot.name
            values["ad_placement_\(index)"] = slot.placement.rawValue
            values["ad_html_\(index)"] = slot.html
            values["ad_enabled_\(index)"] = slot.enabled ? "on" : ""
        }
        values["ad_enabled_\(settings.adSlots.count)"] = "on"
        return values
    }

    static func page(
        _ values: [String: String], errors: [String: String], _ request: Request, _ context: AppRequestContext, _ app: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let db = try app.db()
        let adRows = values.keys.filter { $0.hasPrefix("ad_name_") }.count
        let logos = try await MediaStore.list(page: ListingPage(number: 1, size: 100), usableOnly: true, on: db).items
        let model = SettingsModel(
            chrome: try await app.adminChrome(context, active: "/admin/settings", notice: AdminNotice.from(request)), values: values,
            errors: errors, adRows: max(adRows, (try await SettingsStore.load(on: db)).adSlots.count + 1), channelRows: 4,
            languageOptions: languages.map { ($0.0, $0.1) },
            timeZoneOptions: TimeZone.knownTimeZoneIdentifiers.sorted().map { ($0, $0.replacingOccurrences(of: "_", with: " ")) },
            logoOptions: [("", "No logo")] + logos.map { (SiteURL.media($0.fileName).path, $0.alt) },
            placementOptions: [
                ("home-top", "Home page, top"), ("home-sidebar", "Home page, sidebar"), ("article-inline", "Article, after the body"),
                ("article-sidebar", "Article, sidebar"),
            ])
        return AppServices.adminPage(SettingsView.render(model), status: status)
    }
}

/// Sections: create, rename, reorder, show in or hide from the navigation, delete.
enum SectionsController {
    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await page(newName: "", errors: [:], request, context, app)
    }

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let name = (context.form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 60 else {
            return try await page(
                newName: name, errors: ["name": "Give the section a name of up to 60 characters."], request, context, app,
                status: .unprocessableContent)
        }
        do {
            _ = try await SectionStore.create(name: name, description: "", inNavigation: true, on: try app.db())
        } catch let error as DomainError {
            return try await page(newName: name, errors: ["name": error.message], request, context, app, status: .unprocessableContent)
        }
        app.contentChanged()
        return SignInController.redirect("/admin/sections?done=saved")
    }

    @Sendable static func update(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let id = try context.requireID("id")
        let name = (context.form["name-\(id)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 60 else {
            throw DomainError.invalidInput(field: "name", message: "A section needs a name of up to 60 characters.")
        }
        try await SectionStore.update(
            .init(id), name: name, description: String((context.form["description-\(id)"] ?? "").prefix(300)),
            inNavigation: context.form["nav-\(id)"] == "on", on: try app.db())
        app.contentChanged()
        return SignInController.redirect("/admin/sections?done=saved")
    }

    @Sendable static func move(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await SectionStore.move(.init(try context.requireID("id")), by: context.form["direction"] == "up" ? -1 : 1, on: try app.db())
        app.contentChanged()
        return SignInController.redirect("/admin/sections?done=saved")
    }

    @Sendable static func delete(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await SectionStore.delete(.init(try context.requireID("id")), on: try app.db())
        app.contentChanged()
        return SignInController.redirect("/admin/sections?done=deleted")
    }

    static func page(
        newName: String, errors: [String: String], _ request: Request, _ context: AppRequestContext, _ app: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let db = try app.db()
        let counts = try await SectionStore.articleCounts(on: db)
        let rows = try await ContentQueries.sections(on: db).map {
            SectionRowModel(
                id: $0.id.rawValue, name: $0.name, slug: $0.slug, description: $0.description, inNavigation: $0.inNavigation,
                articles: counts[$0.id] ?? 0)
        }
        let chrome = try await app.adminChrome(context, active: "/admin/sections", notice: AdminNotice.from(request))
        return AppServices.adminPage(SectionsView.render(chrome, sections: rows, newName: newName, errors: errors), status: status)
    }
}
