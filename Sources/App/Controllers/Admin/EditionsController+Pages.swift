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
        _ edition: Edition?, newsletter: Newsletter, subject: String, markdown: String, errors: [String: String], _ request: Request,
        _ context: AppRequestContext, _ app: AppServices, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let audience = try await NewsletterStore.audienceSizes(now: app.time.now(), on: db)[newsletter.id] ?? 0
        var progress = EditionProgress()
        if let edition { progress = try await EditionStore.progress(edition.id, on: db) }
        let model = EditionPageModel(
            chrome: try await app.adminChrome(context, active: "/admin/newsletter", notice: AdminNotice.from(request)),
            id: edition?.id.rawValue, newsletterID: newsletter.id.rawValue, newsletterName: newsletter.name, audience: audience,
            subject: subject, markdown: markdown, kind: edition?.kind == .digest ? "Digest" : "Written edition",
            status: edition?.status ?? .draft,
            scheduledAt: edition?.scheduledAt.map(site.format.inputValue) ?? "",
            scheduledLabel: edition?.status == .scheduled ? edition?.scheduledAt.map(site.format.dateTime) : nil, progress: progress,
            errors: errors, staffEmail: staff.email)
        return AppServices.adminPage(EditionPages.render(model), status: status)
    }

    @Sendable static func log(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, _) = try await load(context, app)
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let query = QueryString(request.uri.query)
        let status = query["status"].flatMap(MailOutbox.Status.init)
        let page = try ListingPage(parameter: query["page"], size: 100)
        let result = try await EditionStore.log(edition.id, status: status, page: page, on: db)
        let entries = result.items.map { entry in
            let detail: String =
                switch entry.status {
                case .sent: entry.sentAt.map { "Accepted " + site.format.dateTime($0) } ?? ""
                case .queued where entry.attempts > 0: "Retry at \(site.format.dateTime(entry.nextAttemptAt)): \(entry.lastError ?? "")"
                default: entry.lastError ?? ""
                }
            return (
                email: entry.email, status: entry.status.label, statusKey: entry.status.rawValue, attempts: entry.attempts, detail: detail
            )
        }
        let link = { (number: Int) in
            "/admin/newsletter/editions/\(edition.id)/log?" + (status.map { "status=\($0.rawValue)&" } ?? "") + "page=\(number)"
        }
        let html = EditionPages.log(
            try await app.adminChrome(context, active: "/admin/newsletter"), id: edition.id.rawValue, subject: edition.subject,
            entries: entries, filter: status?.rawValue ?? "",
            filterOptions: [SelectOption(value: "", label: "Everything")]
                + MailOutbox.Status.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) },
            total: result.totalCount,
            pager: PagerModel(
                current: page.number, total: result.pageCount, previousHref: result.hasPrevious ? link(page.number - 1) : nil,
                nextHref: result.hasNext ? link(page.number + 1) : nil))
        return AppServices.adminPage(html)
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
                id: edition.id.rawValue, subject: edition.subject, newsletter: names[edition.newsletterID] ?? "",
                status: edition.status.label, statusKey: edition.status.rawValue, date: site.format.dateTime(date), sent: figures.sent,
                failed: figures.failed, remaining: figures.remaining)
        }
    }
}
