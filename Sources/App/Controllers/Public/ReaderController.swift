import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Persistence
import Routes
import Views

/// Readers who sign in with a mailed link (no password; a cookie only for those who do), their
/// page, and their data: a copy or erasure of everything under their address, by a mailed link.
enum ReaderController {
    static let cookie = "gazette_reader"
    static let linkMinutes = 30
    static let sessionLifetime: TimeInterval = 90 * 86_400

    @Sendable static func showSignIn(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let site = try await app.site.current(on: try app.db())
        return AppServices.privatePage(ReaderPages.signIn(site.chrome, next: safeNext(QueryString(request.uri.query)["next"])))
    }

    @Sendable static func showData(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let site = try await app.site.current(on: try app.db())
        return AppServices.privatePage(ReaderPages.data(site.chrome))
    }

    /// Mails a one-time link to sign in, to download, or to erase. The answer is the same whether
    /// or not the address is known.
    @Sendable static func sendLink(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let form = try await request.publicForm(upTo: 8 * 1024)
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let email = EmailAddress.normalise(form["email"] ?? "")
        let purpose = ReaderStore.Purpose(rawValue: form["purpose"] ?? "") ?? .signIn
        guard EmailAddress.isPlausible(email) else {
            let problem = "Please give an email address like name@example.org."
            let html =
                purpose == .signIn
                ? ReaderPages.signIn(site.chrome, next: safeNext(form["next"]), email: form["email"] ?? "", problem: problem)
                : ReaderPages.data(site.chrome, email: form["email"] ?? "", problem: problem)
            return AppServices.privatePage(html, status: .unprocessableContent)
        }
        let now = app.time.now()
        let network = try await app.secret.networkHash(VisitorFingerprint.network(of: app.clientAddress(request, context)), on: db)
        guard
            try await RateLimitStore.allow(
                "reader-link:" + network, limit: DiscussionLimits.signInLinksPerHour, window: 3600, now: now, on: db)
        else {
            throw HTTPError(.tooManyRequests, message: "Too many links asked for from your network this hour. Please try again later.")
        }
        if try await RateLimitStore.allow("reader-link-address:" + email, limit: 3, window: 3600, now: now, on: db) {
            try await db.transaction { tx in
                let token = try await ReaderStore.createLink(
                    email: email, purpose: purpose, next: safeNext(form["next"]), random: app.random,
                    lifetime: TimeInterval(linkMinutes * 60), now: now, on: tx)
                try await app.mailer.enqueue(
                    TransactionalMail(
                        to: email, name: "",
                        .readerLink(
                            purpose: purpose.rawValue, link: SiteURL.readerLink(token: token).absolute(siteURL: app.config.siteURL),
                            validMinutes: linkMinutes)),
                    now: now, on: tx)
            }
            app.mailer.wake()
        }
        return AppServices.privatePage(ReaderPages.checkInbox(site.chrome, email: email))
    }

    @Sendable static func showLink(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let db = try app.db()
        let site = try await app.site.current(on: db)
        guard let link = try await ReaderStore.peekLink(token, now: app.time.now(), on: db) else {
            return AppServices.privatePage(ReaderPages.deadLink(site.chrome), status: .notFound)
        }
        let count = try await ReaderStore.export(email: link.email, on: db).comments.count
        return AppServices.privatePage(
            ReaderPages.link(
                site.chrome, purpose: link.purpose.rawValue, email: link.email, comments: count, action: .readerLink(token: token)))
    }

    @Sendable static func useLink(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let token = context.parameters.get("token") ?? ""
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let now = app.time.now()
        guard let link = try await ReaderStore.useLink(token, now: now, on: db) else {
            return AppServices.privatePage(ReaderPages.deadLink(site.chrome), status: .notFound)
        }
        switch link.purpose {
        case .signIn:
            let reader = try await ReaderStore.findOrCreate(email: link.email, now: now, on: db)
            let session = try await ReaderStore.createSession(reader, random: app.random, lifetime: sessionLifetime, now: now, on: db)
            var response = Response.redirect(to: link.next)
            response.setCookie(
                Cookie(
                    name: cookie, value: session, maxAge: Int(sessionLifetime), path: "/", secure: app.config.secureCookies, httpOnly: true,
                    sameSite: .lax))
            return response
        case .export:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            var response = Response(
                status: .ok,
                headers: [
                    .contentType: "application/json", .cacheControl: "no-store",
                    .contentDisposition: "attachment; filename=\"comments.json\"",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(try await ReaderStore.export(email: link.email, on: db)))))
            response.headers[.xRobotsTag] = "noindex"
            return response
        case .erase:
            let count = try await ReaderStore.export(email: link.email, on: db).comments.count
            let touched = try await ReaderStore.erase(email: link.email, on: db)
            try await app.discussionChanged(touched, on: db)
            var response = AppServices.privatePage(ReaderPages.erased(site.chrome, comments: count))
            response.setCookie(
                Cookie(name: cookie, value: "", maxAge: 0, path: "/", secure: app.config.secureCookies, httpOnly: true, sameSite: .lax))
            return response
        }
    }

    @Sendable static func signOut(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        if let token = request.cookies[cookie]?.value { try await ReaderStore.endSession(token, on: try app.db()) }
        var response = Response.redirect(to: SiteURL.home.path)
        response.setCookie(
            Cookie(name: cookie, value: "", maxAge: 0, path: "/", secure: app.config.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    @Sendable static func home(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        guard let reader = try await signedIn(request, app) else {
            return Response.redirect(to: SiteURL.readerSignIn(next: SiteURL.readerHome.path).path)
        }
        return AppServices.privatePage(
            ReaderPages.home(try await homeModel(reader, app, saved: QueryString(request.uri.query)["saved"] != nil)))
    }

    @Sendable static func rename(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        guard let reader = try await signedIn(request, app) else { return Response.redirect(to: SiteURL.readerSignIn().path) }
        let name = CommentSubmission.printable(try await request.publicForm(upTo: 4096)["name"] ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= CommentSubmission.maximumNameLength else {
            var model = try await homeModel(reader, app, saved: false)
            model.name = name
            model.problem = "Please give a name of 1 to \(CommentSubmission.maximumNameLength) characters."
            return AppServices.privatePage(ReaderPages.home(model), status: .unprocessableContent)
        }
        try await ReaderStore.rename(reader, to: name, on: try app.db())
        return Response.redirect(to: SiteURL.readerHome.path + "?saved=1")
    }

    /// `GET /api/v1/reader`: who is signed in, for the script on cached pages.
    @Sendable static func me(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let reader = try await signedIn(request, app)
        var response = try Response.json(
            ReaderDTO(
                signedIn: reader != nil, name: reader?.name, email: reader?.email, signIn: SiteURL.readerSignIn().path,
                account: SiteURL.readerHome.path))
        response.headers[.cacheControl] = "no-store, private"
        return response
    }

    static func signedIn(_ request: Request, _ app: AppServices) async throws -> ReaderStore.Reader? {
        guard let token = request.cookies[cookie]?.value, !token.isEmpty else { return nil }
        return try await ReaderStore.reader(session: token, now: app.time.now(), on: try app.db())
    }

    static func homeModel(_ reader: ReaderStore.Reader, _ app: AppServices, saved: Bool) async throws -> ReaderPages.HomeModel {
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let data = try await ReaderStore.export(email: reader.email, on: db)
        return ReaderPages.HomeModel(
            chrome: site.chrome, name: reader.name, email: reader.email,
            comments: data.comments.reversed().prefix(100).map {
                .init(
                    article: $0.article, href: $0.articleAddress + "#comment-\($0.id)", date: site.format.dateTime($0.writtenAt),
                    status: $0.status == "approved" ? "published" : $0.status == "pending" ? "awaiting moderation" : $0.status,
                    excerpt: String($0.text.prefix(140)))
            },
            subscriptions: data.subscriptions.filter(\.confirmed).map {
                "\($0.article) (\(SubscriptionKind(rawValue: $0.kind)?.label ?? $0.kind))"
            },
            saved: saved)
    }

    /// Only a path of this site (never `//elsewhere` or a scheme).
    static func safeNext(_ value: String?) -> String {
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), !value.contains("\\"), value.count < 500,
            !value.contains("://")
        else { return SiteURL.home.path }
        return value
    }
}

struct ReaderDTO: Encodable {
    let signedIn: Bool
    let name: String?
    let email: String?
    let signIn: String
    let account: String
}
