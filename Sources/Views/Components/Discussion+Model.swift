import Domain
import Routes

/// One comment as the page shows it, with its replies.
public struct CommentModel: Equatable, Sendable {
    public var id: Int
    /// The comment, its votes and links, less its replies (`CommentCard`): kept with the comment,
    /// or rendered.
    public var card: HTML
    public var replies: [CommentModel]
    public var depth: Int
    public var pinned: Bool
    /// Replies in the thread that are not on this page (a very long thread).
    public var hiddenReplies: Int
    /// `card` is the whole thread as the page shows it, kept (`Comment.threadCard`).
    public var wholeThread: Bool

    public init(
        id: Int, card: HTML, replies: [CommentModel], depth: Int, pinned: Bool = false, hiddenReplies: Int = 0, wholeThread: Bool = false
    ) {
        self.id = id
        self.card = card
        self.replies = replies
        self.depth = depth
        self.pinned = pinned
        self.hiddenReplies = hiddenReplies
        self.wholeThread = wholeThread
    }

    /// A comment and its replies, each shown by the card kept with it when it was read with one,
    /// otherwise by a card rendered now for `frame`, cut after `excerptWords` words when longer
    /// (0: whole).
    public init(_ node: CommentNode, excerptWords: Int, format: DisplayFormat, frame: CommentCard.Frame) {
        let comment = node.comment
        if let thread = comment.threadCard {
            self.init(
                id: comment.id.rawValue, card: .trusted(utf8: thread), replies: [], depth: 0, pinned: comment.pinned, wholeThread: true)
            return
        }
        let shown = node.replies.count + node.replies.reduce(0) { $0 + CommentThreads.count($1.replies) }
        self.init(
            id: comment.id.rawValue,
            card: comment.card.map(HTML.trusted(utf8:))
                ?? CommentCard(comment, excerptWords: excerptWords, format: format, frame: frame).html,
            replies: node.replies.map { CommentModel($0, excerptWords: excerptWords, format: format, frame: frame) }, depth: node.depth,
            pinned: comment.pinned, hiddenReplies: comment.depth == 0 ? max(0, comment.threadReplies - shown) : 0)
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
                CommentModel(
                    $0, excerptWords: settings.commentExcerptWords, format: format,
                    frame: CommentCard.Frame(articleID: article.id.rawValue, articleSlug: article.slug, replies: isOpen))
            }, next: page.next,
            policyNote: settings.premoderateComments
                ? "Comments are reviewed before they appear. Your email address is never shown."
                : "Your email address is never shown.", levels: settings.commentLevels)
    }

    public var commentCount: Int { bar.stats.comments }
    /// Where this discussion's comments are shown, for the cards rendered for it.
    public var cardFrame: CommentCard.Frame { CommentCard.Frame(articleID: articleID, articleSlug: articleSlug, replies: isOpen) }
    public var formAction: String { SiteURL.comments(articleSlug: articleSlug).path }
}
