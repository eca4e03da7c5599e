import Domain
import Routes

public enum SubscribersView {
    public static func list(_ model: SubscriberListModel) -> HTML {
        let chrome = model.chrome
        let rows = model.rows.map { row in
            let lift: HTML = HTML.when(row.isSuppressed) {
                AdminField.form(
                    .subscriberUnsuppress(row.id), chrome: chrome, class: "inline",
                    "<button type=\"submit\" class=\"button--small\">Lift suppression</button>")
            }
            return HTML(
                """
                <tr><td><strong>\(row.email)</strong>\(HTML.when(!row.name.isEmpty) { HTML("<br><span class=\"muted\">\(row.name)</span>") })</td>\
                <td><span class="status status--\(row.statusKey)">\(row.status)</span>\(HTML.when(row.isSuppressed) { " <span class=\"status status--failed\">Suppressed</span>" })</td>\
                <td>\(row.newsletters)</td><td class="muted">\(row.consent)</td><td>\(row.since)</td>\
                <td>\(lift) \(AdminField.form(.subscriberDelete(row.id), chrome: chrome, class: "inline", confirm: "Erase \(row.email) and their history for good?", "<button type=\"submit\" class=\"button--small button--danger\">Erase</button>"))</td></tr>
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
        let newsletterBoxes = model.newsletters.map { option in
            HTML(
                """
                <li><input type="checkbox" id="imp-\(option.value)" name="\(SubscriberImportForm.Field.newsletter.name)" value="\(option.value)">\
                <label for="imp-\(option.value)">\(option.label)</label></li>
                """)
        }
        var exportQuery = model.query
        exportQuery.page = 1
        return AdminLayout.page(
            chrome, title: "Subscribers",
            main: """
                <p><a href="\(AdminURL.newsletter)">← Newsletter</a></p>
                <div class="page-head"><h1>Subscribers <span class="muted">\(DisplayFormat.grouped(model.total))</span></h1>\
                <a class="button" href="\(AdminURL.subscribersCSV(exportQuery))" download>Export CSV</a></div>
                <form class="filters" method="get" action="\(AdminURL.subscribers())">
                \(AdminField.text(ListFilterField.q, label: "Address or name contains", value: model.query.search, type: "search"))
                \(AdminField.select(ListFilterField.status, label: "Status", options: model.statusOptions, selected: model.query.status.rawValue))
                \(AdminField.select(ListFilterField.newsletter, label: "Newsletter", options: [SelectOption(value: "", label: "Any newsletter")] + model.newsletters, selected: model.query.newsletter?.description ?? ""))
                <button type="submit">Filter</button></form>
                \(table)
                \(Pager.html(model.pager))
                \(AdminField.form(.subscribersImport, chrome: chrome, class: "panel", multipart: true, """
                    <h2>Import from CSV</h2>
                    <p>The first row names the columns: <code>email</code>, <code>consent</code> (where each person agreed to receive the \
                    newsletter; rows without it are not imported) and optionally <code>name</code>. Suppressed addresses and people who \
                    unsubscribed are never added back.</p>
                    \(model.importError.map { HTML("<p class=\"field__error\" role=\"alert\">\($0)</p>") })
                    \(AdminField.text(SubscriberImportForm.Field.file, label: "CSV file", value: "", type: "file", attributes: "accept=\".csv,text/csv\" required"))
                    <fieldset class="field"><legend>Subscribe them to</legend><ul class="checklist">\(newsletterBoxes)</ul></fieldset>
                    <button type="submit">Import</button>
                    """))
                """)
    }

    public static func importReport(_ model: ImportReportModel) -> HTML {
        func list(_ title: String, _ items: [String]) -> HTML {
            guard !items.isEmpty else { return .empty }
            return HTML("<h2>\(title) (\(items.count))</h2><ul class=\"report\">\(items.prefix(500).map { HTML("<li>\($0)</li>") })</ul>")
        }
        let leftOut = model.suppressed.count + model.unsubscribed.count + model.rejected.count
        return AdminLayout.page(
            model.chrome, title: "Import",
            main: """
                <p><a href="\(AdminURL.subscribers())">← Subscribers</a></p><h1>Import finished</h1>
                <dl class="stats"><div><dt>Added</dt><dd>\(DisplayFormat.grouped(model.added))</dd></div>\
                <div><dt>Already on the list</dt><dd>\(DisplayFormat.grouped(model.updated))</dd></div>\
                <div><dt>Left out</dt><dd>\(DisplayFormat.grouped(leftOut))</dd></div></dl>
                \(list("Suppressed addresses, not added", model.suppressed))
                \(list("Unsubscribed earlier, not added back", model.unsubscribed))
                \(list("Rows not imported", model.rejected.map { "Line \($0.line): \($0.reason)" }))
                """)
    }
}
