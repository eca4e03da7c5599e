import Domain
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// Moderation queues: pending, approved, spam and trash, with bulk actions.
enum CommentModerationController {
    static let pageSize = 30

    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let query = try CommentQueueQuery(QueryString(request.uri.query))
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let result = try await CommentStore.queue(query.status, page: ListingPage(number: query.page, size: pageSize), on: db)
        let counts = try await CommentStore.counts(on: db)
        let actions: [ModerationForm.Action] =
            switch query.status {
            case .pending: [.approve, .spam, .trash]
            case .flagged: [.keep, .pending, .spam, .trash]
            case .approved: [.pending, .spam, .trash, .pin, .unpin]
            case .spam: [.approve, .trash]
            case .trash: [.approve, .delete]
            }
        let model = CommentQueueModel(
            chrome: try await app.adminChrome(context, active: .comments(), notice: request.adminNotice), queue: query.status,
            tabs: CommentQueue.allCases.map { .init(status: $0, label: $0.label, count: counts[$0] ?? 0) },
            items: result.items.map { item in
                CommentQueueModel.Item(
                    id: item.comment.id, authorName: item.comment.authorName, authorEmail: item.authorEmail,
                    network: item.network ?? "", date: site.format.dateTime(item.comment.createdAt),
                    body: .trusted(item.comment.bodyHTML), articleTitle: item.articleTitle, articleURL: .article(slug: item.articleSlug),
                    holdReason: item.comment.holdReason, flags: item.flagReasons, pinned: item.comment.pinned,
                    isStaff: item.comment.isStaff, isGuest: item.comment.isGuest)
            }, actions: actions,
            pager: PagerModel(result) { .admin(.comments(CommentQueueQuery(status: query.status, page: $0))) })
        return AppServices.adminPage(CommentQueueView.render(model))
    }

    @Sendable static func apply(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let form = ModerationForm(context.form)
        let queue = QueryString(request.uri.query)["status"].flatMap(CommentQueue.init) ?? .pending
        let db = try app.db()
        let touched: Set<Article.ID>
        switch form.action {
        case .approve:
            let waiting = try await CommentStore.filter(form.ids, status: .pending, on: db)
            touched = try await CommentStore.setStatus(form.ids, to: .approved, on: db)
            try await DiscussionNotifier.published(waiting, approvedByModerator: true, app: app)
        case .pending: touched = try await CommentStore.setStatus(form.ids, to: .pending, reason: "Unapproved by a moderator", on: db)
        case .spam: touched = try await CommentStore.setStatus(form.ids, to: .spam, reason: "Marked as spam by a moderator", on: db)
        case .trash: touched = try await CommentStore.setStatus(form.ids, to: .trash, reason: "Moved to the trash by a moderator", on: db)
        case .delete: touched = try await CommentStore.delete(form.ids, on: db)
        case .pin: touched = try await CommentStore.setPinned(form.ids, true, on: db)
        case .unpin: touched = try await CommentStore.setPinned(form.ids, false, on: db)
        case .keep:
            try await CommentStore.dismissFlags(form.ids, on: db)
            touched = []
        case nil:
            throw DomainError.invalidInput(
                field: ModerationForm.Field.action.name, message: "Choose what to do with the selected comments.")
        }
        // Only the pages that show these discussions change.
        try await app.discussionChanged(touched, on: db)
        return .redirect(to: .comments(CommentQueueQuery(status: queue)), notice: .moderated)
    }
}
