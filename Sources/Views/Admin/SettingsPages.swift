/// The settings form, field by field, with its choices.
public struct SettingsModel: Equatable, Sendable {
    public var chrome: AdminChrome
    public var values: [String: String]
    public var errors: [String: String]
    public var adRows: Int
    public var channelRows: Int
    public var languageOptions: [(value: String, label: String)]
    public var timeZoneOptions: [(value: String, label: String)]
    public var logoOptions: [(value: String, label: String)]
    public var placementOptions: [(value: String, label: String)]

    public init(
        chrome: AdminChrome, values: [String: String], errors: [String: String], adRows: Int, channelRows: Int,
        languageOptions: [(value: String, label: String)], timeZoneOptions: [(value: String, label: String)],
        logoOptions: [(value: String, label: String)], placementOptions: [(value: String, label: String)]
    ) {
        self.chrome = chrome
        self.values = values
        self.errors = errors
        self.adRows = adRows
        self.channelRows = channelRows
        self.languageOptions = languageOptions
        self.timeZoneOptions = timeZoneOptions
        self.logoOptions = logoOptions
        self.placementOptions = placementOptions
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.values == rhs.values && lhs.errors == rhs.errors }

    func value(_ name: String) -> String { values[name] ?? "" }
}

public enum SettingsView {
    public static func render(_ model: SettingsModel) -> HTML {
        func text(_ name: String, _ label: String, hint: String? = nil, type: String = "text") -> HTML {
            AdminField.text(name, label: label, value: model.value(name), error: model.errors[name], hint: hint, type: type)
        }
        func check(_ name: String, _ label: String, hint: String? = nil) -> HTML {
            AdminField.checkbox(name, label: label, checked: model.value(name) == "on", hint: hint)
        }
        let channels = (0..<model.channelRows).map { index in
            HTML(
                "<div class=\"row\">\(text("channel_label_\(index)", "Link \(index + 1) label"))\(text("channel_url_\(index)", "Link \(index + 1) address", type: "url"))</div>"
            )
        }
        let ads = (0..<model.adRows).map { index in
            HTML(
                """
                <fieldset class="ad-row"><legend>Slot \(index + 1)</legend>\
                \(text("ad_name_\(index)", "Name", hint: index == model.adRows - 1 ? "Fill in to add a slot; empty the name to remove one." : nil))\
                \(AdminField.select("ad_placement_\(index)", label: "Placement", options: model.placementOptions, selected: model.value("ad_placement_\(index)")))\
                \(AdminField.textarea("ad_html_\(index)", label: "HTML snippet", value: model.value("ad_html_\(index)"), error: model.errors["ad_html_\(index)"], hint: "Empty shows a house ad for donations. Scripts from other sites are blocked by the site's security policy.", rows: 3))\
                \(check("ad_enabled_\(index)", "Shown"))</fieldset>
                """)
        }
        return AdminLayout.page(
            model.chrome, title: "Settings",
            main: """
                <h1>Settings</h1>
                \(AdminField.errorSummary(model.errors, order: []))
                <form method="post" action="/admin/settings" class="settings">
                \(model.chrome.csrfField)
                <section class="panel"><h2>Identity</h2>
                \(text("title", "Site title"))\(text("tagline", "Tagline"))
                \(AdminField.select("logo", label: "Logo", options: model.logoOptions, selected: model.value("logo"), hint: "Images from the media library that have alt text."))
                \(AdminField.select("language", label: "Language", options: model.languageOptions, selected: model.value("language")))
                \(AdminField.select("time_zone", label: "Time zone", options: model.timeZoneOptions, selected: model.value("time_zone"), error: model.errors["time_zone"]))
                </section>
                <section class="panel"><h2>Home page widgets</h2>
                \(check("show_newsletter", "Show the newsletter sign-up box"))
                \(check("show_quick_donate", "Show the quick donate box"))
                \(text("quick_donate_amount", "Quick donate amount", type: "number"))
                <fieldset><legend>Channel and podcast links</legend>\(channels)</fieldset>
                </section>
                <section class="panel"><h2>Support call-out</h2>
                \(AdminField.textarea("support_callout", label: "Text after every article", value: model.value("support_callout"), error: model.errors["support_callout"], hint: "Empty hides the call-out.", rows: 2))
                \(text("support_label", "Button label"))\(text("support_url", "Button address", hint: "A page of this site (/donate/) or an address like https://patreon.com/…"))
                </section>
                <section class="panel"><h2>Advertisements</h2>\(ads)</section>
                <section class="panel"><h2>Discussion</h2>
                \(text("comment_levels", "Reply levels shown nested", hint: "1 to 10.", type: "number"))
                \(check("premoderate", "Hold new comments until a moderator approves them"))
                </section>
                <section class="panel"><h2>Donations</h2>
                \(text("donation_presets", "Preset amounts", hint: "Whole numbers separated by commas."))
                <div class="row">\(text("donation_min", "Smallest amount", type: "number"))\(text("donation_max", "Largest amount", type: "number"))</div>
                \(text("currencies", "Currencies", hint: "Three-letter codes separated by commas, the default first (USD, EUR)."))
                \(text("stripe_key", "Stripe publishable key", hint: "The secret key is set on the server (STRIPE_SECRET_KEY), never here."))
                \(text("paypal_client", "PayPal client ID"))
                </section>
                <section class="panel"><h2>Email</h2>
                \(text("mail_name", "Sender name"))\(text("mail_address", "Sender address", type: "email"))\(text("mail_reply", "Reply-to address", type: "email"))
                <p class="field__hint">The mail server is set on the server (SMTP_URL).</p>
                </section>
                <button type="submit">Save settings</button>
                </form>
                """)
    }
}

public struct SectionRowModel: Equatable, Sendable {
    public var id: Int
    public var name: String
    public var slug: String
    public var description: String
    public var inNavigation: Bool
    public var articles: Int

    public init(id: Int, name: String, slug: String, description: String, inNavigation: Bool, articles: Int) {
        self.id = id
        self.name = name
        self.slug = slug
        self.description = description
        self.inNavigation = inNavigation
        self.articles = articles
    }
}

public enum SectionsView {
    public static func render(_ chrome: AdminChrome, sections: [SectionRowModel], newName: String, errors: [String: String]) -> HTML {
        let rows = sections.enumerated().map { index, section in
            HTML(
                """
                <li class="section-row panel">
                <form method="post" action="/admin/sections/\(section.id)">\(chrome.csrfField)
                <div class="row">\(AdminField.text("name-\(section.id)", label: "Name", value: section.name))\
                \(AdminField.text("description-\(section.id)", label: "Description", value: section.description))</div>
                \(AdminField.checkbox("nav-\(section.id)", label: "In the navigation", checked: section.inNavigation))
                <p class="muted">Address /section/\(section.slug)/ · \(DisplayFormat.count(section.articles, "article", "articles"))</p>
                <button type="submit" class="button--small">Save</button></form>
                <div class="section-row__actions">
                \(HTML.when(index > 0) { HTML("<form method=\"post\" action=\"/admin/sections/\(section.id)/move\">\(chrome.csrfField)<input type=\"hidden\" name=\"direction\" value=\"up\"><button type=\"submit\" class=\"button--small\" aria-label=\"Move \(section.name) up\">↑ Up</button></form>") })
                \(HTML.when(index < sections.count - 1) { HTML("<form method=\"post\" action=\"/admin/sections/\(section.id)/move\">\(chrome.csrfField)<input type=\"hidden\" name=\"direction\" value=\"down\"><button type=\"submit\" class=\"button--small\" aria-label=\"Move \(section.name) down\">↓ Down</button></form>") })
                <form method="post" action="/admin/sections/\(section.id)/delete" data-confirm="Delete the section \(section.name)? Its articles stay, without a section.">\(chrome.csrfField)\
                <button type="submit" class="button--small button--danger">Delete</button></form>
                </div></li>
                """)
        }
        return AdminLayout.page(
            chrome, title: "Sections",
            main: """
                <h1>Sections</h1>
                <p>The order here is the order of the navigation and of the blocks on the home page.</p>
                <ol class="section-list">\(rows)</ol>
                <form method="post" action="/admin/sections" class="panel">\(chrome.csrfField)<h2>New section</h2>
                \(AdminField.text("name", label: "Name", value: newName, error: errors["name"], attributes: "required maxlength=\"60\""))
                <button type="submit">Add section</button></form>
                """)
    }
}
