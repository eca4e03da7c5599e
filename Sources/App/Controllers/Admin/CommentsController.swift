import Domain
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// Moderation queues: pending, approved, spam and trash, with bulk actions.
enum CommentsController {
    static let pageSize = 30

    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let query = QueryString(request.uri.query)
        let status = query["status"].flatMap(CommentStatus.init) ?? .pending
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let page = try ListingPage(parameter: query["page"], size: pageSize)
        let result = try await CommentModeration.queue(status, page: page, on: db)
        let counts = try await CommentModeration.counts(on: db)
        let labels: [CommentStatus: String] = [.pending: "Pending", .approved: "Approved", .spam: "Spam", .trash: "Trash"]
        let actions: [(String, String)] =
            switch status {
            case .pending: [("approve", "Approve"), ("spam", "Mark as spam"), ("trash", "Move to trash")]
            case .approved: [("pending", "Unapprove"), ("spam", "Mark as spam"), ("trash", "Move to trash")]
            case .spam: [("approve", "Not spam: approve"), ("trash", "Move to trash")]
            case .trash: [("approve", "Restore and approve"), ("delete", "Delete for good")]
            }
        let url = { (number: Int) in "/admin/comments?status=\(status.rawValue)" + (number > 1 ? "&page=\(number)" : "") }
        let html = CommentQueueView.render(
            try await app.adminChrome(context, active: "/admin/comments", notice: AdminNotice.from(request)), queue: status.rawValue,
            tabs: [CommentStatus.pending, .approved, .spam, .trash].map { ($0.rawValue, labels[$0] ?? $0.rawValue, counts[$0] ?? 0) },
            comments: result.items.map { item in
                QueueCommentModel(
                    id: item.comment.id.rawValue, authorName: item.comment.authorName, authorEmail: item.authorEmail,
                    network: item.network ?? "unknown network", date: site.format.dateTime(item.comment.createdAt),
                    body: .trusted(item.comment.bodyHTML), articleTitle: item.articleTitle,
                    articleHref: SiteURL.article(slug: item.articleSlug).path)
            }, actions: actions,
            pager: PagerModel(
                current: page.number, total: result.pageCount, previousHref: result.hasPrevious ? url(page.number - 1) : nil,
                nextHref: result.hasNext ? url(page.number + 1) : nil))
        return AppServices.adminPage(html)
    }

    @Sendable static func apply(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let ids = context.form.all("id").compactMap { Int($0) }.map { Comment.ID($0) }
        let db = try app.db()
        let queue = QueryString(request.uri.query)["status"] ?? "pending"
        switch context.form["action"] ?? "" {
        case "approve": try await CommentModeration.setStatus(ids, to: .approved, on: db)
        case "pending": try await CommentModeration.setStatus(ids, to: .pending, on: db)
        case "spam": try await CommentModeration.setStatus(ids, to: .spam, on: db)
        case "trash": try await CommentModeration.setStatus(ids, to: .trash, on: db)
        case "delete": try await CommentModeration.delete(ids, on: db)
        default: throw DomainError.invalidInput(field: "action", message: "Choose what to do with the selected comments.")
        }
        // Approving or withdrawing changes what readers see.
        app.contentChanged()
        return SignInController.redirect("/admin/comments?status=\(SiteURL.encodeQueryValue(queue))&done=moderated")
    }
}
