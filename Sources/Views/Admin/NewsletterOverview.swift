/// A newsletter in the back office's overview.
public struct NewsletterRowModel: Equatable, Sendable {
    public var id: Int
    public var name: String
    public var schedule: String
    public var audience: Int
    public var isDefault: Bool

    public init(id: Int, name: String, schedule: String, audience: Int, isDefault: Bool) {
        self.id = id
        self.name = name
        self.schedule = schedule
        self.audience = audience
        self.isDefault = isDefault
    }
}

/// An edition in a list, with where its sending stands.
public struct EditionRowModel: Equatable, Sendable {
    public var id: Int
    public var subject: String
    public var newsletter: String
    public var status: String
    public var statusKey: String
    public var date: String
    public var sent: Int
    public var failed: Int
    public var remaining: Int

    public init(
        id: Int, subject: String, newsletter: String, status: String, statusKey: String, date: String, sent: Int, failed: Int,
        remaining: Int
    ) {
        self.id = id
        self.subject = subject
        self.newsletter = newsletter
        self.status = status
        self.statusKey = statusKey
        self.date = date
        self.sent = sent
        self.failed = failed
        self.remaining = remaining
    }
}

/// `/admin/newsletter`: figures, newsletters, editions.
public struct NewsletterOverviewModel: Equatable, Sendable {
    public var chrome: AdminChrome
    /// (label, count, link) for each subscriber status.
    public var counts: [CountModel]
    public var newsletters: [NewsletterRowModel]
    public var editions: [EditionRowModel]

    public init(chrome: AdminChrome, counts: [CountModel], newsletters: [NewsletterRowModel], editions: [EditionRowModel]) {
        self.chrome = chrome
        self.counts = counts
        self.newsletters = newsletters
        self.editions = editions
    }
}

public struct CountModel: Equatable, Sendable {
    public var label: String
    public var count: Int
    public var href: String

    public init(label: String, count: Int, href: String) {
        self.label = label
        self.count = count
        self.href = href
    }
}

public enum NewsletterOverview {
    public static func render(_ model: NewsletterOverviewModel) -> HTML {
        let counts = model.counts.map { count in
            HTML("<div><dt><a href=\"\(count.href)\">\(count.label)</a></dt><dd>\(DisplayFormat.grouped(count.count))</dd></div>")
        }
        let newsletters = model.newsletters.map { row in
            HTML(
                """
                <tr><td><a href="/admin/newsletter/lists/\(row.id)"><strong>\(row.name)</strong></a>\
                \(HTML.when(row.isDefault) { " <span class=\"muted\">(offered first)</span>" })</td><td>\(row.schedule)</td>\
                <td class="numeric">\(DisplayFormat.grouped(row.audience))</td>\
                <td><a class="button button--small" href="/admin/newsletter/editions/new?newsletter=\(row.id)">Write an edition</a></td></tr>
                """)
        }
        return AdminLayout.page(
            model.chrome, title: "Newsletter",
            main: """
                <div class="page-head"><h1>Newsletter</h1><a class="button" href="/admin/newsletter/subscribers">Subscribers</a></div>
                <dl class="stats">\(counts)</dl>
                <section class="panel"><div class="page-head"><h2>Newsletters</h2>\
                <a class="button button--small" href="/admin/newsletter/lists/new">New newsletter</a></div>
                <div class="table-wrap"><table class="data-table"><thead><tr><th scope="col">Name</th><th scope="col">Schedule</th>\
                <th scope="col" class="numeric">Readers</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>\
                <tbody>\(newsletters)</tbody></table></div></section>
                <section class="panel"><h2>Editions</h2>\(EditionList.table(model.editions))</section>
                """)
    }
}

public enum EditionList {
    public static func table(_ rows: [EditionRowModel]) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"panel__empty\">No editions yet.</p>" }
        let body = rows.map { row in
            HTML(
                """
                <tr><td><a href="/admin/newsletter/editions/\(row.id)"><strong>\(row.subject.isEmpty ? "(no subject)" : row.subject)</strong></a></td>\
                <td>\(row.newsletter)</td><td><span class="status status--\(row.statusKey)">\(row.status)</span></td><td>\(row.date)</td>\
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
}

/// Creating or changing a newsletter.
public enum NewsletterForm {
    public static func render(
        _ chrome: AdminChrome, id: Int?, values: [String: String], sections: [(value: String, label: String, checked: Bool)],
        errors: [String: String]
    ) -> HTML {
        let action = id.map { "/admin/newsletter/lists/\($0)" } ?? "/admin/newsletter/lists"
        let kinds: [(value: String, label: String)] = [
            ("daily", "Daily digest"), ("weekly", "Weekly digest"), ("manual", "Only editions we write"),
        ]
        let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"].enumerated().map {
            (value: String($0.offset + 1), label: $0.element)
        }
        let sectionBoxes = sections.map { section in
            HTML(
                """
                <li><input type="checkbox" id="sec-\(section.value)" name="section" value="\(section.value)"\
                \(HTML.when(section.checked) { " checked" })><label for="sec-\(section.value)">\(section.label)</label></li>
                """)
        }
        let title = id == nil ? "New newsletter" : "Newsletter settings"
        return AdminLayout.page(
            chrome, title: title,
            main: """
                <p><a href="/admin/newsletter">← Newsletter</a></p><h1>\(title)</h1>
                <form method="post" action="\(action)" class="panel">\(chrome.csrfField)
                \(AdminField.errorSummary(errors, order: ["name", "sender", "schedule", "time"]))
                \(AdminField.text("name", label: "Name", value: values["name"] ?? "", error: errors["name"], attributes: "required maxlength=\"80\""))
                \(AdminField.text("sender", label: "Sender name", value: values["sender"] ?? "", error: errors["sender"], hint: "Shown as who the email is from.", attributes: "required maxlength=\"80\""))
                \(AdminField.textarea("description", label: "Description for readers", value: values["description"] ?? "", error: errors["description"], rows: 2, attributes: "maxlength=\"300\""))
                <div class="row">\(AdminField.select("schedule", label: "Sends", options: kinds, selected: values["schedule"] ?? "daily", error: errors["schedule"]))\
                \(AdminField.select("weekday", label: "Day (weekly)", options: weekdays, selected: values["weekday"] ?? "7"))\
                \(AdminField.text("time", label: "Time", value: values["time"] ?? "07:00", error: errors["time"], hint: "In the site’s time zone.", type: "time"))</div>
                <fieldset class="field"><legend>Sections a digest draws from</legend><p class="field__hint">None ticked: every section.</p>\
                <ul class="checklist">\(sectionBoxes)</ul></fieldset>
                \(AdminField.checkbox("default", label: "Offer it first", checked: values["default"] == "on", hint: "Readers who sign up in the home page’s box get the newsletters ticked here."))
                <button type="submit">Save</button></form>
                \(id.map { id in HTML("""
                <form method="post" action="/admin/newsletter/lists/\(id)/delete" class="panel" data-confirm="Delete this newsletter? Its subscribers lose it.">\(chrome.csrfField)\
                <h2>Delete</h2><p>Only a newsletter that has never sent an edition can be deleted.</p>\
                <button type="submit" class="button--danger">Delete newsletter</button></form>
                """) })
                """)
    }
}
