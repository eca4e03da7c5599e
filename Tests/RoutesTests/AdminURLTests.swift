import Domain
import Routes
import Testing

@Suite("The back office's address map")
struct AdminURLTests {
    /// One address for each route; the switch is exhaustive, so a new route needs a sample here.
    static func sample(_ route: AdminRoute) -> AdminURL {
        let article = Article.ID(7)
        switch route {
        case .signIn: return .signIn(next: "/admin/articles?status=draft")
        case .signInVerify: return .signInVerify(next: "/admin/comments")
        case .signOut: return .signOut
        case .passwordForgot: return .passwordForgot
        case .passwordReset: return .passwordReset(token: "abc_DEF-123")
        case .invitation: return .invitation(token: "tok/en with space")
        case .dashboard: return .dashboard
        case .account: return .account
        case .accountProfile: return .accountProfile
        case .accountPassword: return .accountPassword
        case .accountTwoFactor: return .accountTwoFactor
        case .accountTwoFactorConfirm: return .accountTwoFactorConfirm
        case .accountTwoFactorDisable: return .accountTwoFactorDisable
        case .accountRecoveryCodes: return .accountRecoveryCodes
        case .articles:
            return .articles(.init(status: .draft, section: Section.ID(2), author: Author.ID(3), search: "bike & lanes", page: 2))
        case .articleNew: return .articleNew
        case .article: return .article(article)
        case .articleEdit: return .articleEdit(article)
        case .articleRevisions: return .articleRevisions(article)
        case .articleRevision: return .articleRevision(article, Revision.ID(9))
        case .articleRevisionRestore: return .articleRevisionRestore(article, Revision.ID(9))
        case .preview: return .preview
        case .autosaveNew: return .autosave(nil)
        case .autosave: return .autosave(article)
        case .mediaPicker: return .mediaPicker(.init(search: "bridge at dawn", page: 2))
        case .media: return .media(page: 3)
        case .mediaItem: return .mediaItem(MediaItem.ID(4))
        case .mediaDelete: return .mediaDelete(MediaItem.ID(4))
        case .comments: return .comments(.init(status: .spam, page: 2))
        case .commenter: return .commenter(.init(email: "ruth@example.org", page: 2))
        case .commentBans: return .commentBans
        case .commentBanLift: return .commentBanLift(3)
        case .comment: return .comment(.init(7))
        case .commentReply: return .commentReply(.init(7))
        case .settings: return .settings
        case .sections: return .sections
        case .section: return .section(Section.ID(5))
        case .sectionMove: return .sectionMove(Section.ID(5))
        case .sectionDelete: return .sectionDelete(Section.ID(5))
        case .newsletter: return .newsletter
        case .newsletterNew: return .newsletterNew
        case .newsletters: return .newsletterItem(nil)
        case .newsletterItem: return .newsletterItem(Newsletter.ID(6))
        case .newsletterDelete: return .newsletterDelete(Newsletter.ID(6))
        case .subscribers: return .subscribers(.init(search: "a+b@example.org", status: .suppressed, newsletter: Newsletter.ID(6), page: 4))
        case .subscribersCSV: return .subscribersCSV(.init(status: .confirmed))
        case .subscribersImport: return .subscribersImport
        case .subscriberDelete: return .subscriberDelete(Subscriber.ID(8))
        case .subscriberUnsuppress: return .subscriberUnsuppress(Subscriber.ID(8))
        case .donations:
            return .donations(
                .init(
                    provider: .paypal, status: .partiallyRefunded, currency: "eur", recurring: true, from: "2026-01-01", to: "2026-11-30",
                    search: "ann & co", page: 2))
        case .donationsCSV: return .donationsCSV(.init(recurring: false))
        case .donation: return .donation(Donation.ID(12))
        case .editionNew: return .editionNew(newsletter: Newsletter.ID(6))
        case .editions: return .edition(nil)
        case .edition: return .edition(Edition.ID(10))
        case .editionPreview: return .editionPreview(Edition.ID(10))
        case .editionProgress: return .editionProgress(Edition.ID(10))
        case .editionLog: return .editionLog(Edition.ID(10), .init(status: .failed, page: 2))
        case .editionTest: return .editionTest(Edition.ID(10))
        case .editionSchedule: return .editionSchedule(Edition.ID(10))
        case .editionSend: return .editionSend(Edition.ID(10))
        case .editionPause: return .editionPause(Edition.ID(10))
        case .editionResume: return .editionResume(Edition.ID(10))
        case .editionDelete: return .editionDelete(Edition.ID(10))
        case .staff: return .staff
        case .staffInvitations: return .staffInvitations
        case .staffRole: return .staffRole(StaffMember.ID(11))
        case .staffDeactivate: return .staffDeactivate(StaffMember.ID(11))
        case .staffReactivate: return .staffReactivate(StaffMember.ID(11))
        }
    }

    /// Whether `path` (without its query) is one the router would match to `pattern`.
    static func matches(_ path: String, _ pattern: String) -> Bool {
        let segments = path.prefix { $0 != "?" }.split(separator: "/", omittingEmptySubsequences: false)
        let expected = pattern.split(separator: "/", omittingEmptySubsequences: false)
        return segments.count == expected.count
            && zip(segments, expected).allSatisfy { segment, part in
                part.hasPrefix(":") ? !segment.isEmpty && !segment.contains("/") : segment == part
            }
    }

    @Test("Each address fills in its own route's pattern and no other", arguments: AdminRoute.allCases)
    func addressMatchesItsRoute(_ route: AdminRoute) {
        let url = Self.sample(route)
        #expect(url.route == route)
        #expect(Self.matches(url.path, route.pattern), "\(url.path) does not match \(route.pattern)")
        let others = AdminRoute.allCases.filter { $0 != route && Self.matches(url.path, $0.pattern) }
        // `/admin/articles/new` also fits `/admin/articles/:id`; the router prefers the constant segment.
        #expect(others.allSatisfy { !$0.pattern.contains(":") || route.parameterCount == 0 }, "\(url.path) also fits \(others)")
    }

    @Test("Ids and tokens are percent-encoded into one segment")
    func segmentsAreEncoded() {
        #expect(AdminURL.invitation(token: "tok/en with space").path == "/admin/invitations/tok%2Fen%20with%20space")
        #expect(AdminURL.articleRevision(Article.ID(7), Revision.ID(9)).path == "/admin/articles/7/revisions/9")
    }

    @Test("A list's filters survive the trip through its address")
    func listQueriesRoundTrip() throws {
        let articles = ArticleListQuery(status: .draft, section: Section.ID(2), author: Author.ID(3), search: "bike & lanes/ü", page: 2)
        #expect(try ArticleListQuery(Self.query(of: .articles(articles))) == articles)
        let comments = CommentQueueQuery(status: .spam, page: 3)
        #expect(try CommentQueueQuery(Self.query(of: .comments(comments))) == comments)
        let subscribers = SubscriberListQuery(search: "a+b@example.org", status: .suppressed, newsletter: Newsletter.ID(6), page: 4)
        #expect(try SubscriberListQuery(Self.query(of: .subscribers(subscribers))) == subscribers)
        let picker = MediaPickerQuery(search: "bridge & river", page: 3)
        #expect(try MediaPickerQuery(Self.query(of: .mediaPicker(picker))) == picker)
        let donations = DonationListQuery(
            provider: .stripe, status: .refunded, currency: "EUR", recurring: false, from: "2026-01-01", to: "2026-12-31",
            search: "ann & co/ü", page: 3)
        #expect(try DonationListQuery(Self.query(of: .donations(donations))) == donations)
        let log = EditionLogQuery(status: .failed, page: 2)
        #expect(try EditionLogQuery(Self.query(of: .editionLog(Edition.ID(1), log))) == log)
        // Defaults leave the address bare.
        #expect(AdminURL.articles().path == "/admin/articles")
        #expect(AdminURL.media().path == "/admin/media")
    }

    @Test("A page number that is not one is refused, not guessed")
    func badPageRefused() {
        #expect(throws: DomainError.self) { try ArticleListQuery(QueryString("page=-1")) }
        #expect(throws: DomainError.self) { try CommentQueueQuery(QueryString("page=abc")) }
        #expect(throws: DomainError.self) { try DonationListQuery(QueryString("from=yesterday")) }
    }

    @Test("A notice is added to the query, whether or not it has one")
    func notices() {
        #expect(AdminURL.staff.path(notice: .invited) == "/admin/staff?done=invited")
        #expect(AdminURL.comments(.init(status: .spam)).path(notice: .moderated).hasSuffix("&done=moderated"))
    }

    static func query(of url: AdminURL) -> QueryString {
        QueryString(url.path.split(separator: "?", maxSplits: 1).dropFirst().first ?? "")
    }
}

@Suite("Where signing in leads")
struct AfterSignInTests {
    @Test(
        "Back-office paths are followed",
        arguments: ["/admin", "/admin/articles", "/admin/articles?status=draft&page=2", "/admin?done=x", "/admin/articles/12/edit"])
    func followed(_ next: String) {
        #expect(AdminURL.afterSignIn(next) == next)
    }

    @Test(
        "Anything else leads to the dashboard",
        arguments: [
            nil, "", "/", "//evil.example/admin", "/\\evil.example", "https://evil.example/admin", "/admin.evil.example",
            "/administrator", "/admin/\\evil.example", "/admin/../login", "/admin/%2e%2E/x", "/admin/./x", "/admin/x\r\nSet-Cookie: a=b",
            "/admin/x y", "/admin/\u{7F}", "admin", "/ADMIN", "/admin/" + String(repeating: "a", count: 600),
        ] as [String?])
    func refused(_ next: String?) {
        #expect(AdminURL.afterSignIn(next) == AdminURL.dashboard.path)
    }
}
