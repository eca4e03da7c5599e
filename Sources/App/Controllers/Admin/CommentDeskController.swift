import Domain
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// A moderator's closer look: one commenter's record, bans, and one comment to edit or answer.
enum CommentDeskController {
    @Sendable static func commenter(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let query = try CommenterQuery(QueryString(request.uri.query))
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let result = try await CommentStore.history(query, page: ListingPage(number: query.page, size: 30), on: db)
        let ban = try await CommentBanStore.active(
            email: query.email, network: query.network.isEmpty ? nil : query.network, reader: nil, now: app.time.now(), on: db)
        let model = CommenterModel(
            chrome: try await app.adminChrome(context, active: .comments(), notice: request.adminNotice), query: query,
            items: result.items.map { item(from: $0, format: site.format) },
            statuses: result.items.map { $0.comment.status.rawValue.capitalized },
            pager: PagerModel(result) { .admin(.commenter(CommenterQuery(email: query.email, network: query.network, page: $0))) },
            ban: ban, banDate: ban?.until.map(site.format.dateTime))
        return AppServices.adminPage(CommentDeskView.commenter(model))
    }

    @Sendable static func bans(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        AppServices.adminPage(CommentDeskView.bans(try await bansModel(request, context, app)))
    }

    @Sendable static func ban(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let form = BanForm(context.form)
        let errors = form.validate()
        guard errors.isEmpty, let kind = form.banKind else {
            var model = try await bansModel(request, context, app)
            model.form = form
            model.errors = errors
            return AppServices.adminPage(CommentDeskView.bans(model), status: .unprocessableContent)
        }
        let now = app.time.now()
        try await CommentBanStore.create(
            kind: kind, value: form.value, reason: form.reason, until: form.dayCount.map { now.addingTimeInterval(Double($0) * 86_400) },
            by: context.staff?.id, now: now, on: try app.db())
        return .redirect(to: .commentBans, notice: .banned)
    }

    @Sendable static func lift(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await CommentBanStore.lift(try context.requireID("id"), on: try app.db())
        return .redirect(to: .commentBans, notice: .banLifted)
    }

    static func bansModel(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> CommentBansModel {
        let db = try app.db()
        let site = try await app.site.current(on: db)
        return CommentBansModel(
            chrome: try await app.adminChrome(context, active: .comments(), notice: request.adminNotice),
            rows: try await CommentBanStore.current(now: app.time.now(), on: db).map {
                .init(ban: $0, until: $0.until.map(site.format.dateTime) ?? "until lifted", created: site.format.dateTime($0.createdAt))
            })
    }

    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        AppServices.adminPage(CommentDeskView.desk(try await deskModel(request, context, app)))
    }

    /// A moderator corrects a comment's text (kept as Markdown, rendered through the allow-list).
    @Sendable static func update(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let form = StaffCommentForm(context.form)
        var model = try await deskModel(request, context, app)
        let errors = form.validate()
        guard errors.isEmpty else {
            model.markdown = form.body
            model.errors = errors
            return AppServices.adminPage(CommentDeskView.desk(model), status: .unprocessableContent)
        }
        let db = try app.db()
        let site = try await app.site.current(on: db)
        try await CommentStore.edit(
            model.item.id, body: CommentText.render(form.body), hold: nil, excerptWords: site.settings.commentExcerptWords,
            at: app.time.now(), on: db)
        if let comment = try await CommentStore.find(model.item.id, on: db) { try await app.discussionChanged([comment.articleID], on: db) }
        return .redirect(to: .comment(model.item.id), notice: .saved)
    }

    /// A reply as staff: published at once with the staff badge, in the comment's thread.
    @Sendable static func reply(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let form = StaffCommentForm(context.form)
        var model = try await deskModel(request, context, app)
        let errors = form.validate()
        guard errors.isEmpty, let staff = context.staff else {
            model.reply = form.body
            model.errors = errors
            return AppServices.adminPage(CommentDeskView.desk(model), status: .unprocessableContent)
        }
        let db = try app.db()
        guard let parent = try await CommentStore.find(model.item.id, on: db) else { throw DomainError.notFound("That comment is gone.") }
        let site = try await app.site.current(on: db)
        let placement =
            try await CommentStore.placement(
                replyingTo: parent.id, article: parent.articleID, levels: site.settings.commentLevels, anyStatus: true, on: db)
            ?? .newThread
        let id = try await CommentStore.create(
            .init(
                article: parent.articleID, placement: placement, authorName: staff.name, authorEmail: staff.email, isGuest: false,
                staffID: staff.id.rawValue, body: CommentText.render(form.body),
                decision: ModerationDecision(status: .approved, reason: nil),
                networkHash: nil, at: app.time.now(), excerptWords: site.settings.commentExcerptWords), on: db)
        try await app.discussionChanged([parent.articleID], on: db)
        try await DiscussionNotifier.published([id], approvedByModerator: false, app: app)
        return .redirect(to: .comment(model.item.id), notice: .replied)
    }

    static func deskModel(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> CommentDeskModel {
        let id = Comment.ID(try context.requireID("id"))
        let db = try app.db()
        let site = try await app.site.current(on: db)
        guard let item = try await CommentStore.queueItem(id, on: db), let markdown = try await CommentStore.markdown(id, on: db) else {
            throw DomainError.notFound("There is no comment with that number.")
        }
        return CommentDeskModel(
            chrome: try await app.adminChrome(context, active: .comments(), notice: request.adminNotice),
            item: self.item(from: item, format: site.format), markdown: markdown)
    }

    static func item(from item: CommentStore.QueueItem, format: DisplayFormat) -> CommentQueueModel.Item {
        CommentQueueModel.Item(
            id: item.comment.id, authorName: item.comment.authorName, authorEmail: item.authorEmail, network: item.network ?? "",
            date: format.dateTime(item.comment.createdAt), body: .trusted(item.comment.bodyHTML), articleTitle: item.articleTitle,
            articleURL: .article(slug: item.articleSlug), holdReason: item.comment.holdReason, flags: item.flagReasons,
            pinned: item.comment.pinned, isStaff: item.comment.isStaff, isGuest: item.comment.isGuest)
    }
}
