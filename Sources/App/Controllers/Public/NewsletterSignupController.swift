import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Persistence
import Routes
import Views

/// `/newsletter`: signing up (the page, and the home page's box) with double opt-in.
enum NewsletterSignupController {
    /// Signups one network may send per hour (offices and schools share an address).
    static let networkLimit = 20
    /// Confirmation mails one address may receive per hour, so nobody can flood someone's inbox.
    static let addressLimit = 3
    static let tokenLifetime: TimeInterval = 24 * 3600

    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let choices = try await NewsletterStore.all(on: db).map { choice($0, checked: $0.isDefault) }
        return AppServices.privatePage(NewsletterPages.signup(NewsletterSignupModel(chrome: site.chrome, choices: choices)))
    }

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let form = try await request.publicForm(upTo: 16 * 1024)
        let db = try app.db()
        let now = app.time.now()
        let site = try await app.site.current(on: db)
        let newsletters = try await NewsletterStore.all(on: db)
        let email = EmailAddress.normalise(form["email"] ?? "")
        let name = String((form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(120))
        // The home page's box sends no choice: it signs up for the newsletters offered first.
        let chosenIDs = Set(form.all("newsletter").compactMap { Int($0) })
        let chosen =
            form["newsletter"] == nil && form["source"] != "page"
            ? newsletters.filter(\.isDefault) : newsletters.filter { chosenIDs.contains($0.id.rawValue) }
        var problems: [String: String] = [:]
        if let problem = EmailAddress.problem(email) { problems["email"] = problem }
        if chosen.isEmpty { problems["newsletter"] = "Choose at least one newsletter." }
        guard problems.isEmpty else {
            let model = NewsletterSignupModel(
                chrome: site.chrome, choices: newsletters.map { choice($0, checked: chosen.contains($0)) }, email: email, name: name,
                problems: problems)
            return AppServices.privatePage(NewsletterPages.signup(model), status: .unprocessableContent)
        }
        // A filled-in honeypot is a robot: it sees the usual answer and nothing is stored.
        guard (form["website"] ?? "").isEmpty else { return AppServices.privatePage(NewsletterPages.checkInbox(site.chrome, email: email)) }
        let network = "newsletter-network:" + VisitorFingerprint.network(of: app.clientAddress(request, context))
        guard try await RateLimitStore.allow(network, limit: networkLimit, window: 3600, now: now, on: db) else {
            throw HTTPError(.tooManyRequests, message: "Too many signups from your network in the last hour. Please try again later.")
        }
        // Past the per-address limit the reader sees the same page, and no more mail goes out.
        if try await RateLimitStore.allow("newsletter-address:" + email, limit: addressLimit, window: 3600, now: now, on: db) {
            let source = form["source"] == "page" ? "Signup form on the newsletter page" : "Signup box on the home page"
            try await db.transaction { tx in
                let outcome = try await SubscriberStore.signUp(
                    email: email, name: name, newsletters: chosen.map(\.id), source: source, now: now, tokenLifetime: tokenLifetime,
                    random: app.random, on: tx)
                switch outcome {
                case .confirmationNeeded(let subscriber, let token):
                    let link = SiteURL.newsletterConfirm(token: token).absolute(siteURL: app.config.siteURL)
                    try await app.mailer.enqueue(
                        TransactionalMail(
                            to: email, name: subscriber.name,
                            .subscriptionConfirmation(
                                newsletters: chosen.map(\.name), confirmLink: link, validHours: Int(tokenLifetime / 3600))),
                        now: now, on: tx)
                case .alreadySubscribed(let subscriber):
                    let token = try await app.mailer.subscriberToken(
                        subscriber.id, linkKey: try await SubscriberStore.linkKey(subscriber.id, on: tx) ?? "", on: tx)
                    try await app.mailer.enqueue(
                        TransactionalMail(
                            to: email, name: subscriber.name, .alreadySubscribed(preferencesLink: app.mailer.preferencesLink(token: token))),
                        now: now, on: tx)
                }
            }
            app.mailer.wake()
        }
        return AppServices.privatePage(NewsletterPages.checkInbox(site.chrome, email: email))
    }

    static func choice(_ newsletter: Newsletter, checked: Bool) -> NewsletterChoice {
        NewsletterChoice(
            id: newsletter.id.rawValue, name: newsletter.name, description: newsletter.description, schedule: newsletter.schedule.label,
            isChecked: checked)
    }
}
