import Domain
import Routes

/// One comment as the page shows it, with its replies.
public struct CommentModel: Equatable, Sendable {
    public var id: Int
    public var authorName: String
    public var isGuest: Bool
    public var avatarKey: String
    public var dateISO: String
    public var dateText: String
    public var body: HTML
    public var replies: [CommentModel]
    public var depth: Int
    /// Whether a reply can still be nested under this comment.
    public var canReply: Bool

    public init(
        id: Int, authorName: String, isGuest: Bool, avatarKey: String, dateISO: String, dateText: String,
        body: HTML, replies: [CommentModel], depth: Int, canReply: Bool
    ) {
        self.id = id
        self.authorName = authorName
        self.isGuest = isGuest
        self.avatarKey = avatarKey
        self.dateISO = dateISO
        self.dateText = dateText
        self.body = body
        self.replies = replies
        self.depth = depth
        self.canReply = canReply
    }

    public init(_ node: CommentNode, levels: Int, format: DisplayFormat) {
        self.init(
            id: node.comment.id.rawValue, authorName: node.comment.authorName, isGuest: node.comment.isGuest,
            avatarKey: node.comment.avatarKey, dateISO: DisplayFormat.iso8601(node.comment.createdAt),
            dateText: format.dateTime(node.comment.createdAt), body: .trusted(node.comment.bodyHTML),
            replies: node.replies.map { CommentModel($0, levels: levels, format: format) }, depth: node.depth,
            canReply: true)
    }
}

/// The discussion under an article.
public struct DiscussionModel: Equatable, Sendable {
    public var articleID: Int
    public var articleSlug: String
    public var commentCount: Int
    public var isOpen: Bool
    public var threads: [CommentModel]
    /// Shown under the form ("Comments are reviewed before they appear.").
    public var policyNote: String

    public init(articleID: Int, articleSlug: String, commentCount: Int, isOpen: Bool, threads: [CommentModel], policyNote: String) {
        self.articleID = articleID
        self.articleSlug = articleSlug
        self.commentCount = commentCount
        self.isOpen = isOpen
        self.threads = threads
        self.policyNote = policyNote
    }

    /// Builds the model from the approved comments of an article.
    public init(article: ArticleSummary, isOpen: Bool, comments: [Comment], settings: SiteSettings, format: DisplayFormat) {
        let nodes = CommentThreads.build(comments, levels: settings.commentLevels)
        self.init(
            articleID: article.id.rawValue, articleSlug: article.slug, commentCount: comments.count, isOpen: isOpen,
            threads: nodes.map { CommentModel($0, levels: settings.commentLevels, format: format) },
            policyNote: settings.premoderateComments
                ? "Comments are reviewed before they appear. Your email address is never shown."
                : "Your email address is never shown.")
    }

    public var formAction: String { SiteURL.comments(articleSlug: articleSlug).path }
}
