import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import Routes
import TestSupport
import Testing

@testable import App

@Suite("Settings, sections, moderation and the dashboard")
struct SettingsAndModerationTests {
    @Test("Settings apply at once to the public site; bad values are shown with the form as typed")
    func settings() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, app in
            let owner = try await app.staff(.owner)
            _ = try await client.execute(uri: "/", method: .get) { $0.status }  // cached with the old title
            let form = try await client.execute(uri: "/admin/settings", method: .get, headers: owner.headers) { $0.text }
            // What the browser would send, with the changes a person makes.
            let changed: Set<String> = [
                "_csrf", "title", "time_zone", "comment_levels", "premoderate", "show_newsletter", "show_quick_donate", "ad_name_0",
                "ad_placement_0", "ad_enabled_0", "donation_presets", "donation_min", "donation_max", "currencies", "quick_donate_amount",
            ]
            var fields = submittedFields(of: form, formAction: AdminURL.settings.path).filter { !changed.contains($0.0) }
            fields =
                fields + [
                    ("_csrf", owner.csrf), ("title", "The Valley Times"), ("time_zone", "Europe/Berlin"),
                    ("comment_levels", "3"), ("premoderate", "on"), ("show_newsletter", "on"), ("show_quick_donate", "on"),
                    ("ad_name_0", "Top banner"),
                    ("ad_placement_0", "home-top"), ("ad_enabled_0", "on"), ("donation_presets", "5, 10"), ("donation_min", "5"),
                    ("donation_max", "100"),
                    ("currencies", "eur, usd"), ("quick_donate_amount", "7"),
                ]
            let bad =
                fields.filter { !$0.0.hasPrefix("channel_") }.map { $0.0 == "time_zone" ? ($0.0, "Mars/Olympus") : $0 } + [
                    ("channel_url_0", "javascript:alert(1)"), ("channel_label_0", "Evil"),
                ]
            try await client.execute(uri: "/admin/settings", method: .post, headers: owner.formHeaders, body: formBody(bad)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Choose a time zone from the list."))
                #expect(response.text.contains("Give each link a label and an address starting with https://."))
                #expect(response.text.contains("value=\"The Valley Times\""))
            }
            try await client.execute(uri: "/admin/settings", method: .post, headers: owner.formHeaders, body: formBody(fields)) {
                response in
                #expect(
                    response.headers[.location] == "/admin/settings?done=saved",
                    "\(response.status) \(response.text.components(separatedBy: "form-errors").dropFirst().first?.prefix(600) ?? "")")
            }
            let home = try await client.execute(uri: "/", method: .get) { $0.text }
            #expect(home.contains("<title>The Valley Times — "))
            #expect(home.contains("data-slot=\"Top banner\""))
            #expect(home.contains("Donate a quick 7 spot!"))
            let settings = try await SettingsStore.load(on: try app.db())
            #expect(settings.donationCurrencies == ["EUR", "USD"] && settings.commentLevels == 3 && settings.timeZone == "Europe/Berlin")
        }
    }

    @Test(
        "Saving the settings form as it was shown changes nothing, from the defaults and from a customised site",
        arguments: [false, true])
    func savedUnchanged(customised: Bool) async throws {
        try await withApp(fixtures: { app in
            let db = try app.db()
            if customised {
                var settings = try await SettingsStore.load(on: db)
                settings.title = "The Valley <Times> & Co"
                settings.tagline = "News \"from\" the valley"
                settings.language = "de"
                settings.timeZone = "America/Argentina/Buenos_Aires"
                settings.showNewsletterBox = false
                settings.showQuickDonate = false
                settings.quickDonateAmount = 7
                settings.channelLinks = [ExternalLink(label: "Video", url: "https://video.example.org/c?a=1&b=2")]
                settings.supportCallout = "Line one\nline <two>"
                settings.supportLinkLabel = "Give"
                settings.supportLinkURL = "/donate/"
                settings.adSlots = [
                    AdSlot(name: "Top", placement: .homeTop, html: "<div class=\"ad\">\n  Buy & sell\n</div>", enabled: false),
                    AdSlot(name: "Side", placement: .articleSidebar, html: "", enabled: true),
                ]
                settings.commentLevels = 3
                settings.premoderateComments = false
                settings.holdFirstComment = false
                settings.commentMaximumLinks = 0
                settings.commentBlockWords = "casino\nbuy now"
                settings.commentHoldWords = "Ärger, refund"
                settings.commentExcerptWords = 40
                settings.commentEditMinutes = 0
                settings.commentCloseAfterDays = 30
                settings.commentFlagsToHold = 5
                settings.donationPresets = [3, 9]
                settings.donationMinimum = 2
                settings.donationMaximum = 900
                settings.donationCurrencies = ["EUR", "GBP"]
                settings.donationProviders = [.paypal]
                settings.quickDonateText = "Chip in {amount}"
                settings.newsroomAddress = "1 Mill Street\nRiverton"
                settings.mailSenderName = "Valley Desk"
                settings.mailSenderAddress = "desk@example.org"
                settings.mailReplyTo = "letters@example.org"
                try await SettingsStore.save(settings, on: db)
            }
        }) { client, app in
            let db = try app.db()
            let before = try await SettingsStore.load(on: db)
            let owner = try await app.staff(.owner)
            let page = try await client.execute(uri: AdminURL.settings.path, method: .get, headers: owner.headers) { $0.text }
            let fields = submittedFields(of: page, formAction: AdminURL.settings.path)
            #expect(fields.contains { $0.0 == SettingsForm.Field.timeZone.name && $0.1 == before.timeZone })
            try await client.execute(uri: AdminURL.settings.path, method: .post, headers: owner.formHeaders, body: formBody(fields)) {
                response in
                #expect(response.status == .seeOther, "\(response.text.prefix(2000))")
            }
            #expect(try await SettingsStore.load(on: db) == before)
        }
    }

    @Test("Sections are created, reordered and hidden from the navigation")
    func sections() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, app in
            let owner = try await app.staff(.owner)
            try await client.execute(
                uri: "/admin/sections", method: .post, headers: owner.formHeaders,
                body: formBody([("_csrf", owner.csrf), ("name", "Sport")])
            ) { #expect($0.status == .seeOther) }
            let sport = try #require(try await SectionStore.find(slug: "sport", on: try app.db()))
            try await client.execute(
                uri: "/admin/sections/\(sport.id)/move", method: .post, headers: owner.formHeaders,
                body: formBody([("_csrf", owner.csrf), ("direction", "up")])
            ) { _ in }
            #expect(try await SectionStore.all(on: try app.db()).map(\.slug) == ["sport", "news"])
            let nav = try await client.execute(uri: "/", method: .get) { $0.text }
            #expect(
                nav.range(of: "/section/sport/")?.lowerBound ?? nav.endIndex < nav.range(of: "/section/news/")?.lowerBound ?? nav.startIndex
            )
            try await client.execute(
                uri: "/admin/sections/\(sport.id)", method: .post, headers: owner.formHeaders,
                body: formBody([("_csrf", owner.csrf), ("name-\(sport.id)", "Sports")])
            ) { _ in }
            #expect(!(try await client.execute(uri: "/", method: .get) { $0.text }.contains("<li><a href=\"/section/sport/\">")))
        }
    }

    @Test("Approving a held comment shows it on the article at once")
    func moderation() async throws {
        try await withApp(fixtures: { app in
            let db = try app.db()
            _ = try await Fixtures.newsroom(articles: 1, on: db)
            let article = try #require(try await ArticleStore.published(slug: "story-number-1", on: db))
            try await Fixtures.comment(
                on: article.id, by: "Held Reader", text: "Waiting here.", status: .pending, at: TestClock.start, on: db)
        }) { client, app in
            let moderator = try await app.staff(.moderator)
            #expect(!(try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }.contains("Waiting here.")))
            let queue = try await client.execute(uri: "/admin/comments", method: .get, headers: moderator.headers) { $0.text }
            #expect(queue.contains("Held Reader"))
            let id = try #require(
                try await CommentStore.queue(.pending, page: .init(number: 1, size: 5), on: try app.db()).items.first?.comment.id)
            try await client.execute(
                uri: "/admin/comments?status=pending", method: .post, headers: moderator.formHeaders,
                body: formBody([("_csrf", moderator.csrf), ("id", String(id.rawValue)), ("action", "approve")])
            ) { response in
                #expect(response.headers[.location] == "/admin/comments?status=pending&done=moderated")
            }
            #expect(try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }.contains("Waiting here."))
        }
    }

    @Test("The dashboard charts 30 days of views and shows zero, not invented figures, for what is not built")
    func dashboard() async throws {
        try await withApp(fixtures: { app in
            let db = try app.db()
            _ = try await Fixtures.newsroom(articles: 1, on: db)
            let id = try #require(try await ArticleStore.published(slug: "story-number-1", on: db)?.id)
            try await ViewStore.addHistory(article: id, day: "2026-11-24", hour: nil, views: 1234, on: db)
            try await ViewStore.addHistory(article: id, day: "2026-11-20", hour: nil, views: 66, on: db)
        }) { client, app in
            let editor = try await app.staff(.editor)
            let html = try await client.execute(uri: "/admin", method: .get, headers: editor.headers) { $0.text }
            #expect(html.contains("<svg viewBox=\"0 0 720 220\" role=\"img\""))
            #expect(html.contains("<title>24 November 2026: 1,234 views</title>"))
            #expect(html.contains("Views, last 30 days <span class=\"panel__figure\">1,300</span>"))
            #expect(html.contains("Story number 1</a> <span>1,234 views</span>"))
            #expect(html.contains("<dt>New newsletter subscribers this week</dt><dd>0</dd>"))
            #expect(html.contains("<dt>Donations this month</dt><dd>$0.00</dd>"))
        }
    }

    @Test("The command line creates accounts and resets passwords")
    func commandLine() async throws {
        let app = try await TestApp.make()
        var config = app.services.config
        config.bcryptCost = 4
        let created = try await StaffCommands.create(email: "Chief@Example.org", name: "Chief", role: .owner, config: config)
        #expect(created.email == "chief@example.org" && created.password.count == 20)
        await #expect(throws: DomainError.self) {
            _ = try await StaffCommands.create(email: "chief@example.org", name: nil, role: .editor, config: config)
        }
        let reset = try await StaffCommands.resetPassword(email: "chief@example.org", config: config)
        #expect(reset.password != created.password)
        let account = try #require(try await StaffStore.account(email: "chief@example.org", on: try app.db()))
        #expect(try await app.services.passwords.verify(reset.password, hash: account.passwordHash))
        try await app.cleanUp()
    }
}
