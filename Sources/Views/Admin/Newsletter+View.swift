import Domain
import Routes

public enum NewsletterView {
    public static func overview(_ model: NewsletterOverviewModel) -> HTML {
        let counts = model.counts.map { count in
            HTML(
                "<div><dt><a href=\"\(AdminURL.subscribers(SubscriberListQuery(status: count.status)))\">\(count.status.label)</a></dt><dd>\(DisplayFormat.grouped(count.count))</dd></div>"
            )
        }
        let newsletters = model.newsletters.map { row in
            HTML(
                """
                <tr><td><a href="\(AdminURL.newsletterItem(row.id))"><strong>\(row.name)</strong></a>\
                \(HTML.when(row.isDefault) { " <span class=\"muted\">(offered first)</span>" })</td><td>\(row.schedule)</td>\
                <td class="numeric">\(DisplayFormat.grouped(row.audience))</td>\
                <td><a class="button button--small" href="\(AdminURL.editionNew(newsletter: row.id))">Write an edition</a></td></tr>
                """)
        }
        return AdminLayout.page(
            model.chrome, title: "Newsletter",
            main: """
                <div class="page-head"><h1>Newsletter</h1><a class="button" href="\(AdminURL.subscribers())">Subscribers</a></div>
                <dl class="stats">\(counts)</dl>
                <section class="panel"><div class="page-head"><h2>Newsletters</h2>\
                <a class="button button--small" href="\(AdminURL.newsletterNew)">New newsletter</a></div>
                <div class="table-wrap"><table class="data-table"><thead><tr><th scope="col">Name</th><th scope="col">Schedule</th>\
                <th scope="col" class="numeric">Readers</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>\
                <tbody>\(newsletters)</tbody></table></div></section>
                <section class="panel"><h2>Editions</h2>\(editions(model.editions))</section>
                """)
    }

    public static func editions(_ rows: [EditionRowModel]) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"panel__empty\">No editions yet.</p>" }
        let body = rows.map { row in
            HTML(
                """
                <tr><td><a href="\(AdminURL.edition(row.id))"><strong>\(row.subject.isEmpty ? "(no subject)" : row.subject)</strong></a></td>\
                <td>\(row.newsletter)</td><td><span class="status status--\(row.status.rawValue)">\(row.status.label)</span></td><td>\(row.date)</td>\
                <td class="numeric">\(DisplayFormat.grouped(row.sent))</td><td class="numeric">\(DisplayFormat.grouped(row.failed))</td>\
                <td class="numeric">\(DisplayFormat.grouped(row.remaining))</td></tr>
                """)
        }
        return """
            <div class="table-wrap"><table class="data-table"><thead><tr><th scope="col">Subject</th><th scope="col">Newsletter</th>\
            <th scope="col">Status</th><th scope="col">Date</th><th scope="col" class="numeric">Sent</th><th scope="col" class="numeric">Failed</th>\
            <th scope="col" class="numeric">Remaining</th></tr></thead><tbody>\(body)</tbody></table></div>
            """
    }

    /// Creating or changing a newsletter.
    public static func settings(_ model: NewsletterSettingsModel) -> HTML {
        typealias Field = NewsletterForm.Field
        let chrome = model.chrome
        let form = model.form
        let errors = model.errors
        let kinds = NewsletterForm.Kind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) }
        let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"].enumerated().map {
            SelectOption(value: String($0.offset + 1), label: $0.element)
        }
        let sectionBoxes = model.sections.map { section in
            HTML(
                """
                <li><input type="checkbox" id="sec-\(section.value)" name="\(Field.section.name)" value="\(section.value)"\
                \(HTML.when(form.sections.map(\.description).contains(section.value)) { " checked" })><label for="sec-\(section.value)">\(section.label)</label></li>
                """)
        }
        let title = model.id == nil ? "New newsletter" : "Newsletter settings"
        let delete: HTML =
            model.id.map { id in
                AdminField.form(
                    .newsletterDelete(id), chrome: chrome, class: "panel", confirm: "Delete this newsletter? Its subscribers lose it.",
                    """
                    <h2>Delete</h2><p>Only a newsletter that has never sent an edition can be deleted.</p>\
                    <button type="submit" class="button--danger">Delete newsletter</button>
                    """)
            } ?? .empty
        return AdminLayout.page(
            chrome, title: title,
            main: """
                <p><a href="\(AdminURL.newsletter)">← Newsletter</a></p><h1>\(title)</h1>
                \(AdminField.form(.newsletterItem(model.id), chrome: chrome, class: "panel", """
                    \(AdminField.errorSummary(errors))
                    \(AdminField.text(Field.name, label: "Name", value: form.name, error: errors[.name], attributes: "required maxlength=\"80\""))
                    \(AdminField.text(Field.sender, label: "Sender name", value: form.sender, error: errors[.sender], hint: "Shown as who the email is from.", attributes: "required maxlength=\"80\""))
                    \(AdminField.textarea(Field.description, label: "Description for readers", value: form.description, error: errors[.description], rows: 2, attributes: "maxlength=\"300\""))
                    <div class="row">\(AdminField.select(Field.schedule, label: "Sends", options: kinds, selected: form.schedule, error: errors[.schedule]))\
                    \(AdminField.select(Field.weekday, label: "Day (weekly)", options: weekdays, selected: form.weekday))\
                    \(AdminField.text(Field.time, label: "Time", value: form.time, error: errors[.time], hint: "In the site’s time zone.", type: "time"))</div>
                    <fieldset class="field"><legend>Sections a digest draws from</legend><p class="field__hint">None ticked: every section.</p>\
                    <ul class="checklist">\(sectionBoxes)</ul></fieldset>
                    \(AdminField.checkbox(Field.isDefault, label: "Offer it first", checked: form.isDefault, hint: "Readers who sign up in the home page’s box get the newsletters ticked here."))
                    <button type="submit">Save</button>
                    """))
                \(delete)
                """)
    }
}
