import Domain
import FluentKit
import HTTPTypes
import Hummingbird
import Persistence
import Routes
import Views

/// `/{slug}/comments`: the reply form on its own page (GET) and new comments (POST). New
/// comments are held for moderation when the site pre-moderates, which is the default.
enum CommentController {
    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let slug = try SlugParameter.require(context)
        let query = QueryString(request.uri.query)
        let db = try app.db()
        let (site, article, discussion) = try await load(slug: slug, on: db, app: app)
        let parent = query["reply_to"].flatMap(Int.init).flatMap { id in find(id, in: discussion.threads) }
        let notice: String? =
            switch query["status"] {
            case "held": "Thank you. Your comment has been received and will appear once a moderator has approved it."
            case "published": "Thank you. Your comment is published."
            default: nil
            }
        let model = CommentPageModel(
            chrome: site.chrome, articleTitle: article.title, articleHref: SiteURL.article(slug: slug).path,
            discussion: discussion, replyingTo: parent,
            form: CommentFormState(parentID: parent?.id, parentName: parent?.authorName), notice: notice)
        return AppServices.privatePage(CommentPageView.render(model))
    }

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let slug = try SlugParameter.require(context)
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let form = try await request.publicForm(upTo: 32 * 1024)
        let db = try app.db()
        let (site, article, discussion) = try await load(slug: slug, on: db, app: app)
        guard article.discussionOpen else {
            throw DomainError.invalidInput(field: "body", message: "Comments on this article are closed.")
        }
        let parentID = form["parent"].flatMap { Int($0) }
        let parent = parentID.flatMap { find($0, in: discussion.threads) }
        let submission = CommentSubmission(
            name: form["name"] ?? "", email: form["email"] ?? "", body: form["body"] ?? "",
            parentID: parent.map { Comment.ID($0.id) }, honeypot: form["website"] ?? "")
        var problems = submission.problems()
        if parentID != nil && parent == nil {
            problems["body"] = "The comment you replied to is no longer available. Your text is kept below; post it as a new comment."
        }
        guard problems.isEmpty else {
            let state = CommentFormState(
                name: submission.name, email: submission.email, body: submission.body, parentID: parent?.id,
                parentName: parent?.authorName, problems: problems)
            let model = CommentPageModel(
                chrome: site.chrome, articleTitle: article.title, articleHref: SiteURL.article(slug: slug).path,
                discussion: discussion, replyingTo: parent, form: state, notice: nil)
            return AppServices.privatePage(CommentPageView.render(model), status: .unprocessableContent)
        }
        let status: CommentStatus = !submission.honeypot.isEmpty ? .spam : site.settings.premoderateComments ? .pending : .approved
        _ = try await CommentStore.create(
            article: article.id, parent: submission.parentID, authorName: submission.name,
            authorEmail: submission.email, isGuest: true, body: CommentText.render(submission.body), status: status,
            networkHash: VisitorFingerprint.network(of: app.clientAddress(request, context)),
            at: app.time.now(), on: db)
        if status == .approved { app.contentChanged() }
        let outcome = status == .approved ? "published" : "held"
        return Response(
            status: .seeOther,
            headers: [.location: SiteURL.comments(articleSlug: slug).path + "?status=\(outcome)", .cacheControl: "no-store"])
    }

    static func load(slug: String, on db: any Database, app: AppServices) async throws -> (SiteState.Snapshot, Article, DiscussionModel) {
        let site = try await app.site.current(on: db)
        guard let article = try await ArticleStore.published(slug: slug, on: db) else {
            throw DomainError.notFound("There is no article at this address.")
        }
        let comments = try await CommentStore.approved(for: article.id, on: db)
        let discussion = DiscussionModel(
            article: article.summary, isOpen: article.discussionOpen, comments: comments, settings: site.settings,
            format: site.format)
        return (site, article, discussion)
    }

    /// A comment anywhere in the threads, without its replies and without a reply link.
    static func find(_ id: Int, in threads: [CommentModel]) -> CommentModel? {
        for comment in threads {
            if comment.id == id {
                var found = comment
                found.replies = []
                found.canReply = false
                return found
            }
            if let nested = find(id, in: comment.replies) { return nested }
        }
        return nil
    }
}

/// Refuses form posts that another site's page sent (cross-site request forgery). Browsers say
/// where a form came from in `Origin` (or `Sec-Fetch-Site`); requests without either, like
/// command-line clients, carry no ambient credentials and pass.
enum SameOrigin {
    static func check(_ request: Request, siteURL: String) throws {
        if let site = request.headers[.secFetchSite], site == "cross-site" {
            throw HTTPError(.forbidden, message: "This form can only be sent from this site.")
        }
        guard let origin = request.headers[.origin], origin != "null" else { return }
        let host = request.head.authority ?? ""
        let allowed = [siteURL, "http://\(host)", "https://\(host)"]
        guard allowed.contains(origin) else {
            throw HTTPError(.forbidden, message: "This form can only be sent from this site.")
        }
    }
}
