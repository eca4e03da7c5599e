import Domain
import FluentKit
import HTTPTypes
import Hummingbird
import Persistence
import Routes
import Views

/// `/{slug}/comments`: the discussion on a page of its own (another sort, the next page, the
/// thread a permalink points into), the reply form without JavaScript, and new comments (POST).
enum CommentController {
    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let slug = try SlugParameter.require(context)
        let query = QueryString(request.uri.query)
        let db = try app.db()
        let (site, article) = try await load(slug: slug, on: db, app: app)
        if let held = query["held"].flatMap(Int.init), let comment = try await CommentStore.find(.init(held), on: db),
            try await EditToken.verify(query["t"] ?? "", for: comment.id, app: app)
        {
            let notice =
                comment.status == .approved
                ? "Thank you. Your comment is published."
                : "Thank you. Your comment is awaiting moderation and will appear once a moderator has approved it. Reason: \(comment.holdReason ?? "comments are reviewed first.")"
            return try await page(site, article, notice: notice, app: app, on: db)
        }
        if let thread = query["thread"] {
            let root = try await shown(thread, of: article, on: db)
            // The bar and one whole thread; the discussion's first page is not read.
            var discussion = DiscussionReader.frame(article, site: site, now: app.time.now())
            discussion.bar = DiscussionBarModel(try await CommentStore.bar(article: article.id, on: db))
            let single = try await CommentStore.threads(
                article: article.id, sort: .oldest, after: nil, limit: 0, repliesPerThread: 1000,
                card: CommentCards.shown(site, open: discussion.isOpen), on: db,
                only: root.threadID)
            discussion.threads = single.threads(levels: site.settings.commentLevels).map {
                CommentModel($0, excerptWords: site.settings.commentExcerptWords, format: site.format, frame: discussion.cardFrame)
            }
            return try await page(site, article, discussion: discussion, app: app, on: db)
        }
        if let report = query["report"] {
            let comment = try await shown(report, of: article, on: db)
            return try await page(site, article, replyingTo: alone(comment, article, site), reporting: true, app: app, on: db)
        }
        if let replyTo = query["reply_to"] {
            let parent = try await shown(
                replyTo, of: article, on: db, otherwise: "The comment you want to reply to is not part of this discussion any more.")
            let form = CommentFormState(
                parentID: parent.id.rawValue, parentName: parent.authorName, token: try await FormToken.make(app: app))
            return try await page(site, article, replyingTo: alone(parent, article, site), form: form, app: app, on: db)
        }
        let sort = try DiscussionReader.sort(query["sort"])
        let after = try await DiscussionReader.cursor(query["after"], article: article.id, on: db)
        let discussion = try await DiscussionReader.model(article, sort: sort, after: after, site: site, now: app.time.now(), on: db)
        return try await page(site, article, discussion: discussion, app: app, on: db)
    }

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let slug = try SlugParameter.require(context)
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let form = try await request.publicForm(upTo: 64 * 1024)
        let db = try app.db()
        let (site, article) = try await load(slug: slug, on: db, app: app)
        switch try await CommentPosting.post(.init(form: form), to: article, site: site, request: request, context: context, app: app) {
        case .stored(let comment, let decision, let token):
            let id = comment.id
            if decision.status == .approved {
                return Response(
                    status: .seeOther,
                    headers: [.location: SiteURL.article(slug: slug).path + "#comment-\(id.rawValue)", .cacheControl: "no-store"])
            }
            return Response(
                status: .seeOther,
                headers: [
                    .location: SiteURL.comments(articleSlug: slug).path + "?held=\(id.rawValue)&t=\(token)", .cacheControl: "no-store",
                ])
        case .refused(let problems, let submission, let status):
            let parent = try await submission.parentID.asyncMap { try await CommentStore.find($0, on: db) } ?? nil
            let state = CommentFormState(
                name: submission.name, email: submission.email, body: submission.body, parentID: parent?.id.rawValue,
                parentName: parent?.authorName, problems: problems, token: try await FormToken.make(app: app))
            var response = try await page(site, article, replyingTo: parent.map { alone($0, article, site) }, form: state, app: app, on: db)
            response.status = status
            return response
        }
    }

    /// The approved comment of this article a query value names; "not found" for anything else.
    static func shown(
        _ value: String, of article: Article, on db: any Database,
        otherwise message: String = "That comment is not part of this discussion any more."
    ) async throws -> Comment {
        guard value.count <= 12, let number = Int(value), number > 0, let comment = try await CommentStore.find(.init(number), on: db),
            comment.articleID == article.id, comment.status == .approved
        else { throw DomainError.notFound(message) }
        return comment
    }

    /// One comment on its own, whole and without a reply link (above a reply or a report form).
    static func alone(_ comment: Comment, _ article: Article, _ site: SiteState.Snapshot) -> CommentModel {
        CommentModel(
            CommentNode(comment: comment, replies: [], depth: 0), excerptWords: 0, format: site.format,
            frame: CommentCard.Frame(articleID: article.id.rawValue, articleSlug: article.slug, replies: false))
    }

    /// The site and the published article `slug` names, without its bylines and tags (no
    /// discussion request shows them); the article is read on `db` (the page reader for requests
    /// that only read), the site's settings through Fluent when not in memory.
    static func load(slug: String, on db: any Database, app: AppServices) async throws -> (SiteState.Snapshot, Article) {
        let site = try await app.site.current(on: try app.db())
        guard let article = try await ArticleStore.published(slug: slug, links: false, on: db) else {
            throw DomainError.notFound("There is no article at this address.")
        }
        return (site, article)
    }

    static func page(
        _ site: SiteState.Snapshot, _ article: Article, discussion: DiscussionModel? = nil, replyingTo: CommentModel? = nil,
        form: CommentFormState? = nil, notice: String? = nil, reporting: Bool = false, app: AppServices, on db: any Database
    ) async throws -> Response {
        var discussion = discussion
        if discussion == nil {
            discussion = try await DiscussionReader.model(article, sort: .newest, after: nil, site: site, now: app.time.now(), on: db)
        }
        let token = try await FormToken.make(app: app)
        var model = CommentPageModel(
            chrome: site.chrome, articleTitle: article.title, articleHref: SiteURL.article(slug: article.slug).path,
            discussion: discussion!, replyingTo: replyingTo, form: form ?? CommentFormState(token: token), notice: notice,
            listing: replyingTo == nil && form == nil && notice == nil)
        model.reporting = reporting
        return AppServices.privatePage(CommentPageView.render(model))
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
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
