import Domain
import FluentKit
import Foundation
import HummingbirdBcrypt
import Persistence
import Routes
import Views

/// Fills an empty database with a small, believable newsroom: sections, staff, forty articles
/// with images, embeds, syndication and threaded discussions, static pages, a view history, and
/// an owner account whose password is shown once.
enum SampleNewsroom {
    /// Seeds unless the database already has content. Returns what was created, or nil.
    static func seedIfEmpty(services: AppServices) async throws -> FirstRunReport? {
        let db = try services.db()
        guard try await SectionStore.all(on: db).isEmpty, try await StaffStore.count(on: db) == 0 else { return nil }
        let report = try await seed(
            on: db, now: services.time.now(), mediaFolder: MediaFiles.folder(services.config), bcryptCost: 12)
        services.contentChanged()
        return report
    }

    static func seed(on db: any Database, now: Date, mediaFolder: String, bcryptCost: UInt8) async throws -> FirstRunReport {
        let password = randomPassword()
        let passwordHash = Bcrypt.hash(password, cost: bcryptCost)
        let ownerEmail = "owner@riverton-gazette.example"
        let articleCount = try await db.transaction { tx in
            var rng = SeededGenerator(seed: 2026)
            var articleCount = 0
            var settings = SiteSettings()
            settings.title = "The Riverton Gazette"
            settings.tagline = "Independent news from the river valley"
            settings.newsroomLegalName = "Riverton Gazette Community Media"
            settings.newsroomAddress = "14 Mill Street\nRiverton RV1 2AB"
            settings.supportCallout = "Liked it? The Gazette is free to read because readers like you support it."
            settings.supportLinkLabel = "Support us"
            settings.channelTitle = "Join our YouTube channel"
            settings.channelText = "Council meetings, explainers and the Friday river walk, on video every week."
            settings.channelLinks = [
                ExternalLink(label: "Our video channel", url: "https://www.youtube.com/@rivertongazette"),
                ExternalLink(label: "The Valley Podcast", url: "https://soundcloud.com/riverton-gazette"),
            ]
            settings.adSlots = [
                AdSlot(name: "Home banner", placement: .homeTop, html: "", enabled: true),
                AdSlot(name: "Home sidebar", placement: .homeSidebar, html: "", enabled: true),
                AdSlot(name: "Article inline", placement: .articleInline, html: "", enabled: true),
                AdSlot(name: "Article sidebar", placement: .articleSidebar, html: "", enabled: true),
            ]
            try await SettingsStore.save(settings, on: tx)

            var sections: [String: Section] = [:]
            for (position, spec) in SampleStories.sections.enumerated() {
                sections[spec.slug] = try await SectionStore.create(
                    name: spec.name, slug: spec.slug, position: position, description: spec.description, on: tx)
            }
            var authors: [Author] = []
            for spec in SampleStories.authors {
                authors.append(
                    try await AuthorStore.create(
                        name: spec.name, slug: Slug.make(from: spec.name), title: spec.title, bio: spec.bio, on: tx))
            }
            for page in SampleStories.pages {
                try await PageStore.create(
                    slug: page.slug, title: page.title, markdown: page.body,
                    body: BodyRenderer.render(markdown: page.body), now: now, on: tx)
            }

            // Newest first: the first story was published two hours ago, the rest spread over six weeks.
            for (index, story) in SampleStories.stories.enumerated() {
                let published = now.addingTimeInterval(-Double(2 * 3600 + index * 25 * 3600 + Int.random(in: 0...3600, using: &rng)))
                let markdown = SampleText.markdown(for: story, rng: &rng)
                let image = try await MediaLibrary.store(
                    try ImageProcessor.process(SampleImages.jpeg(index: index, section: story.section)),
                    originalName: "\(Slug.make(from: story.title)).jpg",
                    alt: "Illustration: an abstract landscape of hills under a low sun, in the colours of the \(story.section) section",
                    caption: "Illustration: The Riverton Gazette", by: nil, now: now, folder: mediaFolder, on: tx)
                let draft = ArticleDraft(
                    slug: Slug.make(from: story.title), title: story.title, standfirst: story.standfirst,
                    bodyMarkdown: markdown, kind: story.kind, status: .published, sectionID: sections[story.section]?.id,
                    authorIDs: story.authors.map { authors[$0].id }, tagNames: story.tags,
                    featureImage: image.featureImage(path: { SiteURL.media($0).path }, caption: image.caption),
                    syndication: story.syndication, discussionOpen: index % 11 != 10, publishedAt: published)
                let id = try await ArticleStore.create(draft, body: BodyRenderer.render(markdown: markdown), now: published, on: tx)
                try await seedComments(story.comments, article: id, after: published, now: now, rng: &rng, on: tx)
                try await seedViews(article: id, index: index, published: published, now: now, rng: &rng, on: tx)
                articleCount += 1
            }
            try await StaffStore.createAccount(
                email: ownerEmail, name: "Site Owner", passwordHash: passwordHash, role: "owner", authorID: nil, now: now, on: tx)
            return articleCount
        }
        return FirstRunReport(ownerEmail: ownerEmail, ownerPassword: password, articles: articleCount)
    }

    /// A discussion of `count` comments in which about a third are replies, some nested twice.
    static func seedComments(
        _ count: Int, article: Article.ID, after published: Date, now: Date, rng: inout SeededGenerator, on db: any Database
    ) async throws {
        var posted: [(id: Comment.ID, depth: Int)] = []
        let span = max(600, now.timeIntervalSince(published) - 600)
        for index in 0..<count {
            let name = SampleText.commenters.randomElement(using: &rng) ?? "Reader"
            let isReply = !posted.isEmpty && Int.random(in: 0..<3, using: &rng) == 0
            let parent = isReply ? posted.randomElement(using: &rng) : nil
            let text =
                parent == nil
                ? SampleText.commentLines.randomElement(using: &rng) ?? ""
                : SampleText.replyLines.randomElement(using: &rng) ?? ""
            let at = published.addingTimeInterval(span * Double(index + 1) / Double(count + 1))
            let email = Slug.make(from: name) + "@example.org"
            let id = try await CommentStore.create(
                article: article, parent: parent?.id, authorName: name, authorEmail: email, isGuest: true,
                body: CommentText.render(text), status: .approved, networkHash: nil, at: at, on: db)
            posted.append((id, (parent?.depth ?? -1) + 1))
            // Readers' votes, so the bar has a most reacted comment to show.
            if Int.random(in: 0..<3, using: &rng) == 0 {
                for voter in 0..<Int.random(in: 1...4, using: &rng) {
                    _ = try await CommentStore.vote(.up, on: id, by: "sample-\(voter)", at: at, on: db)
                }
                if Int.random(in: 0..<4, using: &rng) == 0 {
                    _ = try await CommentStore.vote(.down, on: id, by: "sample-9", at: at, on: db)
                }
            }
        }
    }

    /// A plausible view history: most views in the first days after publication and a long tail.
    /// Views of the last two days are also spread over hourly buckets, the same views and no
    /// others, so Trending ranks what the dashboard's daily figures show.
    static func seedViews(article: Article.ID, index: Int, published: Date, now: Date, rng: inout SeededGenerator, on db: any Database)
        async throws
    {
        let popularity = Double(Int.random(in: 300...9000, using: &rng))
        let ageDays = max(0, Int(now.timeIntervalSince(published) / 86_400))
        let recent = now.addingTimeInterval(-Double(Trending.windowHours) * 3600)
        for dayOffset in 0...min(ageDays, 29) {
            let start = published.addingTimeInterval(Double(dayOffset) * 86_400)
            let end = min(start.addingTimeInterval(86_400), now)
            let views = Int(popularity * pow(0.55, Double(dayOffset)) * 0.45)
            guard views > 0, end > start else { continue }
            guard end > recent else {
                try await ViewStore.addHistory(article: article, day: VisitorFingerprint.dayKey(start), hour: nil, views: views, on: db)
                continue
            }
            // In chunks of six hours, each with its share of the day's views.
            let length = end.timeIntervalSince(start)
            var chunk = start
            var given = 0
            while chunk < end {
                let next = min(chunk.addingTimeInterval(6 * 3600), end)
                let share = next == end ? views - given : Int(Double(views) * next.timeIntervalSince(chunk) / length)
                given += share
                if share > 0 {
                    try await ViewStore.addHistory(
                        article: article, day: VisitorFingerprint.dayKey(chunk), hour: VisitorFingerprint.hourKey(chunk), views: share,
                        on: db)
                }
                chunk = next
            }
        }
    }

    /// A password for the owner: 20 characters from an alphabet without look-alikes.
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet.randomElement(using: &generator) ?? "x" })
    }
}
