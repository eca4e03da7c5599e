import Domain
import Routes

/// A moderation queue: the tabs with their counts, the comments, and the bulk actions.
public struct CommentQueueModel: Equatable, Sendable {
    public struct Tab: Equatable, Sendable {
        public var status: CommentQueue
        public var label: String
        public var count: Int

        public init(status: CommentQueue, label: String, count: Int) {
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
        /// Why a rule held it, and what readers said when they flagged it.
        public var holdReason: String?
        public var flags: [String]
        public var pinned: Bool
        public var isStaff: Bool
        public var isGuest: Bool

        public init(
            id: Comment.ID, authorName: String, authorEmail: String, network: String, date: String, body: HTML, articleTitle: String,
            articleURL: SiteURL, holdReason: String? = nil, flags: [String] = [], pinned: Bool = false, isStaff: Bool = false,
            isGuest: Bool = true
        ) {
            self.holdReason = holdReason
            self.flags = flags
            self.pinned = pinned
            self.isStaff = isStaff
            self.isGuest = isGuest
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
    public var queue: CommentQueue
    public var tabs: [Tab]
    public var items: [Item]
    public var actions: [ModerationForm.Action]
    public var pager: PagerModel

    public init(
        chrome: AdminChrome, queue: CommentQueue, tabs: [Tab], items: [Item], actions: [ModerationForm.Action], pager: PagerModel
    ) {
        self.chrome = chrome
        self.queue = queue
        self.tabs = tabs
        self.items = items
        self.actions = actions
        self.pager = pager
    }

    /// The key that applies an action to the selected comments.
    func shortcut(_ action: ModerationForm.Action) -> String? {
        switch action {
        case .approve: "a"
        case .pending: "u"
        case .spam: "s"
        case .trash: "t"
        case .keep: "d"
        case .pin, .unpin, .delete: nil
        }
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
        case (.pin, _): "Pin to the top"
        case (.unpin, _): "Unpin"
        case (.keep, _): "Keep: dismiss the flags"
        }
    }
}
