import Domain
import Routes

public enum SettingsView {
    typealias Field = SettingsForm.Field

    public static func render(_ model: SettingsPageModel) -> HTML {
        let form = model.form
        let errors = model.errors
        func text(_ field: Field, _ value: String, _ label: String, hint: String? = nil, type: String = "text") -> HTML {
            AdminField.text(field, label: label, value: value, error: errors[field], hint: hint, type: type)
        }
        let channels = form.channels.enumerated().map { index, channel in
            HTML(
                "<div class=\"row\">\(text(.channelLabel(index), channel.label, "Link \(index + 1) label"))\(text(.channelURL(index), channel.url, "Link \(index + 1) address", type: "url"))</div>"
            )
        }
        let ads = form.ads.enumerated().map { index, ad in
            HTML(
                """
                <fieldset class="ad-row"><legend>Slot \(index + 1)</legend>\
                \(text(.adName(index), ad.name, "Name", hint: index == form.ads.count - 1 ? "Fill in to add a slot; empty the name to remove one." : nil))\
                \(AdminField.select(Field.adPlacement(index), label: "Placement", options: model.placementOptions, selected: ad.placement))\
                \(AdminField.textarea(Field.adHTML(index), label: "HTML snippet", value: ad.html, error: errors[.adHTML(index)], hint: "Empty shows a house ad for donations. Scripts from other sites are blocked by the site's security policy.", rows: 3))\
                \(AdminField.checkbox(Field.adEnabled(index), label: "Shown", checked: ad.enabled))</fieldset>
                """)
        }
        return AdminLayout.page(
            model.chrome, title: "Settings",
            main: """
                <h1>Settings</h1>
                \(AdminField.errorSummary(errors))
                \(AdminField.form(.settings, chrome: model.chrome, class: "settings", """
                    <section class="panel"><h2>Identity</h2>
                    \(text(.title, form.title, "Site title"))\(text(.tagline, form.tagline, "Tagline"))
                    \(AdminField.select(Field.logo, label: "Logo", options: model.logoOptions, selected: form.logo, hint: "Images from the media library that have alt text."))
                    \(AdminField.select(Field.language, label: "Language", options: model.languageOptions, selected: form.language))
                    \(AdminField.select(Field.timeZone, label: "Time zone", options: model.timeZoneOptions, selected: form.timeZone, error: errors[.timeZone]))
                    </section>
                    <section class="panel"><h2>Widgets beside articles and on the home page</h2>
                    \(AdminField.checkbox(Field.showNewsletter, label: "Show the newsletter sign-up box", checked: form.showNewsletter))
                    \(AdminField.checkbox(Field.showQuickDonate, label: "Show the quick donate box", checked: form.showQuickDonate))
                    \(text(.quickDonateAmount, form.quickDonateAmount, "Quick donate amount", type: "number"))
                    <fieldset><legend>Channel call-out</legend>\
                    \(text(.channelTitle, form.channelTitle, "Title", hint: "Like “Join our YouTube channel” or “Listen to our podcast”."))\
                    \(AdminField.textarea(Field.channelText, label: "Text", value: form.channelText, error: errors[.channelText], hint: "One or two sentences; may be empty.", rows: 2))\
                    \(channels)<p class="field__hint">The call-out is shown when it has at least one link.</p></fieldset>
                    </section>
                    <section class="panel"><h2>Support call-out</h2>
                    \(AdminField.textarea(Field.supportCallout, label: "Text after every article", value: form.supportCallout, error: errors[.supportCallout], hint: "Empty hides the call-out.", rows: 2))
                    \(text(.supportLabel, form.supportLabel, "Button label"))\(text(.supportURL, form.supportURL, "Button address", hint: "A page of this site (/donate/) or an address like https://patreon.com/…"))
                    </section>
                    <section class="panel"><h2>Articles</h2>
                    \(text(.updateGrace, form.updateGrace, "Minutes after publishing before a correction shows “Updated”", hint: "0 shows every correction of the text, however soon.", type: "number"))
                    </section>
                    <section class="panel"><h2>Advertisements</h2>\(ads)</section>
                    <section class="panel"><h2>Discussion</h2>
                    \(text(.commentLevels, form.commentLevels, "Reply levels shown nested", hint: "1 to 10.", type: "number"))
                    \(AdminField.checkbox(Field.premoderate, label: "Hold new comments until a moderator approves them", checked: form.premoderate))
                    \(AdminField.checkbox(Field.holdFirst, label: "Otherwise, hold the first comment from an address no moderator has approved yet", checked: form.holdFirst))
                    <div class="row">\(text(.maximumLinks, form.maximumLinks, "Hold comments with more links than", type: "number"))\(text(.flagsToHold, form.flagsToHold, "Reader reports that hold a comment", type: "number"))</div>
                    \(AdminField.textarea(Field.blockWords, label: "Blocked words (comments go to spam)", value: form.blockWords, error: errors[.blockWords], hint: "One word or phrase per line; whole words, any case.", rows: 3))
                    \(AdminField.textarea(Field.holdWords, label: "Words that hold a comment for review", value: form.holdWords, error: errors[.holdWords], hint: "One word or phrase per line.", rows: 3))
                    <div class="row">\(text(.excerptWords, form.excerptWords, "Cut comments longer than (words) with “Read more »”", type: "number"))\(text(.editMinutes, form.editMinutes, "Minutes a commenter may edit or delete", type: "number"))</div>
                    \(text(.closeAfterDays, form.closeAfterDays, "Close discussions this many days after publication", hint: "0 keeps them open.", type: "number"))
                    </section>
                    <section class="panel"><h2>Donations</h2>
                    \(text(.donationPresets, form.donationPresets, "Preset amounts", hint: "Whole numbers separated by commas."))
                    <div class="row">\(text(.donationMinimum, form.donationMinimum, "Smallest amount", type: "number"))\(text(.donationMaximum, form.donationMaximum, "Largest amount", type: "number"))</div>
                    \(text(.currencies, form.currencies, "Currencies", hint: "Three-letter codes separated by commas, the default first (USD, EUR)."))
                    \(text(.quickDonateText, form.quickDonateText, "Quick donate button", hint: "{amount} becomes the amount: “Donate a quick {amount} spot!”"))
                    \(AdminField.checkbox(Field.useStripe, label: "Take cards through Stripe (keys: STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET on the server)", checked: form.useStripe))
                    \(AdminField.checkbox(Field.usePayPal, label: "Take PayPal (keys: PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET, PAYPAL_WEBHOOK_ID on the server)", checked: form.usePayPal))
                    <p class="hint">Keys are read from the server's environment only and are never shown here.</p>
                    \(text(.newsroomName, form.newsroomName, "Legal name on receipts", hint: "Empty uses the site's title."))
                    \(AdminField.textarea(Field.newsroomAddress, label: "Postal address on receipts", value: form.newsroomAddress, error: errors[.newsroomAddress], hint: nil, rows: 3))
                    \(AdminField.checkbox(Field.showSupporters, label: "List donors who agree on the public supporters page", checked: form.showSupporters))
                    </section>
                    <section class="panel"><h2>Email</h2>
                    \(text(.mailName, form.mailName, "Sender name"))\(text(.mailAddress, form.mailAddress, "Sender address", type: "email"))\(text(.mailReply, form.mailReply, "Reply-to address", type: "email"))
                    <p class="field__hint">The mail server is set on the server (SMTP_URL).</p>
                    </section>
                    <button type="submit">Save settings</button>
                    """))
                """)
    }

    public static func sections(_ model: SectionsPageModel) -> HTML {
        let chrome = model.chrome
        let rows = model.rows.enumerated().map { index, section in
            HTML(
                """
                <li class="section-row panel">
                \(AdminField.form(.section(section.id), chrome: chrome, """
                    <div class="row">\(AdminField.text(SectionForm.Field.rowName(section.id), label: "Name", value: section.name))\
                    \(AdminField.text(SectionForm.Field.rowDescription(section.id), label: "Description", value: section.description))</div>
                    \(AdminField.checkbox(SectionForm.Field.rowInNavigation(section.id), label: "In the navigation", checked: section.inNavigation))
                    <p class="muted">Address \(SiteURL.section(slug: section.slug).path) · \(DisplayFormat.count(section.articles, "article", "articles"))</p>
                    <button type="submit" class="button--small">Save</button>
                    """))
                <div class="section-row__actions">
                \(HTML.when(index > 0) { move(section, direction: "up", label: "↑ Up", chrome: chrome) })
                \(HTML.when(index < model.rows.count - 1) { move(section, direction: "down", label: "↓ Down", chrome: chrome) })
                \(AdminField.form(.sectionDelete(section.id), chrome: chrome, confirm: "Delete the section \(section.name)? Its articles stay, without a section.", "<button type=\"submit\" class=\"button--small button--danger\">Delete</button>"))
                </div></li>
                """)
        }
        return AdminLayout.page(
            chrome, title: "Sections",
            main: """
                <h1>Sections</h1>
                <p>The order here is the order of the navigation and of the blocks on the home page.</p>
                <ol class="section-list">\(rows)</ol>
                \(AdminField.form(.sections, chrome: chrome, class: "panel", """
                    <h2>New section</h2>
                    \(AdminField.text(SectionForm.Field.name, label: "Name", value: model.newName, error: model.errors[.name], attributes: "required maxlength=\"60\""))
                    <button type="submit">Add section</button>
                    """))
                """)
    }

    static func move(_ section: SectionsPageModel.Row, direction: String, label: String, chrome: AdminChrome) -> HTML {
        AdminField.form(
            .sectionMove(section.id), chrome: chrome,
            """
            \(AdminField.hidden(SectionForm.Field.direction, value: direction))\
            <button type="submit" class="button--small" aria-label="Move \(section.name) \(direction)">\(label)</button>
            """)
    }
}
