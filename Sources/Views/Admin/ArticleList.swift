/// A row of the back office's article list.
public struct ArticleRowModel: Equatable, Sendable {
    public var title: String
    public var editHref: String?
    public var publicHref: String?
    public var status: String
    public var statusKey: String
    public var section: String
    public var authors: String
    public var date: String
    public var views: String

    public init(
        title: String, editHref: String?, publicHref: String?, status: String, statusKey: String, section: String, authors: String,
        date: String, views: String
    ) {
        self.title = title
        self.editHref = editHref
        self.publicHref = publicHref
        self.status = status
        self.statusKey = statusKey
        self.section = section
        self.authors = authors
        self.date = date
        self.views = views
    }
}

public struct ArticleListModel: Equatable, Sendable {
    public var chrome: AdminChrome
    public var rows: [ArticleRowModel]
    public var statusOptions: [(value: String, label: String)]
    public var sectionOptions: [(value: String, label: String)]
    public var authorOptions: [(value: String, label: String)]
    public var selectedStatus: String
    public var selectedSection: String
    public var selectedAuthor: String
    public var search: String
    public var total: Int
    public var pager: PagerModel

    public init(
        chrome: AdminChrome, rows: [ArticleRowModel], statusOptions: [(value: String, label: String)],
        sectionOptions: [(value: String, label: String)], authorOptions: [(value: String, label: String)], selectedStatus: String,
        selectedSection: String, selectedAuthor: String, search: String, total: Int, pager: PagerModel
    ) {
        self.chrome = chrome
        self.rows = rows
        self.statusOptions = statusOptions
        self.sectionOptions = sectionOptions
        self.authorOptions = authorOptions
        self.selectedStatus = selectedStatus
        self.selectedSection = selectedSection
        self.selectedAuthor = selectedAuthor
        self.search = search
        self.total = total
        self.pager = pager
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.chrome == rhs.chrome && lhs.rows == rhs.rows && lhs.search == rhs.search && lhs.total == rhs.total
            && lhs.selectedStatus == rhs.selectedStatus && lhs.selectedSection == rhs.selectedSection
            && lhs.selectedAuthor == rhs.selectedAuthor && lhs.pager == rhs.pager
    }
}

public enum ArticleListView {
    public static func render(_ model: ArticleListModel) -> HTML {
        let rows = model.rows.map { row in
            HTML(
                """
                <tr><td><strong>\(row.editHref.map { HTML("<a href=\"\($0)\">\(row.title)</a>") } ?? HTML.text(row.title))</strong>\
                \(row.publicHref.map { HTML(" <a class=\"muted\" href=\"\($0)\">View</a>") })</td>\
                <td><span class="status status--\(row.statusKey)">\(row.status)</span></td><td>\(row.section)</td>\
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
        return AdminLayout.page(
            model.chrome, title: "Articles",
            main: """
                <div class="page-head"><h1>Articles <span class="muted">\(DisplayFormat.grouped(model.total))</span></h1>\
                <a class="button" href="/admin/articles/new">New article</a></div>
                <form class="filters" method="get" action="/admin/articles">
                \(AdminField.select("status", label: "Status", options: model.statusOptions, selected: model.selectedStatus))
                \(AdminField.select("section", label: "Section", options: model.sectionOptions, selected: model.selectedSection))
                \(AdminField.select("author", label: "Author", options: model.authorOptions, selected: model.selectedAuthor))
                \(AdminField.text("q", label: "Title contains", value: model.search, type: "search"))
                <button type="submit">Filter</button>
                </form>
                \(table)
                \(Pager.html(model.pager))
                """)
    }
}
