import Domain
import Foundation
import Views

/// Fixed content for page snapshots: no database, no clock.
enum PageFixtures {
    static let published = Date(timeIntervalSince1970: 1_795_500_000)
    static let format = DisplayFormat(timeZoneIdentifier: "Europe/London")

    static let chrome = SiteChrome(
        siteTitle: "The Riverton Gazette", tagline: "Independent news from the river valley", language: "en",
        siteURL: "https://news.example.org",
        navigation: [LinkModel(label: "News", href: "/section/news/"), LinkModel(label: "Analysis", href: "/section/analysis/")],
        footerLinks: [LinkModel(label: "About", href: "/about/")],
        assets: AssetPaths(stylesheet: "/assets/site.0.css", script: "/assets/site.0.js", icon: "/assets/icon.0.svg"),
        year: 2026)

    static let news = Section(id: .init(1), name: "News", slug: "news", position: 0, description: "Today in town.")
    static let ana = Author(id: .init(1), name: "Ana Ruiz", slug: "ana-ruiz", title: "City hall reporter", bio: "Ana covers the council.")
    static let tom = Author(id: .init(2), name: "Tom O'Neil", slug: "tom-oneil", title: "", bio: "")

    static func summary(_ id: Int, title: String, kind: ArticleKind = .news) -> ArticleSummary {
        ArticleSummary(
            id: .init(id), slug: "story-\(id)", title: title, standfirst: "What happened, in one sentence.", kind: kind,
            section: news, authors: [ana, tom], publishedAt: published,
            featureImage: FeatureImage(
                path: "/media/\(id).svg", alt: "A bridge over the river", caption: "The bridge at dawn. Photo: Ana Ruiz"),
            viewCount: 6982, wordCount: 900)
    }

    static var settings: SiteSettings {
        var settings = SiteSettings()
        settings.adSlots = [
            AdSlot(name: "Inline", placement: .articleInline, html: "", enabled: true),
            AdSlot(name: "Beside articles", placement: .articleSidebar, html: "<p>Sidebar ad</p>", enabled: true),
        ]
        settings.channelTitle = "Join our YouTube channel"
        settings.channelText = "Council meetings <live>, every week."
        settings.channelLinks = [ExternalLink(label: "Our video channel", url: "https://video.example.org")]
        return settings
    }

    static func comment(_ id: Int, parent: Int?, name: String, text: String, minute: Int) -> Domain.Comment {
        Domain.Comment(
            id: .init(id), articleID: .init(1), parentID: parent.map { .init($0) }, authorName: name, isGuest: id % 2 == 0,
            bodyHTML: CommentText.html(text), createdAt: published.addingTimeInterval(Double(minute * 60)), status: .approved,
            avatarKey: "key\(id)")
    }

    static var article: Article {
        Article(
            summary: summary(1, title: "Council approves “riverside” bike lanes <for real>", kind: .analysis),
            bodyHTML: BodyRenderer.render(
                markdown: "The vote was close.\n\nhttps://youtu.be/aqz-KE-bpKQ\n\n## Next\n\nWork starts in April."
            ).html,
            tags: [Tag(id: .init(1), name: "Transport", slug: "transport")], status: .published,
            updatedAt: published.addingTimeInterval(7200),
            syndication: Syndication(outlet: "Valley Review", originalURL: "https://valley-review.example/bike-lanes"),
            discussionOpen: true)
    }
}
