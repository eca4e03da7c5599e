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
        let labels: [CommentStatus: String] = [.pending: "Pending", .approved: "Approved", .spam: "Spam", .trash: "Trash"]
        let actions: [ModerationForm.Action] =
            switch query.status {
            case .pending: [.approve, .spam, .trash]
            case .approved: [.pending, .spam, .trash]
            case .spam: [.approve, .trash]
            case .trash: [.approve, .delete]
            }
        let model = CommentQueueModel(
            chrome: try await app.adminChrome(context, active: .comments(), notice: request.adminNotice), queue: query.status,
            tabs: [CommentStatus.pending, .approved, .spam, .trash].map {
                .init(status: $0, label: labels[$0] ?? $0.rawValue, count: counts[$0] ?? 0)
            },
            items: result.items.map { item in
                CommentQueueModel.Item(
                    id: item.comment.id, authorName: item.comment.authorName, authorEmail: item.authorEmail,
                    network: item.network ?? "unknown network", date: site.format.dateTime(item.comment.createdAt),
                    body: .trusted(item.comment.bodyHTML), articleTitle: item.articleTitle, articleURL: .article(slug: item.articleSlug))
            }, actions: actions,
            pager: PagerModel(result) { .admin(.comments(CommentQueueQuery(status: query.status, page: $0))) })
        return AppServices.adminPage(CommentQueueView.render(model))
    }

    @Sendable static func apply(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let form = ModerationForm(context.form)
        let queue = QueryString(request.uri.query)["status"].flatMap(CommentStatus.init) ?? .pending
        let db = try app.db()
        switch form.action {
        case .approve: try await CommentStore.setStatus(form.ids, to: .approved, on: db)
        case .pending: try await CommentStore.setStatus(form.ids, to: .pending, on: db)
        case .spam: try await CommentStore.setStatus(form.ids, to: .spam, on: db)
        case .trash: try await CommentStore.setStatus(form.ids, to: .trash, on: db)
        case .delete: try await CommentStore.delete(form.ids, on: db)
        case nil:
            throw DomainError.invalidInput(
                field: ModerationForm.Field.action.name, message: "Choose what to do with the selected comments.")
        }
        // Approving or withdrawing changes what readers see.
        app.contentChanged()
        return .redirect(to: .comments(CommentQueueQuery(status: queue)), notice: .moderated)
    }
}
