import Domain
import Foundation
import Routes
import Testing
import Views

/// The back office's pages from fixed models: each is stored as a snapshot (so any change to the
/// markup is looked at) and checked for what staff would notice: the page's heading, its links
/// and forms going where the map says, errors next to their fields, and text printed as text.
@Suite("Back-office page snapshots")
struct AdminPageSnapshotTests {
    static func chrome(active: AdminURL = .dashboard, notice: String? = nil) -> AdminChrome {
        let items: [(String, AdminURL, Int?)] = [
            ("Dashboard", .dashboard, nil), ("Articles", .articles(), nil), ("Media", .media(), nil), ("Comments", .comments(), 3),
            ("Newsletter", .newsletter, nil), ("Settings", .settings, nil), ("Staff", .staff, nil),
        ]
        return AdminChrome(
            siteTitle: "The Riverton <Gazette>", stylesheet: "/assets/admin.0.css", script: "/assets/admin.0.js",
            icon: "/assets/icon.0.svg",
            staffLine: "Ana Ruiz · Editor", csrfToken: "csrf-token-1",
            navigation: items.map { AdminNavItem(label: $0.0, href: $0.1, isActive: $0.1 == active, badge: $0.2) }, notice: notice)
    }

    static func on(_ query: ArticleListQuery, page: Int) -> ArticleListQuery {
        var query = query
        query.page = page
        return query
    }

    /// Every form on the page posts its anti-forgery token.
    static func expectForgeryTokens(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let forms = html.components(separatedBy: "<form").count - 1
        let postForms = html.components(separatedBy: "method=\"post\"").count - 1
        let tokens = html.components(separatedBy: "name=\"_csrf\" value=\"csrf-token-1\"").count - 1
        #expect(forms > 0 && tokens == postForms, "\(postForms) post forms, \(tokens) tokens", sourceLocation: sourceLocation)
    }

    @Test("Sign-in page with a failed attempt")
    func signIn() throws {
        var chrome = Self.chrome()
        chrome.staffLine = nil
        chrome.navigation = []
        let html = SignInView.render(
            SignInPageModel(
                chrome: chrome,
                kind: .signIn(email: "ana@example.org\"><script>", next: "/admin/comments", error: "Wrong email or password."))
        ).rendered
        try assertSnapshot(html, named: "admin-sign-in")
        #expect(html.contains("action=\"/admin/sign-in\""))
        #expect(html.contains("Wrong email or password."))
        #expect(html.contains("value=\"ana@example.org&quot;&gt;&lt;script&gt;\""))
        #expect(html.contains("name=\"next\" value=\"/admin/comments\""))
        #expect(!html.contains("Sign out"))
        Self.expectForgeryTokens(html)
    }

    @Test("Dashboard")
    func dashboard() throws {
        let days = (0..<14).map { ChartDay(label: "Day \($0 + 1)", shortLabel: "\($0 + 1)", views: $0 * 37) }
        let html = DashboardView.render(
            DashboardModel(
                chrome: Self.chrome(), days: days,
                topToday: [RankedArticle(title: "Bridge <reopens>", href: .article(slug: "bridge-reopens"), views: "1,204")],
                topWeek: [], commentsToday: 12, commentsPending: 3, newSubscribers: 5, donationsTotal: "$120.00", showsModeration: true)
        ).rendered
        try assertSnapshot(html, named: "admin-dashboard")
        #expect(html.contains("<a href=\"/admin\" aria-current=\"page\">Dashboard</a>"))
        #expect(html.contains("href=\"/bridge-reopens/\">Bridge &lt;reopens&gt;</a>"))
        #expect(html.contains("Comments <span class=\"badge\">3</span>"))
        #expect(html.contains("Views, last 14 days") && html.contains("Daily views over the last 14 days"))
        #expect(html.contains("<title>Day 14: 481 views</title>"))
        #expect(html.contains("The Riverton &lt;Gazette&gt;"))
    }

    @Test("Article list, filtered, on its second page")
    func articleList() throws {
        let query = ArticleListQuery(status: .draft, section: Section.ID(2), search: "bridge", page: 2)
        let rows = [
            ArticleListModel.Row(
                id: Article.ID(7), title: "Bridge <reopens>", editable: true, publicURL: nil, status: .draft, section: "News",
                authors: "Ana Ruiz", date: "1 Dec 2026", views: "0"),
            ArticleListModel.Row(
                id: Article.ID(8), title: "Someone else's", editable: false, publicURL: .article(slug: "someone-elses"), status: .published,
                section: "News", authors: "Tom O'Neil", date: "30 Nov 2026", views: "5,001"),
        ]
        let html = ArticleListView.render(
            ArticleListModel(
                chrome: Self.chrome(active: .articles()), rows: rows, query: query,
                statusOptions: ArticleStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) },
                sectionOptions: [SelectOption(value: "1", label: "Analysis"), SelectOption(value: "2", label: "News")],
                authorOptions: [SelectOption(value: "1", label: "Ana Ruiz")], total: 22,
                pager: PagerModel(
                    current: 2, total: 3, previous: .admin(.articles(Self.on(query, page: 1))),
                    next: .admin(.articles(Self.on(query, page: 3)))))
        ).rendered
        try assertSnapshot(html, named: "admin-articles")
        #expect(html.contains("href=\"/admin/articles/7/edit\">Bridge &lt;reopens&gt;</a>"))
        #expect(!html.contains("/admin/articles/8/edit"), "an article the role cannot edit is not linked to the editor")
        #expect(html.contains("<option value=\"draft\" selected>"))
        #expect(html.contains("<option value=\"2\" selected>News</option>"))
        #expect(html.contains("href=\"/admin/articles?status=draft&amp;section=2&amp;q=bridge&amp;page=3\""))
    }

    @Test("Article editor with errors, next to their fields and in a summary")
    func editor() throws {
        var form = ArticleForm(newBy: Author.ID(1))
        form.title = ""
        form.body = "Draft <b>body</b>"
        form.section = "2"
        form.image = "5"
        let errors = FormErrors<ArticleForm.Field>([(.title, "Give the article a title."), (.section, "Choose a section.")])
        let html = ArticleEditorView.render(
            ArticleEditorModel(
                chrome: Self.chrome(active: .articles()), articleID: nil, form: form, errors: errors, conflict: nil,
                statusOptions: [SelectOption(value: "draft", label: "Draft"), SelectOption(value: "in_review", label: "In review")],
                sectionOptions: [SelectOption(value: "2", label: "News")],
                authorOptions: [SelectOption(value: "1", label: "Ana Ruiz"), SelectOption(value: "2", label: "Tom <O'Neil>")],
                featureImage: .init(id: "5", label: "The bridge <at dawn>", thumbnail: "/media/ab-480.webp"),
                previewHTML: "<p>Draft <b>body</b></p>", previewStylesheet: "/assets/site.0.css", previewLink: nil,
                publicLink: nil, autosaveNote: nil, lastSaved: nil)
        ).rendered
        try assertSnapshot(html, named: "admin-editor")
        #expect(html.contains("action=\"/admin/articles\""))
        #expect(html.contains("Draft &lt;b&gt;body&lt;/b&gt;</textarea>"))
        let summary = try #require(html.range(of: "href=\"#f-title\"")).lowerBound
        let second = try #require(html.range(of: "href=\"#f-section\"")).lowerBound
        #expect(summary < second, "the summary lists the errors in the order they were found")
        #expect(html.contains("aria-invalid=\"true\""))
        #expect(html.contains("Give the article a title."))
        // The byline: a labelled select per author, and one to add another.
        #expect(html.contains("<label for=\"f-author-0\">First author</label>"))
        #expect(html.contains("<option value=\"1\" selected>Ana Ruiz</option>"))
        #expect(html.contains("<label for=\"f-author-add\">Add an author</label>"))
        #expect(html.contains("Tom &lt;O&#39;Neil&gt;"))
        // The image picker shows the chosen image and offers the library through the map.
        #expect(html.contains("data-picker=\"/admin/api/media\""))
        #expect(html.contains("<span data-image-label>The bridge &lt;at dawn&gt;</span>"))
        #expect(html.contains("name=\"image\" type=\"text\" value=\"5\""))
        Self.expectForgeryTokens(html)
    }

    @Test("Comment queue with bulk actions")
    func commentQueue() throws {
        let html = CommentQueueView.render(
            CommentQueueModel(
                chrome: Self.chrome(active: .comments()), queue: .pending,
                tabs: [
                    .init(status: .pending, label: "Pending", count: 1), .init(status: .approved, label: "Approved", count: 40),
                    .init(status: .spam, label: "Spam", count: 2), .init(status: .trash, label: "Trash", count: 0),
                ],
                items: [
                    .init(
                        id: Comment.ID(3), authorName: "Reader <x>", authorEmail: "reader@example.org", network: "192.0.2.0/24",
                        date: "1 Dec 2026, 09:12", body: .trusted(CommentText.html("First!")), articleTitle: "Bridge reopens",
                        articleURL: .article(slug: "bridge-reopens"))
                ], actions: [.approve, .spam, .trash], pager: PagerModel(current: 1, total: 1, previous: nil, next: nil))
        ).rendered
        try assertSnapshot(html, named: "admin-comments")
        #expect(html.contains("Reader &lt;x&gt;"))
        #expect(html.contains("action=\"/admin/comments?status=pending\"") || html.contains("action=\"/admin/comments\""))
        #expect(html.contains("value=\"3\""))
        #expect(html.contains(">Approve<") && html.contains(">Mark as spam<") && html.contains(">Move to trash<"))
        #expect(!html.contains("Delete for good"))
        Self.expectForgeryTokens(html)
    }

    @Test("Settings with a mistake keep what was typed")
    func settings() throws {
        var form = SettingsForm(SiteSettings())
        form.title = ""
        form.donationMinimum = "ten"
        let html = SettingsView.render(
            SettingsPageModel(
                chrome: Self.chrome(active: .settings), form: form, errors: form.validate(),
                timeZoneOptions: [SelectOption(value: "UTC", label: "UTC"), SelectOption(value: "Europe/London", label: "Europe/London")],
                logoOptions: [SelectOption(value: "", label: "No logo")])
        ).rendered
        try assertSnapshot(html, named: "admin-settings")
        #expect(html.contains("The site needs a title."))
        #expect(html.contains("The smallest amount must be a whole number from 1."))
        #expect(html.contains("value=\"ten\""))
        #expect(html.contains("action=\"/admin/settings\""))
        Self.expectForgeryTokens(html)
    }

    @Test("Staff page with an invitation outstanding")
    func staff() throws {
        let html = StaffView.render(
            StaffPageModel(
                chrome: Self.chrome(active: .staff, notice: "Invitation sent."),
                rows: [
                    .init(
                        id: StaffMember.ID(1), name: "Ana Ruiz", email: "ana@example.org", role: .owner, active: true, isSelf: true,
                        twoFactor: true),
                    .init(
                        id: StaffMember.ID(2), name: "Tom O'Neil", email: "tom@example.org", role: .author, active: false, isSelf: false,
                        twoFactor: false),
                ], invitations: [.init(email: "new@example.org", role: "Contributor", expires: "7 Dec 2026")], invite: InvitationForm(),
                errors: FormErrors())
        ).rendered
        try assertSnapshot(html, named: "admin-staff")
        #expect(html.contains("Invitation sent."))
        #expect(html.contains("action=\"/admin/staff/2/reactivate\""))
        #expect(!html.contains("action=\"/admin/staff/1/deactivate\""), "nobody is offered to deactivate themselves")
        #expect(html.contains("action=\"/admin/staff/invitations\""))
        #expect(html.contains("new@example.org"))
        Self.expectForgeryTokens(html)
    }

    @Test("An edition being sent shows its progress and the way to pause it")
    func edition() throws {
        let html = EditionView.render(
            EditionPageModel(
                chrome: Self.chrome(active: .newsletter), id: Edition.ID(4), newsletterID: Newsletter.ID(1),
                newsletterName: "The Daily Briefing",
                audience: 1200, form: EditionForm(subject: "Budget night", markdown: "Hello **readers**."), kind: "Written",
                status: .sending,
                scheduledAt: "", scheduledLabel: nil, progress: EditionProgress(sent: 700, failed: 3, remaining: 497, cancelled: 0),
                errors: FormErrors(), scheduleError: nil, staffEmail: "ana@example.org")
        ).rendered
        try assertSnapshot(html, named: "admin-edition")
        #expect(html.contains("action=\"/admin/newsletter/editions/4/pause\""))
        #expect(html.contains("700") && html.contains("497"))
        #expect(html.contains("href=\"/admin/newsletter/editions/4/log\""))
        Self.expectForgeryTokens(html)
    }

    @Test("Subscribers, searched and filtered")
    func subscribers() throws {
        let query = SubscriberListQuery(search: "a+b", status: .suppressed)
        let html = SubscribersView.list(
            SubscriberListModel(
                chrome: Self.chrome(active: .newsletter),
                rows: [
                    .init(
                        id: Subscriber.ID(9), email: "a+b@example.org", name: "Zoë <Z>", status: "Subscribed", statusKey: "confirmed",
                        newsletters: "The Daily Briefing", consent: "Signup box on the home page", since: "1 Nov 2026", isSuppressed: true)
                ], total: 1, query: query,
                statusOptions: SubscriberListQuery.Status.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) },
                newsletters: [SelectOption(value: "1", label: "The Daily Briefing")],
                pager: PagerModel(current: 1, total: 1, previous: nil, next: nil),
                importError: nil)
        ).rendered
        try assertSnapshot(html, named: "admin-subscribers")
        #expect(html.contains("Zoë &lt;Z&gt;"))
        #expect(html.contains("status--confirmed\">Subscribed</span> <span class=\"status status--failed\">Suppressed</span>"))
        #expect(html.contains("action=\"/admin/newsletter/subscribers/9/unsuppress\""))
        #expect(html.contains("href=\"/admin/newsletter/subscribers.csv?q=a%2Bb&amp;status=suppressed\""))
        Self.expectForgeryTokens(html)
    }

    @Test("Account page with two-step verification on")
    func account() throws {
        let html = AccountView.render(
            AccountPageModel(
                chrome: Self.chrome(), email: "ana@example.org",
                profile: ProfileForm(name: "Ana <Ruiz>", bio: "Covers the council.", avatar: ""),
                profileErrors: FormErrors(), avatarOptions: [SelectOption(value: "", label: "Initials")],
                passwordErrors: FormErrors([(.confirmation, "The two passwords differ.")]), twoFactor: true, recoveryLeft: 3,
                disableError: nil)
        ).rendered
        try assertSnapshot(html, named: "admin-account")
        #expect(html.contains("value=\"Ana &lt;Ruiz&gt;\""))
        #expect(html.contains("The two passwords differ."))
        #expect(html.contains("action=\"/admin/account/two-factor/disable\""))
        #expect(html.contains("action=\"/admin/account/recovery-codes\""))
        Self.expectForgeryTokens(html)
    }

    @Test("Media library")
    func mediaLibrary() throws {
        let html = MediaView.library(
            MediaLibraryModel(
                chrome: Self.chrome(active: .media()),
                tiles: [
                    .init(id: MediaItem.ID(5), thumbnail: .media("cd-480.webp"), alt: "The bridge <at dawn>", details: "1600 × 900 · WebP"),
                    .init(id: MediaItem.ID(6), thumbnail: .media("gh-480.webp"), alt: "", details: "800 × 600 · JPEG"),
                ], pager: PagerModel(current: 1, total: 2, previous: nil, next: .admin(.media(page: 2))),
                error: "That file is not an image.")
        ).rendered
        try assertSnapshot(html, named: "admin-media")
        #expect(html.contains("href=\"/admin/media/5\""))
        #expect(html.contains("The bridge &lt;at dawn&gt;"))
        #expect(html.contains("That file is not an image."))
        #expect(html.contains("enctype=\"multipart/form-data\""))
        #expect(html.contains("href=\"/admin/media?page=2\""))
        Self.expectForgeryTokens(html)
    }

    @Test("Newsletter overview")
    func newsletterOverview() throws {
        let html = NewsletterView.overview(
            NewsletterOverviewModel(
                chrome: Self.chrome(active: .newsletter),
                counts: [.init(status: .confirmed, count: 1200), .init(status: .pending, count: 14)],
                newsletters: [
                    .init(
                        id: Newsletter.ID(1), name: "The Daily <Briefing>", schedule: "Every day at 07:00", audience: 1200, isDefault: true)
                ],
                editions: [
                    EditionRowModel(
                        id: Edition.ID(4), subject: "Budget night", newsletter: "The Daily Briefing", status: .sent, date: "1 Dec 2026",
                        sent: 1197,
                        failed: 3, remaining: 0)
                ])
        ).rendered
        try assertSnapshot(html, named: "admin-newsletter")
        #expect(html.contains("The Daily &lt;Briefing&gt;"))
        #expect(html.contains("href=\"/admin/newsletter/lists/1\""))
        #expect(html.contains("href=\"/admin/newsletter/editions/4\""))
        #expect(html.contains("href=\"/admin/newsletter/subscribers?status=confirmed\""))
    }

    @Test("Comparing a revision with the current article")
    func revisionCompare() throws {
        let revision = RevisionRowModel(
            article: Article.ID(7), id: Revision.ID(3), version: 2, savedAt: "1 Dec 2026, 09:00", savedBy: "Ana Ruiz", kind: "Saved",
            title: "Bridge reopens")
        let html = RevisionsView.compare(
            Self.chrome(active: .articles()), articleTitle: "Bridge <reopens>", revision: revision,
            changes: [FieldChange(field: "Title", before: "Bridge <closed>", after: "Bridge <reopens>")],
            bodyDiff: TextDiff.lines(from: "Intro.\nOld line.", to: "Intro.\nNew <line>.")
        ).rendered
        try assertSnapshot(html, named: "admin-revision-compare")
        #expect(html.contains("<del>Bridge &lt;closed&gt;</del>"))
        #expect(html.contains("New &lt;line&gt;."))
        #expect(html.contains("action=\"/admin/articles/7/revisions/3/restore\""))
        #expect(html.contains("href=\"/admin/articles/7/edit\""))
        Self.expectForgeryTokens(html)
    }

    @Test("Sections, with a name that is already taken")
    func sections() throws {
        let html = SettingsView.sections(
            SectionsPageModel(
                chrome: Self.chrome(active: .settings),
                rows: [.init(id: Section.ID(1), name: "News & <Views>", slug: "news", description: "", inNavigation: true, articles: 12)],
                newName: "News", errors: FormErrors([(.name, "There is already a section with this address.")]))
        ).rendered
        try assertSnapshot(html, named: "admin-sections")
        #expect(html.contains("News &amp; &lt;Views&gt;"))
        #expect(html.contains("There is already a section with this address."))
        #expect(html.contains("action=\"/admin/sections/1\""))
        #expect(html.contains("action=\"/admin/sections\""))
        Self.expectForgeryTokens(html)
    }

    @Test("A back-office error page says what happened and what to do")
    func errorPage() throws {
        let html = SignInView.error(
            AdminErrorModel(chrome: Self.chrome(), status: 403, title: "Not allowed", message: "Your role does not allow this.")
        ).rendered
        try assertSnapshot(html, named: "admin-error")
        #expect(html.contains("Not allowed") && html.contains("Your role does not allow this."))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
    }
}
