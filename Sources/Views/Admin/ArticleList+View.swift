import Domain
import Routes

public enum ArticleListView {
    public static func render(_ model: ArticleListModel) -> HTML {
        let rows = model.rows.map { row in
            HTML(
                """
                <tr><td><strong>\(row.editable ? HTML("<a href=\"\(AdminURL.articleEdit(row.id))\">\(row.title)</a>") : HTML.text(row.title))</strong>\
                \(row.publicURL.map { HTML(" <a class=\"muted\" href=\"\($0)\">View</a>") })</td>\
                <td><span class="status status--\(row.status.rawValue)">\(row.status.label)</span></td><td>\(row.section)</td>\
                <td>\(row.authors)</td><td>\(row.date)</td><td class="numeric">\(row.views)</td></tr>
                """)
        }
        let table: HTML =
            model.rows.isEmpty
            ? "<p class=\"panel__empty\">No articles match these filters.</p>"
            : HTML(
                """
                <div class="table-wrap"><table class="data-table"><caption class="visually-hidden">Articles</caption>
                <thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Section</th><th scope="col">Authors</th>\
                <th scope="col">Date</th><th scope="col" class="numeric">Views</th></tr></thead><tbody>\(rows)</tbody></table></div>
                """)
        let query = model.query
        typealias Field = ArticleListModel.Field
        return AdminLayout.page(
            model.chrome, title: "Articles",
            main: """
                <div class="page-head"><h1>Articles <span class="muted">\(DisplayFormat.grouped(model.total))</span></h1>\
                <a class="button" href="\(AdminURL.articleNew)">New article</a></div>
                <form class="filters" method="get" action="\(AdminURL.articles())">
                \(AdminField.select(Field.status, label: "Status", options: model.statusOptions, selected: query.status?.rawValue ?? ""))
                \(AdminField.select(Field.section, label: "Section", options: model.sectionOptions, selected: query.section?.description ?? ""))
                \(AdminField.select(Field.author, label: "Author", options: model.authorOptions, selected: query.author?.description ?? ""))
                \(AdminField.text(Field.q, label: "Title contains", value: query.search, type: "search"))
                <button type="submit">Filter</button>
                </form>
                \(table)
                \(Pager.html(model.pager))
                """)
    }
}
