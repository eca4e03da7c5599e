import App
import Domain
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

/// Sixty hostile payloads posted as comment text and as the commenter's name come out as text
/// everywhere they are shown: the article page, the discussion API's HTML, the moderation queue.
@Suite("Discussion: hostile comments")
struct DiscussionXSSTests {
    /// The elements and attributes a comment's region may have: ours (avatar, header, time) and
    /// the comment allow-list. Anything else came from a reader.
    static let elements: Set<String> = [
        "article", "header", "svg", "rect", "text", "span", "a", "time", "div", "p", "strong", "em", "code", "pre", "blockquote", "ul",
        "ol", "li", "br", "details", "summary", "circle",
    ]
    static let attributes: Set<String> = [
        "class", "id", "aria-label", "href", "rel", "datetime", "width", "height", "viewbox", "aria-hidden", "focusable", "rx", "fill",
        "x", "y", "cx", "cy", "r", "text-anchor", "font-size", "font-family", "font-weight", "title",
    ]

    /// Checks every real tag (escaped text is not a tag) of every comment region.
    static func check(_ html: String, where place: String) {
        let tag = try! Regex("<([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
        let attribute = try! Regex("([^\\s=/]+)(?:=\"([^\"]*)\")?")
        for region in commentRegions(html) {
            for match in region.matches(of: tag) {
                let name = String(match.output[1].substring ?? "").lowercased()
                #expect(elements.contains(name), "\(place): element <\(name)> in \(region.prefix(200))")
                for pair in String(match.output[2].substring ?? "").matches(of: attribute) {
                    let key = String(pair.output[1].substring ?? "").lowercased()
                    let value = String(pair.output[2].substring ?? "")
                    #expect(attributes.contains(key), "\(place): attribute \(key) on <\(name)>")
                    if key == "href" {
                        let safe = ["https://", "http://", "/", "#", "mailto:"].contains { value.lowercased().hasPrefix($0) }
                        #expect(safe, "\(place): href \(value)")
                    }
                }
                if name == "svg" {
                    #expect(match.output[2].substring?.contains("class=\"avatar avatar--h") == true, "\(place): a reader's svg")
                }
            }
        }
    }

    /// Every comment's own region of a page: from its article element to the end of its body.
    static func commentRegions(_ html: String) -> [String] {
        html.components(separatedBy: "<article class=\"comment\"").dropFirst().map { part in
            String(part.components(separatedBy: "<footer class=\"comment__actions\">").first ?? part)
        }
    }

    @Test("The check itself catches a live element, a handler and a script link")
    func checkerCatches() {
        for bad in ["<img src=x>", "<p onclick=\"x\">a</p>", "<a href=\"javascript:alert(1)\">a</a>", "<svg onload=\"x\"></svg>"] {
            withKnownIssue { Self.check("<article class=\"comment\">\(bad)<footer class=\"comment__actions\">", where: "sample") }
        }
        Self.check("<article class=\"comment\"><p>&lt;img src=x onerror=alert(1)&gt;</p><footer class=\"comment__actions\">", where: "text")
    }

    @Test("No payload becomes markup on the page, in the API or in the moderation queue")
    func corpus() async throws {
        #expect(CommentPayloads.all.count >= 50)
        try await withApp(fixtures: { app in
            let db = try app.db()
            _ = try await Fixtures.newsroom(articles: 1, on: db)
            var settings = try await SettingsStore.load(on: db)
            settings.premoderateComments = false
            settings.holdFirstComment = false
            settings.commentMaximumLinks = 100
            try await SettingsStore.save(settings, on: db)
        }) { client, app in
            let names = CommentPayloads.names
            for (index, payload) in CommentPayloads.all.enumerated() {
                app.time.advance(by: 125)
                let name = names[index % names.count]
                try await client.execute(
                    uri: "/api/v1/articles/story-number-1/comments", method: .post, headers: DiscussionAPITests.json,
                    body: DiscussionAPITests.body(["name": name, "email": "x\(index)@example.org", "body": payload])
                ) { response in
                    #expect(response.status == .created, "payload \(index): \(response.status)")
                }
            }
            // Whatever a rule held is approved, so every payload is shown.
            let held = try await CommentRecord.query(on: try app.db()).filter(\.$status != "approved").all().compactMap(\.id)
            try await CommentStore.setStatus(held.map(Domain.Comment.ID.init), to: .approved, on: try app.db())
            app.services.contentChanged()

            var pages: [String] = []
            var next: String? = "/story-number-1/comments?sort=oldest"
            while let uri = next {
                let html = try await client.execute(uri: uri, method: .get) { $0.text }
                pages.append(html)
                next = html.components(separatedBy: "rel=\"next\" data-more href=\"").dropFirst().first?.components(separatedBy: "\"")
                    .first?
                    .replacingOccurrences(of: "&amp;", with: "&")
            }
            let shown = pages.map { Self.commentRegions($0).count }.reduce(0, +)
            #expect(shown == CommentPayloads.all.count)
            for page in pages { Self.check(page, where: "discussion page") }
            // Payload text is there, as text.
            #expect(pages.joined().contains("&lt;script&gt;alert(&#39;xss1&#39;)&lt;/script&gt;"))

            Self.check(try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }, where: "article page")
            let api = try await client.execute(uri: "/api/v1/articles/story-number-1/comments", method: .get) {
                DiscussionAPITests.object($0)["html"] as? String ?? ""
            }
            Self.check(api, where: "API")

            let moderator = try await app.staff(.moderator)
            for page in 1...2 {
                let queue = try await client.execute(
                    uri: "/admin/comments?status=approved&page=\(page)", method: .get, headers: moderator.headers
                ) { $0.text }
                // Each queued comment's body, as the moderator reads it.
                let bodies = queue.components(separatedBy: "<div class=\"prose queue__body\">").dropFirst().map {
                    "<article class=\"comment\">" + ($0.components(separatedBy: "<p class=\"queue__links\">").first ?? "")
                        + "<footer class=\"comment__actions\">"
                }
                #expect(!bodies.isEmpty)
                Self.check(bodies.joined(), where: "queue")
                #expect(!queue.contains("<strong><script"))
            }
        }
    }
}
