import Domain
import FluentKit
import Forms
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Persistence
import Routes
import Views

/// `/admin/newsletter/subscribers`: the list with search and filters, CSV export and import,
/// erasure, and lifting a suppression.
enum SubscribersController {
    static let pageSize = 50

    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await list(request, context, app, importError: nil)
    }

    static func list(_ request: Request, _ context: AppRequestContext, _ app: AppServices, importError: String?) async throws -> Response {
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let query = try SubscriberListQuery(QueryString(request.uri.query))
        let result = try await SubscriberStore.page(query, size: pageSize, on: db)
        let newsletters = try await NewsletterStore.all(on: db)
        let names = Dictionary(uniqueKeysWithValues: newsletters.map { ($0.id, $0.name) })
        let rows = result.items.map { subscriber in
            SubscriberListModel.Row(
                id: subscriber.id, email: subscriber.email, name: subscriber.name, status: subscriber.status.label,
                statusKey: subscriber.status.rawValue,
                newsletters: subscriber.newsletterIDs.compactMap { names[$0] }.joined(separator: ", "),
                consent: subscriber.consentSource, since: site.format.date(subscriber.confirmedAt ?? subscriber.createdAt),
                isSuppressed: subscriber.isSuppressed)
        }
        let counts = try await SubscriberStore.counts(on: db)
        let model = SubscriberListModel(
            chrome: try await app.adminChrome(context, active: .newsletter, notice: request.adminNotice), rows: rows,
            total: result.totalCount, query: query,
            statusOptions: SubscriberListQuery.Status.allCases.map {
                SelectOption(value: $0.rawValue, label: "\($0.label) (\(counts[$0] ?? 0))")
            },
            newsletters: newsletters.map { SelectOption(value: $0.id.description, label: $0.name) },
            pager: PagerModel(result) { number in
                var page = query
                page.page = number
                return .admin(.subscribers(page))
            }, importError: importError)
        return AppServices.adminPage(SubscribersView.list(model), status: importError == nil ? .ok : .unprocessableContent)
    }

    /// Every subscriber the filters match, as CSV with the consent record, ready to import again.
    @Sendable static func export(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let subscribers = try await SubscriberStore.all(try SubscriberListQuery(QueryString(request.uri.query)), on: db)
        let names = Dictionary(uniqueKeysWithValues: try await NewsletterStore.all(on: db).map { ($0.id, $0.name) })
        var csv = SubscriberCSV.line(["email", "name", "status", "newsletters", "consent", "signed_up", "confirmed", "suppressed"])
        for subscriber in subscribers {
            csv += SubscriberCSV.line([
                subscriber.email, subscriber.name, subscriber.status.rawValue,
                subscriber.newsletterIDs.compactMap { names[$0] }.joined(separator: "; "), subscriber.consentSource,
                DisplayFormat.iso8601(subscriber.createdAt), subscriber.confirmedAt.map(DisplayFormat.iso8601) ?? "",
                subscriber.isSuppressed ? "yes" : "",
            ])
        }
        let stamp = DisplayFormat.iso8601(app.time.now()).prefix(10)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"subscribers-\(stamp).csv\"",
            ], body: .init(byteBuffer: ByteBuffer(string: csv)))
    }

    @Sendable static func importCSV(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        guard let file = context.form.files(SubscriberImportForm.Field.file).first, file.body.readableBytes > 0 else {
            return try await list(request, context, app, importError: "Choose a CSV file to import.")
        }
        guard let text = String(validating: file.body.readableBytesView, as: UTF8.self) else {
            return try await list(request, context, app, importError: "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")
        }
        let plan: SubscriberCSV.ImportPlan
        do {
            plan = try SubscriberCSV.ImportPlan(rows: SubscriberCSV.parse(text))
        } catch {
            return try await list(request, context, app, importError: error.description)
        }
        let db = try app.db()
        let known = Set(try await NewsletterStore.all(on: db).map(\.id))
        let newsletters = context.form.all(SubscriberImportForm.Field.newsletter).compactMap { Int($0) }.map(Newsletter.ID.init)
            .filter(known.contains)
        guard !newsletters.isEmpty else {
            return try await list(request, context, app, importError: "Choose the newsletters to subscribe them to.")
        }
        let now = app.time.now()
        let origin = "\(file.fileName ?? "upload"), by \(staff.name), \(DisplayFormat.iso8601(now).prefix(10))"
        let report = try await SubscriberStore.importRows(
            plan, newsletters: newsletters, origin: origin, now: now, random: app.random, on: db)
        let model = ImportReportModel(
            chrome: try await app.adminChrome(context, active: .newsletter), added: report.added, updated: report.updated,
            suppressed: report.skippedSuppressed, unsubscribed: report.skippedUnsubscribed,
            rejected: report.rejected.map { .init(line: $0.line, reason: $0.reason) })
        return AppServices.adminPage(SubscribersView.importReport(model))
    }

    @Sendable static func delete(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await SubscriberStore.delete(.init(try context.requireID("id")), on: try app.db())
        return .redirect(to: .subscribers(), notice: .erased)
    }

    @Sendable static func unsuppress(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        guard let subscriber = try await SubscriberStore.find(.init(try context.requireID("id")), on: db) else {
            throw DomainError.notFound("That subscriber no longer exists.")
        }
        try await SuppressionStore.remove(subscriber.email, on: db)
        return .redirect(to: .subscribers(), notice: .unsuppressed)
    }
}
