import Domain
import Routes

/// One comment as the page shows it, with its replies.
public struct CommentModel: Equatable, Sendable {
    public var id: Int
    /// Avatar, name, badges, time and text (`CommentCard`): kept with the comment, or rendered.
    public var card: HTML
    public var replies: [CommentModel]
    public var depth: Int
    /// Whether the reply link shows (not on the comment being answered on the reply page).
    public var canReply: Bool
    public var score: Int
    public var upvotes: Int
    public var downvotes: Int
    public var pinned: Bool
    /// Replies in the thread that are not on this page (a very long thread).
    public var hiddenReplies: Int

    public init(
        id: Int, card: HTML, replies: [CommentModel], depth: Int, canReply: Bool, score: Int = 0, upvotes: Int = 0,
        downvotes: Int = 0, pinned: Bool = false, hiddenReplies: Int = 0
    ) {
        self.id = id
        self.card = card
        self.replies = replies
        self.depth = depth
        self.canReply = canReply
        self.score = score
        self.upvotes = upvotes
        self.downvotes = downvotes
        self.pinned = pinned
        self.hiddenReplies = hiddenReplies
    }

    /// A comment and its replies, each shown by the card kept with it when it was read with one,
    /// otherwise by a card rendered now, cut after `excerptWords` words when longer (0: whole).
    public init(_ node: CommentNode, excerptWords: Int, format: DisplayFormat) {
        let comment = node.comment
        let shown = node.replies.count + node.replies.reduce(0) { $0 + CommentThreads.count($1.replies) }
        self.init(
            id: comment.id.rawValue,
            card: comment.card.map(HTML.trusted) ?? CommentCard(comment, excerptWords: excerptWords, format: format).html,
            replies: node.replies.map { CommentModel($0, excerptWords: excerptWords, format: format) }, depth: node.depth,
            canReply: true, score: comment.score, upvotes: comment.upvotes, downvotes: comment.downvotes, pinned: comment.pinned,
            hiddenReplies: comment.depth == 0 ? max(0, comment.threadReplies - shown) : 0)
    }
}

/// The discussion bar above the threads (what wpDiscuz shows on a news site).
public struct DiscussionBarModel: Equatable, Sendable {
    public struct Pick: Equatable, Sendable {
        public var id: Int
        public var authorName: String
        public var excerpt: String
        public var figure: String
    }

    public var stats: DiscussionStats
    public var recentAuthors: [RecentAuthor]
    public var mostReacted: Pick?
    public var hottest: Pick?

    public init(_ bar: DiscussionBar) {
        stats = bar.stats
        recentAuthors = bar.recentAuthors
        mostReacted = bar.mostReacted.map {
            Pick(
                id: $0.id.rawValue, authorName: $0.authorName, excerpt: Self.excerpt($0),
                figure: DisplayFormat.count($0.reactions, "reaction", "reactions"))
        }
        hottest = bar.hottest.map {
            Pick(
                id: $0.id.rawValue, authorName: $0.authorName, excerpt: Self.excerpt($0),
                figure: DisplayFormat.count($0.threadReplies, "reply", "replies"))
        }
    }

    /// A pick's first twelve words, from the "Read more" head kept with a long comment when it
    /// holds more than that (reading a long text whole to keep twelve words cost more than the
    /// rest of the bar).
    static func excerpt(_ comment: Comment) -> String {
        let words = 12
        if let cut = comment.storedCut, cut.words > words { return CommentExcerpt.firstWords(cut.head, words) }
        return CommentExcerpt.firstWords(comment.bodyHTML, words)
    }
}

/// The discussion under an article (or on its own page).
public struct DiscussionModel: Equatable, Sendable {
    public var articleID: Int
    public var articleSlug: String
    public var isOpen: Bool
    /// Why no form shows ("Comments are closed.").
    public var closedNote: String
    public var bar: DiscussionBarModel
    public var sort: CommentSort
    public var threads: [CommentModel]
    /// The next page of threads, when there is one.
    public var next: Comment.ID?
    /// Shown under the form ("Comments are reviewed before they appear.").
    public var policyNote: String
    public var levels: Int

    public init(
        articleID: Int, articleSlug: String, isOpen: Bool, closedNote: String = "Comments are closed.", bar: DiscussionBarModel,
        sort: CommentSort, threads: [CommentModel], next: Comment.ID?, policyNote: String, levels: Int
    ) {
        self.articleID = articleID
        self.articleSlug = articleSlug
        self.isOpen = isOpen
        self.closedNote = closedNote
        self.bar = bar
        self.sort = sort
        self.threads = threads
        self.next = next
        self.policyNote = policyNote
        self.levels = levels
    }

    /// Builds the model from a page of the discussion and its bar.
    public init(
        article: ArticleSummary, isOpen: Bool, closedNote: String = "Comments are closed.", page: DiscussionPage, bar: DiscussionBar,
        sort: CommentSort, settings: SiteSettings, format: DisplayFormat
    ) {
        self.init(
            articleID: article.id.rawValue, articleSlug: article.slug, isOpen: isOpen, closedNote: closedNote, bar: DiscussionBarModel(bar),
            sort: sort,
            threads: page.threads(levels: settings.commentLevels).map {
                CommentModel($0, excerptWords: settings.commentExcerptWords, format: format)
            }, next: page.next,
            policyNote: settings.premoderateComments
                ? "Comments are reviewed before they appear. Your email address is never shown."
                : "Your email address is never shown.", levels: settings.commentLevels)
    }

    public var commentCount: Int { bar.stats.comments }
    public var formAction: String { SiteURL.comments(articleSlug: articleSlug).path }
}
