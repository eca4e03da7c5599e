/// A subscriber in the back office's list.
public struct SubscriberRowModel: Equatable, Sendable {
    public var id: Int
    public var email: String
    public var name: String
    public var status: String
    public var statusKey: String
    public var newsletters: String
    public var consent: String
    public var since: String
    public var isSuppressed: Bool

    public init(
        id: Int, email: String, name: String, status: String, statusKey: String, newsletters: String, consent: String, since: String,
        isSuppressed: Bool
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.status = status
        self.statusKey = statusKey
        self.newsletters = newsletters
        self.consent = consent
        self.since = since
        self.isSuppressed = isSuppressed
    }
}

public struct SubscriberListModel: Equatable, Sendable {
    public var chrome: AdminChrome
    public var rows: [SubscriberRowModel]
    public var total: Int
    public var search: String
    public var status: String
    public var statusOptions: [SelectOption]
    public var newsletter: String
    public var newsletterOptions: [SelectOption]
    public var exportHref: String
    public var pager: PagerModel

    public init(
        chrome: AdminChrome, rows: [SubscriberRowModel], total: Int, search: String, status: String, statusOptions: [SelectOption],
        newsletter: String, newsletterOptions: [SelectOption], exportHref: String, pager: PagerModel
    ) {
        self.chrome = chrome
        self.rows = rows
        self.total = total
        self.search = search
        self.status = status
        self.statusOptions = statusOptions
        self.newsletter = newsletter
        self.newsletterOptions = newsletterOptions
        self.exportHref = exportHref
        self.pager = pager
    }
}

/// A value and its label in a select or a list of checkboxes.
public struct SelectOption: Equatable, Sendable {
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

public enum SubscriberPages {
    public static func list(_ model: SubscriberListModel, importError: String? = nil) -> HTML {
        let rows = model.rows.map { row in
            HTML(
                """
                <tr><td><strong>\(row.email)</strong>\(HTML.when(!row.name.isEmpty) { HTML("<br><span class=\"muted\">\(row.name)</span>") })</td>\
                <td><span class="status status--\(row.statusKey)">\(row.status)</span>\(HTML.when(row.isSuppressed) { " <span class=\"status status--failed\">Suppressed</span>" })</td>\
                <td>\(row.newsletters)</td><td class="muted">\(row.consent)</td><td>\(row.since)</td>\
                <td>\(HTML.when(row.isSuppressed) { HTML("<form method=\"post\" action=\"/admin/newsletter/subscribers/\(row.id)/unsuppress\" class=\"inline\">\(model.chrome.csrfField)<button type=\"submit\" class=\"button--small\">Lift suppression</button></form> ") })\
                <form method="post" action="/admin/newsletter/subscribers/\(row.id)/delete" class="inline" data-confirm="Erase \(row.email) and their history for good?">\(model.chrome.csrfField)\
                <button type="submit" class="button--small button--danger">Erase</button></form></td></tr>
                """)
        }
        let table: HTML =
            model.rows.isEmpty
            ? "<p class=\"panel__empty\">No subscribers match.</p>"
            : HTML(
                """
                <div class="table-wrap"><table class="data-table"><caption class="visually-hidden">Subscribers</caption><thead><tr>\
                <th scope="col">Address</th><th scope="col">Status</th><th scope="col">Newsletters</th><th scope="col">Consent</th>\
                <th scope="col">Since</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead><tbody>\(rows)</tbody></table></div>
                """)
        let newsletterBoxes = model.newsletterOptions.filter { !$0.value.isEmpty }.map { option in
            HTML(
                """
                <li><input type="checkbox" id="imp-\(option.value)" name="newsletter" value="\(option.value)">\
                <label for="imp-\(option.value)">\(option.label)</label></li>
                """)
        }
        return AdminLayout.page(
            model.chrome, title: "Subscribers",
            main: """
                <p><a href="/admin/newsletter">← Newsletter</a></p>
                <div class="page-head"><h1>Subscribers <span class="muted">\(DisplayFormat.grouped(model.total))</span></h1>\
                <a class="button" href="\(model.exportHref)" download>Export CSV</a></div>
                <form class="filters" method="get" action="/admin/newsletter/subscribers">
                \(AdminField.text("q", label: "Address or name contains", value: model.search, type: "search"))
                \(AdminField.select("status", label: "Status", options: model.statusOptions.map { ($0.value, $0.label) }, selected: model.status))
                \(AdminField.select("newsletter", label: "Newsletter", options: model.newsletterOptions.map { ($0.value, $0.label) }, selected: model.newsletter))
                <button type="submit">Filter</button></form>
                \(table)
                \(Pager.html(model.pager))
                <form method="post" action="/admin/newsletter/subscribers/import" enctype="multipart/form-data" class="panel">\(model.chrome.csrfField)
                <h2>Import from CSV</h2>
                <p>The first row names the columns: <code>email</code>, <code>consent</code> (where each person agreed to receive the \
                newsletter; rows without it are not imported) and optionally <code>name</code>. Suppressed addresses and people who \
                unsubscribed are never added back.</p>
                \(importError.map { HTML("<p class=\"field__error\" role=\"alert\">\($0)</p>") })
                \(AdminField.text("file", label: "CSV file", value: "", type: "file", attributes: "accept=\".csv,text/csv\" required"))
                <fieldset class="field"><legend>Subscribe them to</legend><ul class="checklist">\(newsletterBoxes)</ul></fieldset>
                <button type="submit">Import</button></form>
                """)
    }

    public static func importReport(
        _ chrome: AdminChrome, added: Int, updated: Int, suppressed: [String], unsubscribed: [String],
        rejected: [(line: Int, reason: String)]
    ) -> HTML {
        func list(_ title: String, _ items: [String]) -> HTML {
            guard !items.isEmpty else { return .empty }
            return HTML("<h2>\(title) (\(items.count))</h2><ul class=\"report\">\(items.prefix(500).map { HTML("<li>\($0)</li>") })</ul>")
        }
        return AdminLayout.page(
            chrome, title: "Import",
            main: """
                <p><a href="/admin/newsletter/subscribers">← Subscribers</a></p><h1>Import finished</h1>
                <dl class="stats"><div><dt>Added</dt><dd>\(DisplayFormat.grouped(added))</dd></div>\
                <div><dt>Already on the list</dt><dd>\(DisplayFormat.grouped(updated))</dd></div>\
                <div><dt>Left out</dt><dd>\(DisplayFormat.grouped(suppressed.count + unsubscribed.count + rejected.count))</dd></div></dl>
                \(list("Suppressed addresses, not added", suppressed))
                \(list("Unsubscribed earlier, not added back", unsubscribed))
                \(list("Rows not imported", rejected.map { "Line \($0.line): \($0.reason)" }))
                """)
    }
}
