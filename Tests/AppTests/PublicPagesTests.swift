import Domain
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import Routes
import TestSupport
import Testing

@Suite("Public pages")
struct PublicPagesTests {
    let start = TestClock.start

    @Test("The home page shows the lead story, Latest, section blocks, Trending and the widgets")
    func home() async throws {
        try await withApp(fixtures: { app in
            let db = try app.db()
            let (_, author) = try await Fixtures.newsroom(articles: 9, on: db)
            let culture = try await Fixtures.section("Culture", position: 1, on: db)
            let concert = try await Fixtures.article(
                "Harbour concert", section: culture, authors: [author], publishedAt: start.addingTimeInterval(-86_400 * 3), on: db)
            try await ViewStore.addHistory(article: concert, day: "2026-11-24", hour: 498_755, views: 40, on: db)
            var settings = SiteSettings()
            settings.adSlots = [AdSlot(name: "Banner", placement: .homeTop, html: "", enabled: true)]
            try await SettingsStore.save(settings, on: db)
        }) { client, _ in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<section class=\"home__lead\""))
                #expect(html.contains("Story number 9"))  // the newest is the lead
                #expect(html.contains("id=\"latest-heading\">Latest</h2>"))
                #expect(html.contains("<a href=\"/section/culture/\">Culture</a></h2>"))
                #expect(html.contains("id=\"trending-heading\">Trending</h2>"))
                #expect(html.contains("<li><a href=\"/harbour-concert/\">Harbour concert</a></li>"))
                #expect(html.contains("<form class=\"newsletter__form\" action=\"/newsletter\" method=\"post\">"))
                #expect(html.contains("Donate a quick 10 spot!"))
                #expect(html.contains("<p class=\"ad__label\">Advertisement</p>"))
            }
        }
    }

    @Test("An article page shows every element a reader expects")
    func article() async throws {
        try await withApp(fixtures: { app in
            let db = try app.db()
            let section = try await Fixtures.section("Analysis", on: db)
            let ana = try await Fixtures.author("Ana Ruiz", on: db)
            let tom = try await Fixtures.author("Tom Ng", on: db)
            try await Fixtures.article(
                "An older analysis", section: section, authors: [ana], publishedAt: start.addingTimeInterval(-86_400), on: db)
            let id = try await Fixtures.article(
                "Why rents rose", body: "Rents rose.\n\nhttps://youtu.be/aqz-KE-bpKQ\n\nThe end.", standfirst: "A decade of data.",
                section: section, authors: [tom, ana], tags: ["Housing"], kind: .analysis, publishedAt: start.addingTimeInterval(-3600),
                syndication: Syndication(outlet: "Valley Review", originalURL: "https://valley.example/rents"), on: db)
            try await ViewStore.addHistory(article: id, day: "2026-11-24", hour: nil, views: 6982, on: db)
            let first = try await Fixtures.comment(on: id, by: "Ruth", text: "Good piece.", at: start, on: db)
            try await Fixtures.comment(on: id, by: "Kevin", text: "Agreed.", parent: first, at: start.addingTimeInterval(60), on: db)
            try await Fixtures.comment(on: id, by: "Spammer", text: "Buy now", status: .pending, at: start, on: db)
        }) { client, _ in
            try await client.execute(uri: "/why-rents-rose/", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<p class=\"article__kicker\"><a href=\"/section/analysis/\">Analysis</a></p>"))
                #expect(html.contains("<h1 class=\"article__title\">Why rents rose</h1>"))
                #expect(html.contains("<p class=\"article__standfirst\">A decade of data.</p>"))
                #expect(
                    html.contains(
                        "By <a rel=\"author\" href=\"/author/tom-ng/\">Tom Ng</a> and <a rel=\"author\" href=\"/author/ana-ruiz/\">Ana Ruiz</a>"
                    ))
                #expect(html.contains("Published on <time datetime=\"2026-11-24T11:00:00Z\">24 November 2026, 11:00 GMT</time>"))
                #expect(html.contains("6,982 Views"))
                #expect(html.contains("min read"))
                #expect(html.contains("class=\"embed embed--youtube\""))
                #expect(html.contains("Authored by Tom Ng and Ana Ruiz via <a href=\"https://valley.example/rents\""))
                #expect(html.contains("<link rel=\"canonical\" href=\"https://valley.example/rents\">"))
                #expect(html.contains("<section class=\"author-bio\" aria-label=\"About Ana Ruiz\">"))
                #expect(html.contains("class=\"support-callout\""))
                #expect(html.contains("<a href=\"/tag/housing/\" rel=\"tag\">Housing</a>"))
                #expect(html.contains("https://x.com/intent/post?url=https%3A%2F%2Fnews.example.org%2Fwhy-rents-rose%2F"))
                #expect(html.contains("2 Comments"))
                #expect(html.contains("<ol class=\"comment-replies\">"))
                #expect(!html.contains("Buy now"))
                #expect(html.contains("Leave a Reply"))
                #expect(html.contains("<a href=\"/an-older-analysis/\" rel=\"next\">"))
                #expect(html.contains("data-article-id="))
            }
        }
    }

    @Test("Static pages live at their slug; unknown addresses get a not-found page in the site's design")
    func staticAndMissing() async throws {
        try await withApp(fixtures: { app in
            try await PageStore.create(
                slug: "about", title: "About us", markdown: "We are **independent**.",
                body: .init(html: "<p>We are <strong>independent</strong>.</p>", text: "We are independent.", wordCount: 3),
                now: start, on: try app.db())
            _ = try await Fixtures.section(on: try app.db())
        }) { client, _ in
            try await client.execute(uri: "/about/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>About us</h1>"))
            }
            try await client.execute(uri: "/no-such-story/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("Page not found"))
                #expect(response.text.contains("<nav class=\"site-nav\""))
                #expect(response.text.contains("<a href=\"/section/news/\">News</a>"))
            }
            try await client.execute(uri: "/no/such/path", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("Page not found"))
            }
        }
    }

    @Test("An address without its trailing slash redirects permanently, keeping the query, only when the slashed one exists")
    func trailingSlash() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, _ in
            for (path, target) in [
                ("/section/news?page=1", "/section/news/?page=1"), ("/story-number-1", "/story-number-1/"),
                ("/author/ana-ruiz", "/author/ana-ruiz/"),
            ] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .movedPermanently, "\(path)")
                    #expect(response.headers[.location] == target)
                }
                #expect(try await client.execute(uri: target, method: .get) { $0.status } == .ok, "\(target)")
            }
            for path in ["/feed", "/robots.txt", "/sitemap.xml", "/login", "/anything", "/section/nothing", "/tag/none", "/author/nobody"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path) answered \(response.status.code)")
                    #expect(response.headers[.location] == nil)
                    #expect(response.text.contains("Page not found"))
                }
            }
        }
    }

    @Test("Section, author and tag listings paginate and refuse pages that do not exist")
    func listings() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 15, on: try app.db()) }) { client, _ in
            try await client.execute(uri: "/section/news/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.components(separatedBy: "<article class=\"card").count - 1 == 12)
                #expect(response.text.contains("Page 1 of 2"))
                #expect(response.text.contains("<a class=\"pager__next\" href=\"/section/news/?page=2\" rel=\"next\">"))
            }
            try await client.execute(uri: "/section/news/?page=2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Story number 1<"))
                #expect(response.text.contains("<link rel=\"prev\" href=\"https://news.example.org/section/news/\">"))
            }
            try await client.execute(uri: "/section/news/?page=3", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/section/news/?page=two", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("The page number must be a whole number of 1 or more."))
            }
            try await client.execute(uri: "/author/ana-ruiz/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Ana Ruiz reports on the town."))
            }
            try await client.execute(uri: "/tag/nothing-here/", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("Search ranks results, echoes the query safely and pages through them")
    func search() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 14, on: try app.db()) }) { client, _ in
            try await client.execute(uri: "/search?q=story", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("14 results for “<mark>story</mark>”"))
                #expect(response.text.contains("href=\"/search?q=story&amp;page=2\""))
            }
            try await client.execute(uri: "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E+number+12", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; number 12"))
                #expect(!response.text.contains("<script>alert(1)"))
            }
            try await client.execute(uri: "/search?q=story&page=5", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/search", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Type a few words to search every article."))
            }
        }
    }

    @Test("API errors are problem+json; HEAD requests work")
    func apiErrorsAndHead() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, _ in
            try await client.execute(uri: "/api/v1/unknown", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.text.contains("\"status\":404"))
            }
            try await client.execute(uri: "/", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test(
        "HEAD carries the headers GET would, its length included, over real HTTP: cached, uncached, compressed and not found",
        arguments: [true, false])
    func headHasLength(pageCache: Bool) async throws {
        try await withApp(.live, pageCache: pageCache, fixtures: { app in _ = try await Fixtures.newsroom(articles: 3, on: try app.db()) })
        {
            client, _ in
            for path in [
                SiteURL.home.path, SiteURL.home.path, SiteURL.article(slug: "story-number-1").path, SiteURL.search(query: "story").path,
                "/no-such-page/",
            ] {
                for encoding in ["identity", "gzip"] {
                    let get = try await client.execute(uri: path, method: .get, headers: [.acceptEncoding: encoding]) { response in
                        (response.status, response.headers[.contentLength], response.headers[.contentEncoding], response.body.readableBytes)
                    }
                    #expect(get.1 == String(get.3), "GET \(path) \(encoding) states its length")
                    try await client.execute(uri: path, method: .head, headers: [.acceptEncoding: encoding]) { response in
                        #expect(response.status == get.0)
                        #expect(response.body.readableBytes == 0)
                        #expect(response.headers[.contentLength] == get.1, "HEAD \(path) \(encoding)")
                        #expect(response.headers[.contentEncoding] == get.2)
                    }
                }
            }
        }
    }
}
