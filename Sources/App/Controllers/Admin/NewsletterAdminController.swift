import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Persistence
import Routes
import Views

/// `/admin/newsletter`: the overview, and creating and changing newsletters.
enum NewsletterAdminController {
    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let counts = try await SubscriberStore.counts(on: db)
        let newsletters = try await NewsletterStore.all(on: db)
        let audience = try await NewsletterStore.audienceSizes(now: app.time.now(), on: db)
        let editions = try await EditionsController.rows(
            try await EditionStore.recent(limit: 30, on: db), newsletters: newsletters, site: site, on: db)
        let model = NewsletterOverviewModel(
            chrome: try await app.adminChrome(context, active: .newsletter, notice: request.adminNotice),
            counts: [SubscriberListQuery.Status.confirmed, .pending, .unsubscribed, .suppressed].map {
                .init(status: $0, count: counts[$0] ?? 0)
            },
            newsletters: newsletters.map {
                .init(id: $0.id, name: $0.name, schedule: $0.schedule.label, audience: audience[$0.id] ?? 0, isDefault: $0.isDefault)
            }, editions: editions)
        return AppServices.adminPage(NewsletterView.overview(model))
    }

    @Sendable static func new(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await page(id: nil, NewsletterForm(), errors: FormErrors(), request, context, app)
    }

    @Sendable static func edit(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let newsletter = try await require(context, app)
        return try await page(id: newsletter.id, NewsletterForm(newsletter), errors: FormErrors(), request, context, app)
    }

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let form = NewsletterForm(context.form)
        var errors = form.validate()
        if errors.isEmpty, let changes = changes(form) {
            do {
                let id = try await NewsletterStore.create(changes, now: app.time.now(), on: try app.db())
                return .redirect(to: .newsletterItem(id), notice: .saved)
            } catch DomainError.conflict(let message) {
                errors[.name] = message
            }
        }
        return try await page(id: nil, form, errors: errors, request, context, app, status: .unprocessableContent)
    }

    @Sendable static func update(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let newsletter = try await require(context, app)
        let form = NewsletterForm(context.form)
        let errors = form.validate()
        guard errors.isEmpty, let changes = changes(form) else {
            return try await page(id: newsletter.id, form, errors: errors, request, context, app, status: .unprocessableContent)
        }
        try await NewsletterStore.update(newsletter.id, changes, on: try app.db())
        return .redirect(to: .newsletterItem(newsletter.id), notice: .saved)
    }

    @Sendable static func delete(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let newsletter = try await require(context, app)
        try await NewsletterStore.delete(newsletter.id, on: try app.db())
        return .redirect(to: .newsletter, notice: .deleted)
    }

    /// What a valid form changes (the sender defaults to the newsletter's name).
    static func changes(_ form: NewsletterForm) -> NewsletterStore.Changes? {
        form.parsedSchedule.map {
            NewsletterStore.Changes(
                name: form.name, description: form.description, senderName: form.sender.isEmpty ? form.name : form.sender, schedule: $0,
                sectionIDs: form.sections, isDefault: form.isDefault)
        }
    }

    static func page(
        id: Newsletter.ID?, _ form: NewsletterForm, errors: FormErrors<NewsletterForm.Field>, _ request: Request,
        _ context: AppRequestContext, _ app: AppServices, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let site = try await app.site.current(on: try app.db())
        let model = NewsletterSettingsModel(
            chrome: try await app.adminChrome(context, active: .newsletter, notice: request.adminNotice), id: id, form: form,
            errors: errors,
            sections: site.sections.map { SelectOption(value: $0.id.description, label: $0.name) })
        return AppServices.adminPage(NewsletterView.settings(model), status: status)
    }

    static func require(_ context: AppRequestContext, _ app: AppServices) async throws -> Newsletter {
        guard let newsletter = try await NewsletterStore.find(.init(try context.requireID("id")), on: try app.db()) else {
            throw DomainError.notFound("That newsletter no longer exists.")
        }
        return newsletter
    }
}
