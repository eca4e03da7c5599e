import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Mail
import NIOCore
import Persistence
import Routes
import Views

/// Editions: write in Markdown, preview, send a test, schedule or send, follow the progress,
/// pause and resume, read the send log.
enum EditionsController {
    @Sendable static func new(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let chosen = QueryString(request.uri.query)[EditionForm.Field.newsletter.name].flatMap { Int($0) }.map(Newsletter.ID.init)
        let newsletters = try await NewsletterStore.all(on: db)
        guard let newsletter = newsletters.first(where: { $0.id == chosen }) ?? newsletters.first else {
            throw DomainError.notFound("Create a newsletter first.")
        }
        return try await page(nil, newsletter: newsletter, form: EditionForm(subject: "", markdown: ""), request, context, app)
    }

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        guard let id = EditionForm.newsletter(context.form), let newsletter = try await NewsletterStore.find(id, on: db) else {
            throw DomainError.invalidInput(field: EditionForm.Field.newsletter.name, message: "Choose a newsletter for the edition.")
        }
        let form = EditionForm(context.form)
        let errors = form.validate()
        guard errors.isEmpty else {
            return try await page(
                nil, newsletter: newsletter, form: form, errors: errors, request, context, app, status: .unprocessableContent)
        }
        let edition = try await EditionStore.create(
            try await draft(form, app: app, on: db), newsletter: newsletter.id, kind: .manual, createdBy: staff.id, now: app.time.now(),
            on: db)
        return .redirect(to: .edition(edition), notice: .saved)
    }

    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, newsletter) = try await load(context, app)
        return try await page(
            edition, newsletter: newsletter, form: EditionForm(subject: edition.subject, markdown: edition.markdown), request, context, app)
    }

    @Sendable static func update(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, newsletter) = try await load(context, app)
        let db = try app.db()
        let form = EditionForm(context.form)
        let errors = form.validate()
        guard errors.isEmpty else {
            return try await page(
                edition, newsletter: newsletter, form: form, errors: errors, request, context, app, status: .unprocessableContent)
        }
        try await EditionStore.update(edition.id, try await draft(form, app: app, on: db), now: app.time.now(), on: db)
        return .redirect(to: .edition(edition.id), notice: .saved)
    }

    /// The email as a reader will see it (their links point at the signup page here).
    @Sendable static func preview(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, newsletter) = try await load(context, app)
        let signup = SiteURL.newsletter.absolute(siteURL: app.config.siteURL)
        let body = try await template(edition, newsletter, app).render(preferencesLink: signup, unsubscribeLink: signup)
        // Mail HTML is styled inline, so this page gets its own policy: inline styles, no scripts.
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy:
                    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; frame-ancestors 'none'",
                .xContentTypeOptions: "nosniff",
            ], body: .init(byteBuffer: ByteBuffer(string: body.html)))
    }

    /// Sends the edition to the signed-in member only, marked as a test.
    @Sendable static func sendTest(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let (edition, newsletter) = try await load(context, app)
        let template = try await template(edition, newsletter, app)
        let signup = SiteURL.newsletter.absolute(siteURL: app.config.siteURL)
        let body = template.render(preferencesLink: signup, unsubscribeLink: signup)
        let settings = try await app.site.current(on: try app.db()).settings
        let from = app.mailer.sender(settings, name: newsletter.senderName)
        try await OutboxStore.enqueue(
            .init(
                purpose: "edition_test", toAddress: staff.email, toName: staff.name, fromName: from.name, fromAddress: from.address,
                subject: "[Test] " + template.subject, text: body.text, html: body.html, headers: app.mailer.replyHeaders(settings)),
            now: app.time.now(), on: try app.db())
        app.mailer.wake()
        return .redirect(to: .edition(edition.id), notice: .test)
    }

    @Sendable static func schedule(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, newsletter) = try await load(context, app)
        let db = try app.db()
        let now = app.time.now()
        let form = EditionScheduleForm(context.form)
        if form.unschedule {
            try await EditionStore.schedule(edition.id, at: nil, now: now, on: db)
            return .redirect(to: .edition(edition.id), notice: .saved)
        }
        let site = try await app.site.current(on: db)
        guard let at = site.format.date(fromInput: form.at), at > now else {
            return try await page(
                edition, newsletter: newsletter, form: EditionForm(subject: edition.subject, markdown: edition.markdown),
                scheduleError: "Choose a date and time in the future.", request, context, app, status: .unprocessableContent)
        }
        try await EditionStore.schedule(edition.id, at: at, now: now, on: db)
        return .redirect(to: .edition(edition.id), notice: .scheduled)
    }

    @Sendable static func send(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, _) = try await load(context, app)
        guard try await EditionStore.startSending(edition.id, now: app.time.now(), on: try app.db()) != nil else {
            throw DomainError.conflict("This edition has already started sending.")
        }
        app.mailer.wake()
        return .redirect(to: .edition(edition.id), notice: .sending)
    }

    @Sendable static func pause(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, _) = try await load(context, app)
        try await EditionStore.pause(edition.id, now: app.time.now(), on: try app.db())
        return .redirect(to: .edition(edition.id), notice: .paused)
    }

    @Sendable static func resume(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, _) = try await load(context, app)
        try await EditionStore.resume(edition.id, now: app.time.now(), on: try app.db())
        app.mailer.wake()
        return .redirect(to: .edition(edition.id), notice: .resumed)
    }

    @Sendable static func delete(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, _) = try await load(context, app)
        try await EditionStore.delete(edition.id, on: try app.db())
        return .redirect(to: .newsletter, notice: .deleted)
    }

    /// Where sending stands, for the progress view to poll.
    @Sendable static func progress(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, _) = try await load(context, app)
        let progress = try await EditionStore.progress(edition.id, on: try app.db())
        return try Response.json(
            ProgressDTO(
                status: edition.status.rawValue, statusLabel: edition.status.label, sent: progress.sent, failed: progress.failed,
                remaining: progress.remaining, cancelled: progress.cancelled, percent: progress.percent))
    }

    /// The body of a valid form, rendered for mail.
    static func draft(_ form: EditionForm, app: AppServices, on db: any Database) async throws -> EditionStore.Draft {
        let brand = app.mailer.brand(try await app.site.current(on: db))
        let body = EditionMailView.manualBody(markdown: form.markdown, brand: brand)
        return EditionStore.Draft(subject: form.subject, markdown: form.markdown, bodyHTML: body.html, bodyText: body.text)
    }

    static func template(_ edition: Edition, _ newsletter: Newsletter, _ app: AppServices) async throws -> EditionMailTemplate {
        let site = try await app.site.current(on: try app.db())
        return EditionMailTemplate(
            subject: edition.subject, bodyHTML: edition.bodyHTML, bodyText: edition.bodyText, newsletterName: newsletter.name,
            brand: app.mailer.brand(site), preheader: PlainText.excerpt(PlainText.from(html: edition.bodyHTML), limit: 120))
    }

    static func load(_ context: AppRequestContext, _ app: AppServices) async throws -> (Edition, Newsletter) {
        let db = try app.db()
        guard let edition = try await EditionStore.find(.init(try context.requireID("id")), on: db),
            let newsletter = try await NewsletterStore.find(edition.newsletterID, on: db)
        else { throw DomainError.notFound("That edition no longer exists.") }
        return (edition, newsletter)
    }
}

/// What the progress view polls: the edition's state and its counts.
struct ProgressDTO: Encodable {
    var status: String
    var statusLabel: String
    var sent: Int
    var failed: Int
    var remaining: Int
    var cancelled: Int
    var percent: Int
}
