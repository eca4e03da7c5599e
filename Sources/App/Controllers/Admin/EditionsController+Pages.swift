import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Persistence
import Routes
import Views

extension EditionsController {
    static func page(
        _ edition: Edition?, newsletter: Newsletter, form: EditionForm, errors: FormErrors<EditionForm.Field> = FormErrors(),
        scheduleError: String? = nil, _ request: Request, _ context: AppRequestContext, _ app: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let audience = try await NewsletterStore.audienceSizes(now: app.time.now(), on: db)[newsletter.id] ?? 0
        var progress = EditionProgress()
        if let edition { progress = try await EditionStore.progress(edition.id, on: db) }
        let model = EditionPageModel(
            chrome: try await app.adminChrome(context, active: .newsletter, notice: request.adminNotice),
            id: edition?.id, newsletterID: newsletter.id, newsletterName: newsletter.name, audience: audience, form: form,
            kind: edition?.kind == .digest ? "Digest" : "Written edition", status: edition?.status ?? .draft,
            scheduledAt: edition?.scheduledAt.map(site.format.inputValue) ?? "",
            scheduledLabel: edition?.status == .scheduled ? edition?.scheduledAt.map(site.format.dateTime) : nil, progress: progress,
            errors: errors, scheduleError: scheduleError, staffEmail: staff.email)
        return AppServices.adminPage(EditionView.render(model), status: status)
    }

    @Sendable static func log(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, _) = try await load(context, app)
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let query = try EditionLogQuery(QueryString(request.uri.query))
        let result = try await EditionStore.log(edition.id, status: query.status, page: ListingPage(number: query.page, size: 100), on: db)
        let entries = result.items.map { entry in
            let detail: String =
                switch entry.status {
                case .sent: entry.sentAt.map { "Accepted " + site.format.dateTime($0) } ?? ""
                case .queued where entry.attempts > 0: "Retry at \(site.format.dateTime(entry.nextAttemptAt)): \(entry.lastError ?? "")"
                default: entry.lastError ?? ""
                }
            return EditionLogModel.Entry(email: entry.email, status: entry.status, attempts: entry.attempts, detail: detail)
        }
        let model = EditionLogModel(
            chrome: try await app.adminChrome(context, active: .newsletter), id: edition.id, subject: edition.subject, entries: entries,
            query: query, total: result.totalCount,
            pager: PagerModel(result) { .admin(.editionLog(edition.id, EditionLogQuery(status: query.status, page: $0))) })
        return AppServices.adminPage(EditionView.log(model))
    }

    /// Rows for an editions table, with each edition's progress.
    static func rows(_ editions: [Edition], newsletters: [Newsletter], site: SiteState.Snapshot, on db: any Database) async throws
        -> [EditionRowModel]
    {
        let names = Dictionary(uniqueKeysWithValues: newsletters.map { ($0.id, $0.name) })
        let progress = try await EditionStore.progress(of: editions.map(\.id), on: db)
        return editions.map { edition in
            let figures = progress[edition.id] ?? EditionProgress()
            let date = edition.finishedAt ?? edition.startedAt ?? edition.scheduledAt ?? edition.updatedAt
            return EditionRowModel(
                id: edition.id, subject: edition.subject, newsletter: names[edition.newsletterID] ?? "", status: edition.status,
                date: site.format.dateTime(date), sent: figures.sent, failed: figures.failed, remaining: figures.remaining)
        }
    }
}
