import Domain
import FluentKit
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// Following a discussion by mail: asked for on the article (JSON or the plain form), confirmed
/// by the link we mail (a page with a button), stopped in one click from every notification.
enum DiscussionSubscriptionController {
    static let confirmHours = 24

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let slug = try SlugParameter.require(context)
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let input: SubscribeInput = try await CommentAPIController.decode(request)
        let email = EmailAddress.normalise(input.email)
        var problems: [String: String] = [:]
        if !EmailAddress.isPlausible(email) { problems["email"] = "Please give an email address like name@example.org." }
        let kind = SubscriptionKind(rawValue: input.kind)
        if kind == nil || kind == .comment { problems["kind"] = "Choose “new follow-up comments” or “new replies to my comments”." }
        guard problems.isEmpty, let kind else {
            throw FieldProblems(status: .unprocessableContent, title: "Please check", fields: problems)
        }
        let db = try app.db()
        let (site, article) = try await CommentController.load(slug: slug, on: db, app: app)
        let network = try await app.secret.networkHash(VisitorFingerprint.network(of: app.clientAddress(request, context)), on: db)
        guard
            try await RateLimitStore.allow(
                "subscribe:" + network, limit: DiscussionLimits.subscriptionsPerHour, window: 3600, now: app.time.now(), on: db)
        else {
            throw FieldProblems(
                status: .tooManyRequests, title: "Too many requests",
                fields: ["email": "Too many subscriptions from your network this hour."])
        }
        try await requestConfirmation(article: article, comment: nil, kind: kind, email: email, app: app, on: db)
        if CommentAPIController.wantsJSON(request) {
            return try Response.json(FlagDTO(outcome: "check-inbox", message: "Check your inbox to confirm."), status: .accepted)
        }
        return AppServices.privatePage(
            DiscussionPages.checkInbox(site.chrome, email: email, article: article.title, back: .article(slug: slug)))
    }

    /// Records the wish and mails the confirmation link in one transaction (nothing when the
    /// address follows already: the answer is the same, so it tells nobody who follows what).
    static func requestConfirmation(
        article: Article, comment: Comment.ID?, kind: SubscriptionKind, email: String, app: AppServices, on db: any Database
    ) async throws {
        let now = app.time.now()
        let queued = try await db.transaction { tx -> Bool in
            guard
                let (_, token) = try await CommentSubscriptionStore.subscribe(
                    article: article.id, comment: comment, kind: kind, email: email, random: app.random, now: now, on: tx)
            else { return false }
            try await app.mailer.enqueue(
                TransactionalMail(
                    to: email, name: "",
                    .discussionSubscriptionConfirmation(
                        articleTitle: article.title, what: kind.label,
                        confirmLink: SiteURL.discussionConfirm(token: token).absolute(siteURL: app.config.siteURL), validHours: confirmHours
                    )),
                now: now, on: tx)
            return true
        }
        if queued { app.mailer.wake() }
    }

    @Sendable static func showConfirm(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let db = try app.db()
        let site = try await app.site.current(on: db)
        guard let subscription = try await CommentSubscriptionStore.peek(token, on: db),
            let article = try await ArticleStore.find(subscription.article, on: db)
        else { return AppServices.privatePage(DiscussionPages.deadLink(site.chrome), status: .notFound) }
        return AppServices.privatePage(
            DiscussionPages.confirm(
                site.chrome, email: subscription.email, what: subscription.kind.label, article: article.title,
                action: .discussionConfirm(token: token)))
    }

    @Sendable static func confirm(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let token = context.parameters.get("token") ?? ""
        let db = try app.db()
        let site = try await app.site.current(on: db)
        guard
            let subscription = try await CommentSubscriptionStore.confirm(
                token, lifetime: TimeInterval(confirmHours * 3600), now: app.time.now(), on: db),
            let article = try await ArticleStore.find(subscription.article, on: db)
        else { return AppServices.privatePage(DiscussionPages.deadLink(site.chrome), status: .notFound) }
        try await app.discussionChanged([article.id], on: db)
        return AppServices.privatePage(
            DiscussionPages.confirmed(
                site.chrome, what: subscription.kind.label, article: article.title, back: .article(slug: article.slug)))
    }

    @Sendable static func showStop(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let (site, found) = try await stopTarget(token, app)
        guard let (_, article) = found else { return AppServices.privatePage(DiscussionPages.deadLink(site.chrome), status: .notFound) }
        return AppServices.privatePage(DiscussionPages.stop(site.chrome, article: article.title, action: .discussionStop(token: token)))
    }

    /// The button on that page, and mail clients' one-click unsubscribe (RFC 8058).
    @Sendable static func stop(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (site, found) = try await stopTarget(context.parameters.get("token") ?? "", app)
        guard let (id, article) = found else { return AppServices.privatePage(DiscussionPages.deadLink(site.chrome), status: .notFound) }
        let db = try app.db()
        try await CommentSubscriptionStore.remove(id, on: db)
        try await app.discussionChanged([article.id], on: db)
        return AppServices.privatePage(DiscussionPages.stopped(site.chrome, article: article.title, back: .article(slug: article.slug)))
    }

    /// The subscription a stop link names and its article, when the link is genuine and the
    /// subscription still exists.
    static func stopTarget(_ token: String, _ app: AppServices) async throws -> (SiteState.Snapshot, (Int, Article)?) {
        let db = try app.db()
        let site = try await app.site.current(on: db)
        guard let id = try await StopToken.subscription(token, app: app),
            let subscription = try await CommentSubscriptionStore.find(id, on: db),
            let article = try await ArticleStore.find(subscription.article, on: db)
        else { return (site, nil) }
        return (site, (id, article))
    }
}

/// The way out in every notification: the subscription's number, signed.
enum StopToken {
    /// Pass the transaction the mail is queued in (a second handle could wait on it).
    static func make(_ id: Int, app: AppServices, on db: any Database) async throws -> String {
        "\(id).\(try await app.secret.sign("discussion-stop:\(id)", on: db))"
    }

    static func subscription(_ token: String, app: AppServices) async throws -> Int? {
        let parts = token.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, parts[0].count <= 12, let id = Int(parts[0]), id > 0,
            try await app.secret.verify(String(parts[1]), for: "discussion-stop:\(id)", on: try app.db())
        else { return nil }
        return id
    }
}

struct SubscribeInput: Decodable, FormDecodable {
    var email: String
    var kind: String

    init(form: QueryString) {
        email = form["email"] ?? ""
        kind = form["kind"] ?? ""
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        email = (try? container.decode(String.self, forKey: .email)) ?? ""
        kind = (try? container.decode(String.self, forKey: .kind)) ?? ""
    }

    enum CodingKeys: String, CodingKey { case email, kind }
}
