import Domain
import Foundation
import Mail
import Persistence
import TestSupport
import Testing
import Views

@testable import App

/// Shared set-up for the newsletter tests: an application whose mail goes to a real SMTP server
/// (aiosmtpd on loopback), and confirmed subscribers made the way a reader makes them.
enum NewsletterTestSupport {
    static func app(_ server: SMTPTestServer, connections: Int = 2) async throws -> TestApp {
        try await TestApp.make(pageCache: false) { config in
            config.smtp = SMTPConfiguration(
                host: "127.0.0.1", port: server.port, security: .plain, heloName: "gazette.test", timeout: 5, connections: connections)
        }
    }

    /// Signs `email` up and confirms it (the signup form and the mail link do the same).
    @discardableResult
    static func confirmed(_ email: String, name: String = "", newsletters: [Newsletter.ID]? = nil, on app: TestApp) async throws
        -> Subscriber
    {
        let db = try app.db()
        var chosen = newsletters ?? []
        if newsletters == nil { chosen = try await NewsletterStore.all(on: db).filter(\.isDefault).map(\.id) }
        let outcome = try await SubscriberStore.signUp(
            email: email, name: name, newsletters: chosen, source: "test", now: app.time.now(), tokenLifetime: 3600,
            random: app.services.random, on: db)
        guard case .confirmationNeeded(_, let token) = outcome,
            let subscriber = try await SubscriberStore.confirm(token, now: app.time.now(), on: db)
        else { throw PersistenceError.missingRow("confirmed subscriber \(email)") }
        return subscriber
    }

    static func daily(_ app: TestApp) async throws -> Newsletter {
        try #require(try await NewsletterStore.all(on: try app.db()).first { $0.slug == "daily" })
    }

    /// A written edition of `newsletter`, sending to its whole audience.
    @discardableResult
    static func sendEdition(_ subject: String, of newsletter: Newsletter, on app: TestApp) async throws -> Edition.ID {
        let db = try app.db()
        let body = EditionMailView.manualBody(
            markdown: "Hello **readers**.", brand: MailBrand(siteTitle: "Gazette", siteURL: app.services.config.siteURL, language: "en"))
        let id = try await EditionStore.create(
            .init(subject: subject, markdown: "Hello **readers**.", bodyHTML: body.html, bodyText: body.text), newsletter: newsletter.id,
            kind: .manual, createdBy: nil, now: app.time.now(), on: db)
        _ = try await EditionStore.startSending(id, now: app.time.now(), on: db)
        return id
    }

    /// The path of an absolute link on the test site.
    static func path(_ url: String) -> String {
        String(url.dropFirst("https://news.example.org".count))
    }
}
