import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Persistence
import Routes
import TestSupport
import Testing

@testable import App

/// Walks every back-office route for every role: the server allows exactly what the role may do.
@Suite("Back-office access rules")
struct AccessRulesTests {
    @Test("Every address of the back-office map is served, and nothing under /admin is served without an access rule")
    func everyRouteHasARule() async throws {
        let app = try await TestApp.make()
        let (router, rules) = makeRouter(services: app.services)
        func pattern(_ path: String) -> String {
            path.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("{") && $0.hasSuffix("}") ? ":" + $0.dropFirst().dropLast() : String($0) }.joined(separator: "/")
        }
        // What the router really answers, whoever registered it.
        let served = router.routes.filter { $0.path.description.hasPrefix(AdminRoute.dashboard.pattern) && $0.method != .head }
            .map { "\($0.method) \(pattern("/" + $0.path.description.drop { $0 == "/" }))" }
        let ruled = rules.map { "\($0.method) \($0.route.pattern)" }
        #expect(Set(served).subtracting(ruled).isEmpty, "served without a rule: \(Set(served).subtracting(ruled).sorted())")
        #expect(served.count == Set(served).count, "a route is registered twice")
        // Every address in the map leads somewhere.
        let servedPatterns = Set(served.map { $0.split(separator: " ", maxSplits: 1)[1] }.map(String.init))
        let unserved = AdminRoute.allCases.map(\.pattern).filter { !servedPatterns.contains($0) }
        #expect(unserved.isEmpty, "in the map but not served: \(unserved)")
        try await app.cleanUp()
    }

    @Test("Each role gets exactly the back-office routes its permissions allow; strangers are sent to sign in")
    func walkEveryRouteForEveryRole() async throws {
        let app = try await TestApp.make()
        // Signing out is walked last, or it would end the session the rest of the walk uses.
        let all = makeRouter(services: app.services).adminRules
        let rules = all.filter { $0.route != .signOut } + all.filter { $0.route == .signOut }
        let db = try app.db()
        // Something for every path parameter, owned by nobody the walk signs in as.
        let (section, author) = try await Fixtures.newsroom(articles: 1, on: db)
        let article = try #require(try await ArticleStore.published(slug: "story-number-1", on: db)?.id)
        let revision = try #require(try await RevisionStore.all(of: article, on: db).first?.id)
        let media = try await MediaStore.add(
            fileName: "abc.jpg", originalName: "a.jpg", format: .jpeg, width: 10, height: 10, bytes: 10, variants: [], by: nil,
            now: TestClock.start, on: db)
        let other = try await app.staff(.moderator, name: "Other Person")
        let newsletter = try #require(try await NewsletterStore.all(on: db).first)
        let edition = try await EditionStore.create(
            EditionStore.Draft(subject: "Walk", markdown: "Text", bodyHTML: "<p>Text</p>", bodyText: "Text"), newsletter: newsletter.id,
            kind: .manual, createdBy: nil, now: TestClock.start, on: db)
        let signup = try await SubscriberStore.signUp(
            email: "walker@example.org", name: "", newsletters: [newsletter.id], source: "test", now: TestClock.start,
            tokenLifetime: 3600, random: SystemRandom(), on: db)
        guard case .confirmationNeeded(let subscriber, _) = signup else { throw PersistenceError.missingRow("subscriber") }
        let ids: [(prefix: String, id: Int)] = [
            ("/admin/media", media.id.rawValue), ("/admin/sections", section.id.rawValue), ("/admin/staff", other.member.id.rawValue),
            ("/admin/newsletter/lists", newsletter.id.rawValue), ("/admin/newsletter/editions", edition.rawValue),
            ("/admin/newsletter/subscribers", subscriber.id.rawValue),
        ]
        _ = author
        @Sendable func path(_ template: String) -> String {
            template.replacingOccurrences(of: ":revision", with: String(revision.rawValue))
                .replacingOccurrences(of: ":token", with: "not-a-token")
                .replacingOccurrences(
                    of: ":id", with: String(ids.first { template.hasPrefix($0.prefix) }?.id ?? article.rawValue))
        }
        /// Article routes with an id act on someone else's article: only editors and owners may.
        @Sendable func expectedAllowed(_ rule: AdminRule, _ role: Role) -> Bool {
            guard case .staff(let permission) = rule.access else { return true }
            if rule.path.contains("/articles/:id") { return role.can(.editAllArticles) }
            return role.can(permission)
        }
        try await app.run(keepData: true) { client in
            for role in Role.allCases {
                let login = try await app.staff(role)
                for rule in rules {
                    guard case .staff = rule.access else { continue }
                    let status = try await client.execute(
                        uri: path(rule.path), method: rule.method, headers: rule.method == .get ? login.headers : login.formHeaders,
                        body: rule.method == .get ? nil : formBody([("_csrf", login.csrf)])
                    ) { $0.status }
                    if expectedAllowed(rule, role) {
                        #expect(status != .forbidden && status.code < 500, "\(role) \(rule.method) \(rule.path) answered \(status.code)")
                    } else {
                        #expect(status == .forbidden, "\(role) \(rule.method) \(rule.path) answered \(status.code), expected 403")
                    }
                }
            }
            // Without a session: pages redirect to sign in, the API answers 401.
            for rule in rules {
                guard case .staff = rule.access else { continue }
                try await client.execute(uri: path(rule.path), method: rule.method, headers: rule.method == .get ? [:] : formHeaders) {
                    response in
                    if rule.path.hasPrefix(AdminRoute.apiPrefix) {
                        #expect(response.status == .unauthorized, "\(rule.path)")
                    } else {
                        #expect(response.status == .seeOther, "\(rule.method) \(rule.path)")
                        #expect(response.headers[.location]?.hasPrefix(AdminRoute.signIn.pattern + "?next=") == true)
                    }
                }
            }
        }
        try await app.cleanUp()
    }

    @Test("Authors edit and publish their own articles only; contributors cannot publish")
    func ownership() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, app in
            let db = try app.db()
            let author = try await app.staff(.author, name: "Aya Author")
            let contributor = try await app.staff(.contributor, name: "Cy Contributor")
            let others = try #require(try await ArticleStore.published(slug: "story-number-1", on: db)?.id)
            let section = try #require(try await SectionStore.find(slug: "news", on: db))
            func fields(_ title: String, status: String, by login: StaffLogin) -> [(String, String)] {
                [
                    ("_csrf", login.csrf), ("title", title), ("body", "Text."), ("status", status),
                    ("section", String(section.id.rawValue)),
                    ("author", String(login.member.authorID?.rawValue ?? 0)), ("kind", "news"),
                ]
            }
            // The author publishes their own article…
            try await client.execute(
                uri: "/admin/articles", method: .post, headers: author.formHeaders,
                body: formBody(fields("Aya's story", status: "published", by: author))
            ) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try await ArticleStore.published(slug: "ayas-story", on: db) != nil)
            // …but cannot open someone else's.
            #expect(
                try await client.execute(uri: "/admin/articles/\(others)/edit", method: .get, headers: author.headers) { $0.status }
                    == .forbidden)
            // The contributor may submit for review but not publish.
            try await client.execute(
                uri: "/admin/articles", method: .post, headers: contributor.formHeaders,
                body: formBody(fields("Cy's story", status: "published", by: contributor))
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Your role cannot set an article to “Published”"))
            }
            try await client.execute(
                uri: "/admin/articles", method: .post, headers: contributor.formHeaders,
                body: formBody(fields("Cy's story", status: "in_review", by: contributor))
            ) { response in
                #expect(response.headers[.location]?.hasSuffix("done=submitted") == true)
            }
            #expect(try await ArticleStore.published(slug: "cys-story", on: db) == nil)
        }
    }
}
