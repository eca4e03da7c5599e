import Domain
import Routes

public enum DashboardView {
    public static func render(_ model: DashboardModel) -> HTML {
        let total = model.days.reduce(0) { $0 + $1.views }
        return AdminLayout.page(
            model.chrome, title: "Dashboard",
            main: """
                <h1>Dashboard</h1>
                <section class="panel panel--wide" aria-labelledby="views-heading">
                <h2 id="views-heading">Views, last \(model.days.count) days <span class="panel__figure">\(DisplayFormat.grouped(total))</span></h2>
                \(chart(model.days))
                </section>
                <div class="panels">
                \(ranking("Top articles today", model.topToday, id: "top-today"))
                \(ranking("Top articles this week", model.topWeek, id: "top-week"))
                <section class="panel" aria-labelledby="comments-heading"><h2 id="comments-heading">Comments</h2>
                <dl class="stats"><div><dt>Today</dt><dd>\(DisplayFormat.grouped(model.commentsToday))</dd></div>\
                <div><dt>Awaiting moderation</dt><dd>\(DisplayFormat.grouped(model.commentsPending))</dd></div></dl>
                \(HTML.when(model.showsModeration && model.commentsPending > 0) { HTML("<p><a href=\"\(AdminURL.comments())\">Moderate now</a></p>") })
                </section>
                <section class="panel" aria-labelledby="readers-heading"><h2 id="readers-heading">Readers</h2>
                <dl class="stats"><div><dt>New newsletter subscribers this week</dt><dd>\(DisplayFormat.grouped(model.newSubscribers))</dd></div>\
                <div><dt>Donations this month</dt><dd>\(model.donationsTotal)</dd></div></dl>
                </section>
                </div>
                """)
    }

    static func ranking(_ title: String, _ items: [RankedArticle], id: String) -> HTML {
        let list: HTML =
            items.isEmpty
            ? "<p class=\"panel__empty\">No views yet.</p>"
            : HTML(
                "<ol class=\"ranking\">\(items.map { HTML("<li><a href=\"\($0.href)\">\($0.title)</a> <span>\($0.views)</span></li>") })</ol>"
            )
        return "<section class=\"panel\" aria-labelledby=\"\(id)\"><h2 id=\"\(id)\">\(title)</h2>\(list)</section>"
    }

    /// A bar chart drawn on the server as SVG (no script, no library), with the same figures in a
    /// table for screen readers.
    static func chart(_ days: [ChartDay]) -> HTML {
        let width = 720
        let height = 220
        let top = 12
        let bottom = 28
        let left = 44
        let plotHeight = height - top - bottom
        let maximum = max(1, days.map(\.views).max() ?? 1)
        let scale = niceCeiling(maximum)
        let slot = Double(width - left - 8) / Double(max(days.count, 1))
        let bars = days.enumerated().map { index, day in
            let barHeight = Int((Double(day.views) / Double(scale) * Double(plotHeight)).rounded())
            let x = left + Int(Double(index) * slot + slot * 0.15)
            let barWidth = max(2, Int(slot * 0.7))
            return HTML(
                """
                <rect class="chart__bar" x="\(x)" y="\(top + plotHeight - barHeight)" width="\(barWidth)" height="\(max(barHeight, day.views > 0 ? 1 : 0))">\
                <title>\(day.label): \(DisplayFormat.grouped(day.views)) views</title></rect>
                """)
        }
        let labels = days.enumerated().filter { $0.offset % 7 == 0 || ($0.offset == days.count - 1 && $0.offset % 7 >= 4) }.map {
            index, day in
            HTML(
                "<text class=\"chart__label\" x=\"\(left + Int(Double(index) * slot + slot / 2))\" y=\"\(height - 8)\" text-anchor=\"middle\">\(day.shortLabel)</text>"
            )
        }
        let grid = [0, scale / 2, scale].map { value in
            let y = top + plotHeight - Int(Double(value) / Double(scale) * Double(plotHeight))
            return HTML(
                """
                <line class="chart__grid" x1="\(left)" x2="\(width)" y1="\(y)" y2="\(y)"/>\
                <text class="chart__label" x="\(left - 6)" y="\(y + 4)" text-anchor="end">\(DisplayFormat.grouped(value))</text>
                """)
        }
        let rows = days.map { HTML("<tr><th scope=\"row\">\($0.label)</th><td>\(DisplayFormat.grouped($0.views))</td></tr>") }
        return """
            <figure class="chart">
            <svg viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="chart-title" focusable="false">\
            <title id="chart-title">Daily views over the last \(days.count) days</title>\(grid)\(bars)\(labels)</svg>
            <details class="chart__data"><summary>Show the figures</summary><table><thead><tr><th scope="col">Day</th><th scope="col">Views</th></tr></thead><tbody>\(rows)</tbody></table></details>
            </figure>
            """
    }

    /// A round number at least `value` for the top of the axis (1, 2 or 5 times a power of ten).
    static func niceCeiling(_ value: Int) -> Int {
        var magnitude = 1
        while magnitude * 10 <= value { magnitude *= 10 }
        for step in [1, 2, 5, 10] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }
}
