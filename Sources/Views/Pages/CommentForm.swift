import Domain
import Routes

/// What the reader typed and what needs fixing, to show the form again.
public struct CommentFormState: Equatable, Sendable {
    public var name: String
    public var email: String
    public var body: String
    public var parentID: Int?
    public var parentName: String?
    public var problems: [String: String]
    /// The signed form token (only on pages that are never cached).
    public var token: String
    /// "Email me replies to my comment" was ticked.
    public var notify: Bool = false

    public init(
        name: String = "", email: String = "", body: String = "", parentID: Int? = nil, parentName: String? = nil,
        problems: [String: String] = [:], token: String = ""
    ) {
        self.token = token
        self.name = name
        self.email = email
        self.body = body
        self.parentID = parentID
        self.parentName = parentName
        self.problems = problems
    }
}

/// The page behind `/{slug}/comments`: the reply form on its own (used without JavaScript, and
/// to show a submission again with what needs fixing), or the thank-you note after posting.
public struct CommentPageModel: Equatable, Sendable {
    public var chrome: SiteChrome
    public var articleTitle: String
    public var articleHref: String
    public var discussion: DiscussionModel
    public var replyingTo: CommentModel?
    public var form: CommentFormState
    /// Set after a successful submission.
    public var notice: String?
    /// The whole discussion (a sort, a further page, a thread) rather than the reply form alone.
    public var listing: Bool
    /// Reporting `replyingTo` to the moderators rather than answering it.
    public var reporting: Bool = false

    public init(
        chrome: SiteChrome, articleTitle: String, articleHref: String, discussion: DiscussionModel,
        replyingTo: CommentModel?, form: CommentFormState, notice: String?, listing: Bool = false
    ) {
        self.listing = listing
        self.chrome = chrome
        self.articleTitle = articleTitle
        self.articleHref = articleHref
        self.discussion = discussion
        self.replyingTo = replyingTo
        self.form = form
        self.notice = notice
    }
}

public enum CommentPageView {
    /// A closed discussion: why, and the text the reader sent, to copy (never lost).
    static func closed(_ model: CommentPageModel) -> HTML {
        let kept: HTML = HTML.when(!model.form.body.isEmpty) {
            HTML(
                "<p class=\"field\"><label for=\"kept-text\">Your text</label><textarea id=\"kept-text\" rows=\"6\" readonly>\(model.form.body)</textarea></p>"
            )
        }
        return HTML("<p class=\"discussion__closed\">\(model.discussion.closedNote)</p>\(kept)")
    }
    public static func render(_ model: CommentPageModel) -> HTML {
        let meta = PageMeta(
            title: "Comment on \(model.articleTitle) — \(model.chrome.siteTitle)", description: model.articleTitle,
            canonicalURL: model.chrome.siteURL + model.articleHref, noIndex: true)
        let content: HTML
        if model.reporting, let comment = model.replyingTo {
            content = """
                <h2>Report this comment to the moderators</h2>
                <ol class="comment-list">\(DiscussionView.comment(model.discussion, comment))</ol>
                \(DiscussionView.reportForm(Comment.ID(comment.id)))
                """
        } else if model.listing {
            content = DiscussionView.html(model.discussion, form: model.form)
        } else if let notice = model.notice {
            content = """
                <p class="notice" role="status">\(notice)</p>
                <p><a class="button" href="\(model.articleHref)">Back to the article</a></p>
                """
        } else {
            content = """
                \(HTML.when(!model.form.problems.isEmpty) { HTML("<div class=\"form-errors\" role=\"alert\"><h2>Please check your comment</h2><ul>\(model.form.problems.sorted(by: { $0.key < $1.key }).map { HTML("<li><a href=\"#comment-\($0.key)-\(model.discussion.articleID)\">\($0.value)</a></li>") })</ul></div>") })
                \(model.replyingTo.map { comment in HTML("<div class=\"reply-context\"><p>Replying to</p><ol class=\"comment-list\">\(DiscussionView.comment(model.discussion, comment))</ol></div>") })
                \(model.discussion.isOpen ? DiscussionView.form(model.discussion, state: model.form) : closed(model))
                """
        }
        let main: HTML = """
            <section class="comment-page">
            <p class="listing__kicker">Discussion</p>
            <h1><a href="\(model.articleHref)">\(model.articleTitle)</a></h1>
            \(content)
            </section>
            """
        return Layout.page(chrome: model.chrome, meta: meta, bodyClass: "page-comment", main: main)
    }
}
