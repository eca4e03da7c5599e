import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Persistence
import Routes
import Views

/// The links in newsletter mail: confirming a signup, the preferences page, and unsubscribing
/// (a page on GET, RFC 8058 one-click on POST). Every link carries its own proof (a single-use
/// token or a signed one), so none needs a cookie or a session.
enum SubscriptionController {
    @Sendable static func showConfirm(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let db = try app.db()
        let site = try await app.site.current(on: db)
        guard let subscriber = try await SubscriberStore.peekConfirmation(token, now: app.time.now(), on: db) else {
            return deadConfirmation(site.chrome)
        }
        return AppServices.privatePage(
            NewsletterPages.confirm(site.chrome, email: subscriber.email, action: .newsletterConfirm(token: token)))
    }

    @Sendable static func confirm(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let token = context.parameters.get("token") ?? ""
        let db = try app.db()
        let site = try await app.site.current(on: db)
        guard let subscriber = try await SubscriberStore.confirm(token, now: app.time.now(), on: db) else {
            return deadConfirmation(site.chrome)
        }
        let names = try await NewsletterStore.all(on: db).filter { subscriber.newsletterIDs.contains($0.id) }.map(\.name)
        let preferences = try await link(for: subscriber, app: app, on: db)
        return AppServices.privatePage(NewsletterPages.confirmed(site.chrome, newsletters: names, preferences: preferences))
    }

    @Sendable static func showPreferences(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let db = try app.db()
        guard let subscriber = try await app.mailer.subscriber(forToken: token, on: db) else { return try await deadLink(app, on: db) }
        let notice = QueryString(request.uri.query)["done"].flatMap { notices[$0] }
        return AppServices.privatePage(try await preferencesPage(subscriber, token: token, notice: notice, app: app, on: db))
    }

    static let notices = [
        "saved": "Your choices are saved.", "paused": "Your newsletters are paused.", "resumed": "Your newsletters are back on.",
        "left": "You are unsubscribed from everything. Tick a newsletter and save to come back.",
    ]

    @Sendable static func updatePreferences(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let token = context.parameters.get("token") ?? ""
        let form = try await request.publicForm(upTo: 16 * 1024)
        let db = try app.db()
        let now = app.time.now()
        guard let subscriber = try await app.mailer.subscriber(forToken: token, on: db) else { return try await deadLink(app, on: db) }
        let done: String
        switch form["action"] {
        case "pause":
            guard let period = PausePeriod(rawValue: form["pause"] ?? "") else {
                throw DomainError.invalidInput(field: "pause", message: "Choose how long to pause for.")
            }
            try await SubscriberStore.pause(subscriber.id, until: now.addingTimeInterval(period.duration), on: db)
            done = "paused"
        case "resume":
            try await SubscriberStore.pause(subscriber.id, until: nil, on: db)
            done = "resumed"
        case "leave":
            try await SubscriberStore.unsubscribe(subscriber.id, from: nil, now: now, on: db)
            done = "left"
        default:
            let known = Set(try await NewsletterStore.all(on: db).map(\.id.rawValue))
            let chosen = form.all("newsletter").compactMap { Int($0) }.filter(known.contains).map(Newsletter.ID.init)
            try await SubscriberStore.setNewsletters(subscriber.id, chosen, now: now, on: db)
            done = chosen.isEmpty ? "left" : "saved"
        }
        return Response(
            status: .seeOther,
            headers: [.location: SiteURL.newsletterPreferences(token: token).path + "?done=\(done)", .cacheControl: "no-store"])
    }

    @Sendable static func showUnsubscribe(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let db = try app.db()
        let site = try await app.site.current(on: db)
        guard let subscriber = try await app.mailer.subscriber(forToken: token, on: db) else { return try await deadLink(app, on: db) }
        let newsletter = try await named(context, on: db)
        return AppServices.privatePage(
            NewsletterPages.unsubscribe(
                site.chrome, email: subscriber.email, newsletter: newsletter?.name ?? "our newsletters",
                action: .newsletterUnsubscribe(token: token, newsletter: newsletter?.slug ?? "all"),
                preferences: .newsletterPreferences(token: token)))
    }

    /// One-click unsubscribe (RFC 8058): mail providers POST `List-Unsubscribe=One-Click` here
    /// with no cookies; the signed token is the authority. The same POST comes from the page's
    /// button. An unknown newsletter leaves them all, the safe reading of the reader's wish.
    @Sendable static func unsubscribe(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        _ = try await request.body.collect(upTo: 16 * 1024)
        let db = try app.db()
        let site = try await app.site.current(on: db)
        guard let subscriber = try await app.mailer.subscriber(forToken: token, on: db) else { return try await deadLink(app, on: db) }
        let newsletter = try await named(context, on: db)
        try await SubscriberStore.unsubscribe(subscriber.id, from: newsletter?.id, now: app.time.now(), on: db)
        return AppServices.privatePage(
            NewsletterPages.unsubscribed(
                site.chrome, newsletter: newsletter?.name ?? "our newsletters",
                preferences: .newsletterPreferences(token: token)))
    }

    static func named(_ context: AppRequestContext, on db: any Database) async throws -> Newsletter? {
        let slug = context.parameters.get("newsletter") ?? ""
        return try await NewsletterStore.all(on: db).first { $0.slug == slug }
    }

    static func preferencesPage(_ subscriber: Subscriber, token: String, notice: String?, app: AppServices, on db: any Database)
        async throws
        -> HTML
    {
        let site = try await app.site.current(on: db)
        let now = app.time.now()
        let choices = try await NewsletterStore.all(on: db).map {
            NewsletterSignupController.choice($0, checked: subscriber.newsletterIDs.contains($0.id))
        }
        return NewsletterPages.preferences(
            NewsletterPreferencesModel(
                chrome: site.chrome, email: subscriber.email, choices: choices,
                pausedUntil: subscriber.isPaused(at: now) ? subscriber.pausedUntil.map(site.format.date) : nil,
                isUnsubscribed: subscriber.status != .confirmed, action: .newsletterPreferences(token: token), notice: notice,
                pauseOptions: PausePeriod.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) }))
    }

    static func link(for subscriber: Subscriber, app: AppServices, on db: any Database) async throws -> SiteURL {
        let key = try await SubscriberStore.linkKey(subscriber.id, on: db) ?? ""
        return .newsletterPreferences(token: try await app.mailer.subscriberToken(subscriber.id, linkKey: key, on: db))
    }

    static func deadConfirmation(_ chrome: SiteChrome) -> Response {
        AppServices.privatePage(
            NewsletterPages.deadLink(
                chrome, title: "This link has expired",
                explanation:
                    "Confirmation links work once, for 24 hours. If you have already confirmed, you are subscribed; otherwise sign up again for a fresh link."
            ),
            status: .notFound)
    }

    static func deadLink(_ app: AppServices, on db: any Database) async throws -> Response {
        let site = try await app.site.current(on: db)
        return AppServices.privatePage(
            NewsletterPages.deadLink(
                site.chrome, title: "This link does not work",
                explanation: "The link is incomplete or no longer valid. Use the link in your most recent newsletter, or sign up again."),
            status: .notFound)
    }
}
