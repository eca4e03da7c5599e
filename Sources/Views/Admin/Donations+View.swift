import Domain
import Routes

/// The back office's ledger: the list with filters and figures, and one gift's history.
public enum DonationsView {
    typealias Field = DonationFilterField

    public static func list(_ model: DonationListModel) -> HTML {
        let query = model.query
        var export = query
        export.page = 1
        let rows = model.table.map(row)
        let table: HTML =
            model.table.isEmpty
            ? "<p class=\"panel__empty\">No donations match.</p>"
            : HTML(
                """
                <div class="table-wrap"><table class="data-table"><caption class="visually-hidden">Donations</caption><thead><tr>\
                <th scope="col">Date</th><th scope="col">Donor</th><th scope="col">Amount</th><th scope="col">Status</th>\
                <th scope="col">Kind</th><th scope="col">Paid with</th><th scope="col">Reference</th></tr></thead><tbody>\(rows)</tbody></table></div>
                """)
        let any = SelectOption(value: "", label: "Any")
        return AdminLayout.page(
            model.chrome, title: "Donations",
            main: """
                <div class="page-head"><h1>Donations <span class="muted">\(DisplayFormat.grouped(model.total))</span></h1>\
                <a class="button" href="\(AdminURL.donationsCSV(export))" download>Export CSV</a></div>
                <section class="panel"><h2>Money kept per month</h2>
                <p class="muted">Received less refunds, by the month the payment arrived (UTC).</p>
                \(chart(model))
                <p><strong>Monthly recurring revenue:</strong> \(model.recurring.isEmpty ? "none yet" : model.recurring.joined(separator: " · "))</p>
                </section>
                <form class="filters" method="get" action="\(AdminURL.donations())">
                \(AdminField.text(Field.q, label: "Donor or reference contains", value: query.search, type: "search"))
                \(AdminField.select(Field.provider, label: "Provider", options: [any] + DonationProvider.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) }, selected: query.provider?.rawValue ?? ""))
                \(AdminField.select(Field.status, label: "Status", options: [any] + DonationStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) }, selected: query.status?.rawValue ?? ""))
                \(AdminField.select(Field.currency, label: "Currency", options: [any] + model.currencies.map { SelectOption(value: $0, label: $0) }, selected: query.currency))
                \(AdminField.select(Field.kind, label: "Kind", options: [any, SelectOption(value: "once", label: "One time"), SelectOption(value: "recurring", label: "Monthly or yearly")], selected: query.recurring.map { $0 ? "recurring" : "once" } ?? ""))
                \(AdminField.text(Field.from, label: "From", value: query.from, type: "date"))
                \(AdminField.text(Field.to, label: "To", value: query.to, type: "date"))
                <button type="submit">Filter</button></form>
                \(table)
                \(Pager.html(model.pager))
                """)
    }

    static func row(_ row: DonationListModel.Row) -> HTML {
        HTML(
            """
            <tr><td>\(row.date)</td><td><strong>\(row.donor)</strong><br><span class="muted">\(row.email)</span></td>\
            <td>\(row.amount)\(row.refunded.map { HTML("<br><span class=\"muted\">\($0) refunded</span>") })</td>\
            <td><span class="status status--\(row.status.rawValue)">\(row.status.label)</span></td>\
            <td>\(row.frequency.label)\(row.series.map { HTML("<br><span class=\"muted\">\($0)</span>") })</td><td>\(row.provider.label)</td>\
            <td><a href="\(AdminURL.donation(row.id))">\(row.reference)</a></td></tr>
            """)
    }

    /// One bar chart per currency, months along the bottom, drawn on the server as SVG (no
    /// script, no library), each bar labelled with its amount, the figures also as a table.
    static func chart(_ model: DonationListModel) -> HTML {
        guard !model.bars.isEmpty else { return "<p class=\"panel__empty\">No money received yet.</p>" }
        let currencies = Array(Set(model.bars.map(\.currency))).sorted()
        let figures = currencies.map { currency in
            let bars = model.bars.filter { $0.currency == currency }
            let width = 640
            let height = 200
            let top = 22
            let bottom = 24
            let slot = Double(width) / Double(max(model.months.count, 1))
            let barWidth = Int(slot * 0.6)
            let largest = max(bars.map(\.minorUnits).max() ?? 1, 1)
            let shapes = bars.compactMap { bar -> HTML? in
                guard let index = model.months.firstIndex(of: bar.month) else { return nil }
                let barHeight = max(bar.minorUnits * (height - top - bottom) / largest, bar.minorUnits > 0 ? 1 : 0)
                let x = Int(Double(index) * slot + (slot - Double(barWidth)) / 2)
                let y = height - bottom - barHeight
                return HTML(
                    """
                    <rect class="chart__bar" x="\(x)" y="\(y)" width="\(barWidth)" height="\(barHeight)"><title>\(bar.month): \(bar.label)</title></rect>\
                    <text class="chart__label" x="\(x + barWidth / 2)" y="\(y - 6)" text-anchor="middle">\(bar.label)</text>
                    """)
            }
            let labels = model.months.enumerated().map { index, month in
                HTML(
                    "<text class=\"chart__label\" x=\"\(Int(Double(index) * slot + slot / 2))\" y=\"\(height - 6)\" text-anchor=\"middle\">\(month)</text>"
                )
            }
            let rows = bars.map { HTML("<tr><td>\($0.month)</td><td>\($0.label)</td></tr>") }
            return HTML(
                """
                <figure class="chart"><figcaption><strong>\(currency)</strong></figcaption>
                <svg viewBox="0 0 \(width) \(height)" role="img" aria-label="Money kept per month in \(currency)" focusable="false">\(shapes)\(labels)</svg>
                <details class="chart__data"><summary>Show the figures</summary><table><thead><tr><th scope="col">Month</th>\
                <th scope="col">Kept</th></tr></thead><tbody>\(rows)</tbody></table></details></figure>
                """)
        }
        return "\(figures)"
    }

    public static func show(_ model: DonationShowModel) -> HTML {
        let row = model.row
        let facts = model.facts.map { HTML("<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>") }
        let events = model.events.map { event in
            HTML(
                "<tr><td>\(event.date)</td><td><code>\(event.type)</code></td><td>\(event.summary)</td><td class=\"muted\">\(event.eventID)</td></tr>"
            )
        }
        return AdminLayout.page(
            model.chrome, title: "Donation \(row.reference)",
            main: """
                <p><a href="\(AdminURL.donations())">← Donations</a></p>
                <h1>\(row.amount) <span class="status status--\(row.status.rawValue)">\(row.status.label)</span></h1>
                <dl class="facts">\(facts)</dl>
                <section class="panel"><h2>Provider events</h2>
                \(model.events.isEmpty ? HTML("<p class=\"panel__empty\">No event from the provider yet: the payment is not confirmed.</p>") : HTML("<div class=\"table-wrap\"><table class=\"data-table\"><thead><tr><th scope=\"col\">Received</th><th scope=\"col\">Event</th><th scope=\"col\">What it said</th><th scope=\"col\">Id</th></tr></thead><tbody>\(events)</tbody></table></div>"))
                </section>
                \(HTML.when(!model.related.isEmpty) { HTML("<section class=\"panel\"><h2>The same recurring gift</h2><div class=\"table-wrap\"><table class=\"data-table\"><tbody>\(model.related.map(Self.row))</tbody></table></div></section>") })
                """)
    }
}
