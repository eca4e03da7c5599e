import Domain
import Routes

/// A moderation queue: the tabs with their counts, the comments, and the bulk actions.
public struct CommentQueueModel: Equatable, Sendable {
    public struct Tab: Equatable, Sendable {
        public var status: CommentStatus
        public var label: String
        public var count: Int

        public init(status: CommentStatus, label: String, count: Int) {
            self.status = status
            self.label = label
            self.count = count
        }
    }

    public struct Item: Equatable, Sendable {
        public var id: Comment.ID
        public var authorName: String
        public var authorEmail: String
        public var network: String
        public var date: String
        public var body: HTML
        public var articleTitle: String
        public var articleURL: SiteURL

        public init(
            id: Comment.ID, authorName: String, authorEmail: String, network: String, date: String, body: HTML, articleTitle: String,
            articleURL: SiteURL
        ) {
            self.id = id
            self.authorName = authorName
            self.authorEmail = authorEmail
            self.network = network
            self.date = date
            self.body = body
            self.articleTitle = articleTitle
            self.articleURL = articleURL
        }
    }

    public var chrome: AdminChrome
    public var queue: CommentStatus
    public var tabs: [Tab]
    public var items: [Item]
    public var actions: [ModerationForm.Action]
    public var pager: PagerModel

    public init(
        chrome: AdminChrome, queue: CommentStatus, tabs: [Tab], items: [Item], actions: [ModerationForm.Action], pager: PagerModel
    ) {
        self.chrome = chrome
        self.queue = queue
        self.tabs = tabs
        self.items = items
        self.actions = actions
        self.pager = pager
    }

    /// What an action's choice says in this queue.
    func label(_ action: ModerationForm.Action) -> String {
        switch (action, queue) {
        case (.approve, .spam): "Not spam: approve"
        case (.approve, .trash): "Restore and approve"
        case (.approve, _): "Approve"
        case (.pending, _): "Unapprove"
        case (.spam, _): "Mark as spam"
        case (.trash, _): "Move to trash"
        case (.delete, _): "Delete for good"
        }
    }
}
