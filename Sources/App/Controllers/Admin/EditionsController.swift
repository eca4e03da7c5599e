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
        let chosen = QueryString(request.uri.query)["newsletter"].flatMap { Int($0) }
        let newsletters = try await NewsletterStore.all(on: db)
        guard let newsletter = newsletters.first(where: { $0.id.rawValue == chosen }) ?? newsletters.first else {
            throw DomainError.notFound("Create a newsletter first.")
        }
        return try await page(nil, newsletter: newsletter, subject: "", markdown: "", errors: [:], request, context, app)
    }

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        guard let newsletter = try await NewsletterStore.find(.init(Int(context.form["newsletter"] ?? "") ?? 0), on: db) else {
            throw DomainError.invalidInput(field: "newsletter", message: "Choose a newsletter for the edition.")
        }
        let (draft, errors) = try await read(context.form, app: app, on: db)
        guard let draft, errors.isEmpty else {
            return try await page(
                nil, newsletter: newsletter, subject: context.form["subject"] ?? "", markdown: context.form["markdown"] ?? "",
                errors: errors,
                request, context, app, status: .unprocessableContent)
        }
        let id = try await EditionStore.create(
            draft, newsletter: newsletter.id, kind: .manual, createdBy: staff.id, now: app.time.now(), on: db)
        return SignInController.redirect("/admin/newsletter/editions/\(id)?done=saved")
    }

    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, newsletter) = try await load(context, app)
        return try await page(
            edition, newsletter: newsletter, subject: edition.subject, markdown: edition.markdown, errors: [:], request, context, app)
    }

    @Sendable static func update(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, newsletter) = try await load(context, app)
        let db = try app.db()
        let (draft, errors) = try await read(context.form, app: app, on: db)
        guard let draft, errors.isEmpty else {
            return try await page(
                edition, newsletter: newsletter, subject: context.form["subject"] ?? "", markdown: context.form["markdown"] ?? "",
                errors: errors, request, context, app, status: .unprocessableContent)
        }
        try await EditionStore.update(edition.id, draft, now: app.time.now(), on: db)
        return SignInController.redirect("/admin/newsletter/editions/\(edition.id)?done=saved")
    }

    /// The email as a reader will see it (their links point at the signup page here).
    @Sendable static func preview(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, newsletter) = try await load(context, app)
        let body = try await template(edition, newsletter, app).render(
            preferencesLink: app.config.siteURL + "/newsletter", unsubscribeLink: app.config.siteURL + "/newsletter")
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
        let body = template.render(preferencesLink: app.config.siteURL + "/newsletter", unsubscribeLink: app.config.siteURL + "/newsletter")
        let settings = try await app.site.current(on: try app.db()).settings
        let from = app.mailer.sender(settings, name: newsletter.senderName)
        try await MailOutbox.enqueue(
            .init(
                purpose: "edition_test", toAddress: staff.email, toName: staff.name, fromName: from.name, fromAddress: from.address,
                subject: "[Test] " + template.subject, text: body.text, html: body.html, headers: app.mailer.replyHeaders(settings)),
            now: app.time.now(), on: try app.db())
        app.mailer.wake()
        return SignInController.redirect("/admin/newsletter/editions/\(edition.id)?done=test")
    }

    @Sendable static func schedule(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, newsletter) = try await load(context, app)
        let db = try app.db()
        let now = app.time.now()
        if context.form["unschedule"] != nil {
            try await EditionStore.schedule(edition.id, at: nil, now: now, on: db)
            return SignInController.redirect("/admin/newsletter/editions/\(edition.id)?done=saved")
        }
        let site = try await app.site.current(on: db)
        guard let at = site.format.date(fromInput: context.form["at"] ?? ""), at > now else {
            return try await page(
                edition, newsletter: newsletter, subject: edition.subject, markdown: edition.markdown,
                errors: ["at": "Choose a date and time in the future."], request, context, app, status: .unprocessableContent)
        }
        try await EditionStore.schedule(edition.id, at: at, now: now, on: db)
        return SignInController.redirect("/admin/newsletter/editions/\(edition.id)?done=scheduled")
    }

    @Sendable static func send(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, _) = try await load(context, app)
        guard try await EditionStore.startSending(edition.id, now: app.time.now(), on: try app.db()) != nil else {
            throw DomainError.conflict("This edition has already started sending.")
        }
        app.mailer.wake()
        return SignInController.redirect("/admin/newsletter/editions/\(edition.id)?done=sending")
    }

    @Sendable static func pause(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, _) = try await load(context, app)
        try await EditionStore.pause(edition.id, now: app.time.now(), on: try app.db())
        return SignInController.redirect("/admin/newsletter/editions/\(edition.id)?done=paused")
    }

    @Sendable static func resume(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, _) = try await load(context, app)
        try await EditionStore.resume(edition.id, now: app.time.now(), on: try app.db())
        app.mailer.wake()
        return SignInController.redirect("/admin/newsletter/editions/\(edition.id)?done=resumed")
    }

    @Sendable static func delete(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, _) = try await load(context, app)
        try await EditionStore.delete(edition.id, on: try app.db())
        return SignInController.redirect("/admin/newsletter?done=deleted")
    }

    /// Where sending stands, for the progress view to poll.
    @Sendable static func progress(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (edition, _) = try await load(context, app)
        let progress = try await EditionStore.progress(edition.id, on: try app.db())
        return EditorAPIController.json([
            "status": edition.status.rawValue, "statusLabel": edition.status.label, "sent": progress.sent, "failed": progress.failed,
            "remaining": progress.remaining, "cancelled": progress.cancelled, "percent": progress.percent,
        ])
    }

    static func read(_ form: AdminForm, app: AppServices, on db: any Database) async throws -> (EditionStore.Draft?, [String: String]) {
        let subject = (form["subject"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let markdown = (form["markdown"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        var errors: [String: String] = [:]
        if subject.isEmpty || subject.count > 150 { errors["subject"] = "Give the edition a subject line (up to 150 characters)." }
        if markdown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors["markdown"] = "Write the edition’s text." }
        if markdown.count > 100_000 { errors["markdown"] = "The text is too long for one email (100,000 characters at most)." }
        guard errors.isEmpty else { return (nil, errors) }
        let brand = app.mailer.brand(try await app.site.current(on: db))
        let body = EditionMailView.manualBody(markdown: markdown, brand: brand)
        return (EditionStore.Draft(subject: subject, markdown: markdown, bodyHTML: body.html, bodyText: body.text), [:])
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
