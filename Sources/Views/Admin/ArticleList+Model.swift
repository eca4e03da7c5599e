import Domain
import Routes

/// The back office's article list, with its filters.
public struct ArticleListModel: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var id: Article.ID
        public var title: String
        /// Whether the signed-in member may open the editor.
        public var editable: Bool
        /// The public address, for published articles.
        public var publicURL: SiteURL?
        public var status: ArticleStatus
        public var section: String
        public var authors: String
        public var date: String
        public var views: String

        public init(
            id: Article.ID, title: String, editable: Bool, publicURL: SiteURL?, status: ArticleStatus, section: String, authors: String,
            date: String, views: String
        ) {
            self.id = id
            self.title = title
            self.editable = editable
            self.publicURL = publicURL
            self.status = status
            self.section = section
            self.authors = authors
            self.date = date
            self.views = views
        }
    }

    /// The filter form's fields.
    public enum Field: String, FormField {
        case status, section, author, q
    }

    public var chrome: AdminChrome
    public var rows: [Row]
    public var query: ArticleListQuery
    public var statusOptions: [SelectOption]
    public var sectionOptions: [SelectOption]
    public var authorOptions: [SelectOption]
    public var total: Int
    public var pager: PagerModel

    public init(
        chrome: AdminChrome, rows: [Row], query: ArticleListQuery, statusOptions: [SelectOption], sectionOptions: [SelectOption],
        authorOptions: [SelectOption], total: Int, pager: PagerModel
    ) {
        self.chrome = chrome
        self.rows = rows
        self.query = query
        self.statusOptions = statusOptions
        self.sectionOptions = sectionOptions
        self.authorOptions = authorOptions
        self.total = total
        self.pager = pager
    }
}
