import Domain
import Foundation
import Routes
import Testing
import Views

@Suite("Page snapshots")
struct PageSnapshotTests {
    @Test("Article page")
    func articlePage() throws {
        let comments = [
            PageFixtures.comment(1, parent: nil, name: "Ruth", text: "Good news.", minute: 10),
            PageFixtures.comment(2, parent: 1, name: "Kevin <K>", text: "Agreed!\nAbout time.", minute: 20),
        ]
        var reply = comments[1]
        reply.depth = 1
        reply.threadID = comments[0].id
        var root = comments[0]
        root.upvotes = 3
        root.threadReplies = 1
        let discussion = DiscussionModel(
            article: PageFixtures.article.summary, isOpen: true, page: DiscussionPage(roots: [root], replies: [reply], next: nil),
            bar: DiscussionBar(
                stats: DiscussionStats(comments: 2, threads: 1, replies: 1, followers: 0, authors: 2),
                recentAuthors: [RecentAuthor(name: "Kevin <K>", avatarKey: "key2", commentID: .init(2))], mostReacted: root, hottest: root),
            sort: .newest, settings: PageFixtures.settings, format: PageFixtures.format)
        let model = ArticleShowModel(
            article: PageFixtures.article, discussion: discussion, next: PageFixtures.summary(2, title: "Older story"),
            trending: [TrendingItem(title: "Most read", href: .article(slug: "most-read"))],
            chrome: PageFixtures.chrome, settings: PageFixtures.settings, format: PageFixtures.format)
        let html = ArticleShowView.render(model).rendered
        try assertSnapshot(html, named: "article")

        // What a reader must see, whatever the snapshot says.
        #expect(html.contains("Council approves “riverside” bike lanes &lt;for real&gt;"))
        #expect(html.contains("Published on <time datetime=\"2026-11-24T06:00:00Z\">24 November 2026, 06:00 GMT</time>"))
        #expect(html.contains("Updated <time datetime=\"2026-11-24T08:00:00Z\">24 November 2026, 08:00 GMT</time>"))
        #expect(html.contains("6,982 Views"))
        #expect(html.contains("Authored by Ana Ruiz and Tom O&#39;Neil via <a href=\"https://valley-review.example/bike-lanes\""))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://valley-review.example/bike-lanes\">"))
        #expect(html.contains("\"@type\":\"AnalysisNewsArticle\""))
        #expect(html.contains("Leave a Reply"))
        #expect(html.contains("Kevin &lt;K&gt;"))
        // The discussion bar: counts, recent authors, and the comments worth jumping to.
        #expect(html.contains("<strong>1</strong> Comment thread</li><li><strong>1</strong> Thread reply</li>"))
        #expect(html.contains("<strong>2</strong> Comment authors"))
        #expect(html.contains("Most reacted comment</span> <a href=\"#comment-1\"><strong>Ruth</strong>: Good news.</a>"))
        #expect(html.contains("Hottest comment thread</span> <a href=\"#comment-1\">"))
        #expect(html.contains("<span class=\"vote__score\" aria-label=\"Score\">3</span>"))
        // The reply sits inside its thread.
        #expect(html.range(of: "id=\"comment-1\"")!.lowerBound < html.range(of: "<ol class=\"comment-replies\">")!.lowerBound)
        #expect(html.contains("<p class=\"ad__label\">Advertisement</p>"))
        #expect(html.contains("Continue Reading"))
        // The sidebar beside the article has every widget, in order.
        let aside = try #require(html.components(separatedBy: "<aside class=\"article-layout__aside sidebar\"").dropFirst().first)
        let order = [
            "id=\"trending-heading\">Trending", "id=\"newsletter-heading\">Newsletter", "Donate a quick 10 spot!",
            "id=\"channel-heading\">Join our YouTube channel</h2>", "data-slot=\"Beside articles\"",
        ]
        let positions = order.compactMap { aside.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted(), "sidebar widgets in order")
        #expect(aside.contains("<p>Council meetings &lt;live&gt;, every week.</p>"))
        #expect(aside.contains("<a class=\"channel__link\" href=\"https://video.example.org\" rel=\"noopener\">Our video channel</a>"))
    }

    @Test("Home page")
    func homePage() throws {
        let card = { (id: Int, title: String) in ArticleCardModel(PageFixtures.summary(id, title: title), format: PageFixtures.format) }
        let model = HomeIndexModel(
            chrome: PageFixtures.chrome, lead: card(1, "Lead story"), latest: [card(2, "Second"), card(3, "Third")],
            sections: [SectionBlockModel(title: "News", href: "/section/news/", cards: [card(4, "Fourth"), card(5, "Fifth")])],
            sidebar: SidebarModel(
                trending: [TrendingItem(title: "Most read", href: .article(slug: "most-read"))], newsletter: true,
                quickDonate: QuickDonateModel(amount: 10, currencies: ["USD", "EUR"]),
                channel: ChannelCalloutModel(
                    title: "Listen to our podcast", text: "", links: [LinkModel(label: "Podcast", href: "https://podcast.example.org")]),
                ads: []),
            topAds: [AdModel(name: "Banner", snippet: "<p>Ad</p>")])
        let html = HomeIndexView.render(model).rendered
        try assertSnapshot(html, named: "home")
        #expect(html.contains("<h2 class=\"widget__title\" id=\"trending-heading\">Trending</h2>"))
        #expect(html.contains("Donate a quick 10 spot!"))
        #expect(html.contains("id=\"channel-heading\">Listen to our podcast</h2>"))
    }

    @Test("Search results page")
    func searchPage() throws {
        let model = ListingIndexModel(
            chrome: PageFixtures.chrome, kind: .search(query: "bike <lanes>", resultCount: 13), heading: "Search",
            canonicalURL: "https://news.example.org/search?q=bike",
            cards: [ArticleCardModel(PageFixtures.summary(1, title: "Bikes"), format: PageFixtures.format)],
            pager: PagerModel(current: 2, total: 3, previous: .site(.search(query: "bike")), next: .site(.search(query: "bike", page: 3))),
            sidebar: SidebarModel(trending: [], newsletter: false, quickDonate: nil, channel: nil, ads: []))
        let html = ListingIndexView.render(model).rendered
        try assertSnapshot(html, named: "search")
        #expect(html.contains("13 results for “<mark>bike &lt;lanes&gt;</mark>”"))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(html.contains("Page 2 of 3"))
    }

    @Test("Not-found page")
    func errorPage() throws {
        let html = ErrorPageView.render(
            ErrorPageModel(
                chrome: PageFixtures.chrome, status: 404, title: "Page not found", message: "There is no page here.")
        ).rendered
        try assertSnapshot(html, named: "not-found")
        #expect(html.contains("<nav class=\"site-nav\""))
        #expect(html.contains("<p class=\"error-page__status\">Error 404</p>"))
        #expect(html.contains("<h1 id=\"error-title\">Page not found</h1>"))
        #expect(html.contains("<p>There is no page here.</p>"))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(html.contains("<title>Page not found — The Riverton Gazette</title>"))
    }

    @Test("An error page prints what it is told as text")
    func errorPageEscapes() {
        let html = ErrorPageView.render(
            ErrorPageModel(chrome: PageFixtures.chrome, status: 400, title: "Bad <b>", message: "No <script>x</script> here")
        ).rendered
        #expect(html.contains("Error 400"))
        #expect(html.contains("<h1 id=\"error-title\">Bad &lt;b&gt;</h1>"))
        #expect(html.contains("No &lt;script&gt;x&lt;/script&gt; here"))
        #expect(!html.contains("<script>x"))
    }
}
