import App
import Domain
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Persistence
import Routes
import TestSupport
import Testing

/// The discussion through its JSON API, as the page's script and other clients use it.
@Suite("Discussion API")
struct DiscussionAPITests {
    static let json: HTTPFields = [.contentType: "application/json", .accept: "application/json"]
    static let api = "/api/v1/articles/story-number-1/comments"

    /// One article; post-moderation with the first-comment hold off unless `open` is false.
    static func newsroom(_ app: TestApp, open: Bool = true) async throws {
        let db = try app.db()
        let (section, author) = try await Fixtures.newsroom(articles: 1, on: db)
        try await Fixtures.article("Other story", section: section, authors: [author], publishedAt: TestClock.start, on: db)
        if open {
            var settings = try await SettingsStore.load(on: db)
            settings.premoderateComments = false
            settings.holdFirstComment = false
            try await SettingsStore.save(settings, on: db)
        }
    }

    static func body(_ fields: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: fields))
    }

    static func object(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
    }

    static func post(_ client: any TestClientProtocol, _ fields: [String: Any], to uri: String = api) async throws -> (
        HTTPResponse.Status, [String: Any]
    ) {
        try await client.execute(uri: uri, method: .post, headers: json, body: body(fields)) { ($0.status, object($0)) }
    }

    static var ruth: [String: Any] { ["name": "Ruth", "email": "ruth@example.org", "body": "Well **argued**."] }

    @Test("A comment posted through the API appears at once; only that article's page is rendered again")
    func postAndRead() async throws {
        try await withApp(fixtures: { try await Self.newsroom($0) }) { client, app in
            _ = try await client.execute(uri: "/", method: .get) { $0.status }
            _ = try await client.execute(uri: "/story-number-1/", method: .get) { $0.status }
            #expect(app.services.cache.contains(.home) && app.services.cache.contains(.article(slug: "story-number-1")))

            let (status, created) = try await Self.post(client, Self.ruth)
            #expect(status == .created)
            #expect(created["status"] as? String == "approved")
            #expect((created["html"] as? String)?.contains("<p>Well <strong>argued</strong>.</p>") == true)
            #expect((created["editToken"] as? String)?.count ?? 0 > 20)
            #expect(created["permalink"] as? String == "/story-number-1/#comment-1")
            // The article's page is rendered again; the home page stays in memory.
            #expect(app.services.cache.contains(.home))
            #expect(!app.services.cache.contains(.article(slug: "story-number-1")))

            let list = try await client.execute(uri: Self.api, method: .get) { Self.object($0) }
            #expect((list["stats"] as? [String: Int])?["comments"] == 1)
            let threads = try #require(list["threads"] as? [[String: Any]])
            #expect(threads.first?["author"] as? String == "Ruth")
            #expect(threads.first?["guest"] as? Bool == true)
            let page = try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }
            #expect(page.contains("1 Comment"))
            #expect(page.contains("<strong>1</strong> Comment author"))

            // A reply sits in the thread, and the thread counts it.
            let (replied, reply) = try await Self.post(
                client, ["name": "Kevin", "email": "kevin@example.org", "body": "Agreed.", "parent": 1])
            #expect(replied == .created)
            #expect(reply["status"] as? String == "approved")
            let after = try await client.execute(uri: Self.api, method: .get) { Self.object($0) }
            let replies = try #require((after["threads"] as? [[String: Any]])?.first?["replies"] as? [[String: Any]])
            #expect(replies.map { $0["author"] as? String } == ["Kevin"])
            #expect((after["stats"] as? [String: Int])?["replies"] == 1)
        }
    }

    @Test("Every hold says why, to the commenter and to the moderator")
    func holdReasons() async throws {
        try await withApp(fixtures: { app in
            try await Self.newsroom(app, open: false)
            var settings = try await SettingsStore.load(on: try app.db())
            settings.commentBlockWords = "casino"
            settings.commentHoldWords = "refund"
            try await SettingsStore.save(settings, on: try app.db())
        }) { client, app in
            var (_, answer) = try await Self.post(client, Self.ruth)
            #expect(answer["status"] as? String == "pending")
            #expect(answer["reason"] as? String == "Comments are reviewed before they appear.")

            var settings = try await SettingsStore.load(on: try app.db())
            settings.premoderateComments = false
            try await SettingsStore.save(settings, on: try app.db())
            app.services.contentChanged()
            (_, answer) = try await Self.post(client, ["name": "New", "email": "new@example.org", "body": "Hello there."])
            #expect(answer["reason"] as? String == "First comment from this address.")

            settings.holdFirstComment = false
            try await SettingsStore.save(settings, on: try app.db())
            app.services.contentChanged()
            (_, answer) = try await Self.post(
                client, ["name": "L", "email": "l@example.org", "body": "See https://a.example, https://b.example and https://c.example"])
            #expect(answer["reason"] as? String == "Contains 3 links (more than 2).")
            app.time.advance(by: 61)
            (_, answer) = try await Self.post(client, ["name": "W", "email": "w@example.org", "body": "I want a REFUND now"])
            #expect(answer["reason"] as? String == "Contains “refund”, a word that is reviewed first.")
            (_, answer) = try await Self.post(client, ["name": "S", "email": "s@example.org", "body": "Best Casino in town"])
            #expect(answer["status"] as? String == "spam")

            let moderator = try await app.staff(.moderator)
            let queue = try await client.execute(uri: "/admin/comments", method: .get, headers: moderator.headers) { $0.text }
            #expect(queue.contains("<strong>Held:</strong> First comment from this address."))
            #expect(queue.contains("<strong>Held:</strong> Contains 3 links (more than 2)."))
            let spam = try await client.execute(uri: "/admin/comments?status=spam", method: .get, headers: moderator.headers) { $0.text }
            #expect(spam.contains("Contains “casino”, a blocked word."))
        }
    }

    @Test("An article may moderate differently from the site; discussions close by themselves after N days")
    func perArticleAndAutoClose() async throws {
        try await withApp(fixtures: { app in
            try await Self.newsroom(app)
            let record = try #require(try await ArticleRecord.query(on: try app.db()).filter(\.$slug == "story-number-1").first())
            record.commentMode = ModerationPolicy.Mode.pre.rawValue
            try await record.update(on: try app.db())
        }) { client, app in
            let (_, held) = try await Self.post(client, Self.ruth)
            #expect(held["status"] as? String == "pending")
            #expect(
                try await Self.post(client, Self.ruth, to: "/api/v1/articles/other-story/comments").1["status"] as? String == "approved")
            let editor = try await app.staff(.editor)
            let id = try #require(try await ArticleRecord.query(on: try app.db()).filter(\.$slug == "story-number-1").first()?.id)
            let page = try await client.execute(uri: "/admin/articles/\(id)/edit", method: .get, headers: editor.headers) { $0.text }
            #expect(page.contains("<option value=\"pre\" selected>Every comment waits for a moderator (pre-moderation)</option>"))

            var settings = try await SettingsStore.load(on: try app.db())
            settings.commentCloseAfterDays = 3
            try await SettingsStore.save(settings, on: try app.db())
            app.services.contentChanged()
            app.time.advance(by: 4 * 86_400)
            let (status, problem) = try await Self.post(client, ["name": "Late", "email": "late@example.org", "body": "Too late?"])
            #expect(status == .forbidden)
            #expect((problem["errors"] as? [String: String])?["body"]?.contains("Comments close 3 days after publication") == true)
            let article = try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }
            #expect(article.contains("Comments close 3 days after publication; this discussion is closed."))
            #expect(!article.contains("data-comment-form"))
        }
    }

    @Test(
        "Bad input gets a clear problem, never a 500",
        arguments: [
            ("GET", "?sort=sideways", "", "sort", 400),
            ("GET", "?after=abc", "", "after", 400),
            ("GET", "?after=99999", "", "after", 400),
            ("POST", "", #"{"name":"","email":"x","body":""}"#, "body", 422),
            ("POST", "", #"{"name":"A","email":"a@example.org","body":"Hi","parent":"x"}"#, "parent", 422),
            ("POST", "", #"{"name":"A","email":"a@example.org","body":"Hi","parent":2}"#, "parent", 422),
            ("POST", "", #"{"name": 5"#, "body", 400),
            ("VOTE", "", #"{"value":7}"#, "value", 400),
            ("FLAG", "", #"{"reason":"boredom"}"#, "reason", 400),
        ])
    func badInput(_ method: String, _ query: String, _ body: String, _ field: String, _ status: Int) async throws {
        try await withApp(fixtures: { app in
            try await Self.newsroom(app)
            let other = try #require(try await ArticleStore.published(slug: "other-story", on: try app.db()))
            let here = try #require(try await ArticleStore.published(slug: "story-number-1", on: try app.db()))
            try await Fixtures.comment(on: here.id, text: "On this article", at: TestClock.start, on: try app.db())
            try await Fixtures.comment(on: other.id, text: "On another article", at: TestClock.start, on: try app.db())
        }) { client, _ in
            let uri =
                switch method {
                case "VOTE": "/api/v1/comments/1/vote"
                case "FLAG": "/api/v1/comments/1/flag"
                default: Self.api + query
                }
            try await client.execute(
                uri: uri, method: method == "GET" ? .get : .post, headers: Self.json, body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status.code == status)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = Self.object(response)
                #expect(problem["field"] as? String == field || (problem["errors"] as? [String: String])?[field] != nil)
                #expect((problem["detail"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test("A huge body or bytes that are not UTF-8 are refused plainly")
    func hugeAndBroken() async throws {
        try await withApp(fixtures: { try await Self.newsroom($0) }) { client, app in
            let huge = String(repeating: "a", count: 1_000_000)
            try await client.execute(
                uri: Self.api, method: .post, headers: Self.json, body: Self.body(["name": "A", "email": "a@example.org", "body": huge])
            ) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(
                uri: Self.api, method: .post, headers: Self.json,
                body: ByteBuffer(bytes: Array(#"{"body":""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8))
            ) { response in
                #expect(response.status == .badRequest)
                #expect(Self.object(response)["detail"] as? String == "The request is not valid UTF-8 text.")
            }
            // Too long for a comment but within the request limit: told how long it is, nothing stored.
            let (status, problem) = try await Self.post(
                client, ["name": "A", "email": "a@example.org", "body": String(repeating: "word ", count: 1200)])
            #expect(status == .unprocessableContent)
            #expect((problem["errors"] as? [String: String])?["body"]?.contains("under 5000 characters") == true)
            #expect(try await CommentRecord.query(on: try app.db()).count() == 0)
        }
    }

    @Test("Five comments a minute and thirty an hour per network; the one over is told to wait and kept")
    func rateLimit() async throws {
        try await withApp(fixtures: { try await Self.newsroom($0) }) { client, app in
            for index in 0..<5 {
                let (status, _) = try await Self.post(client, ["name": "R", "email": "r@example.org", "body": "Comment \(index)"])
                #expect(status == .created)
            }
            let (status, problem) = try await Self.post(client, ["name": "R", "email": "r@example.org", "body": "One more"])
            #expect(status == .tooManyRequests)
            #expect((problem["errors"] as? [String: String])?["body"]?.contains("at most 5 per minute") == true)
            // The plain form says the same and gives the text back.
            try await client.execute(
                uri: "/story-number-1/comments", method: .post, headers: formHeaders,
                body: formBody([("name", "R"), ("email", "r@example.org"), ("body", "Typed with care")])
            ) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.text.contains(">Typed with care</textarea>"))
            }
            app.time.advance(by: 61)
            #expect(try await Self.post(client, ["name": "R", "email": "r@example.org", "body": "Later"]).0 == .created)
            // The same text again is a repeat.
            app.time.advance(by: 61)
            let (again, repeated) = try await Self.post(client, ["name": "R", "email": "r@example.org", "body": "Later"])
            #expect(again == .conflict)
            #expect((repeated["errors"] as? [String: String])?["body"] == "You posted this same comment here already.")

            // Thirty an hour: five a minute for five more minutes reach it (the six so far count),
            // and the next is refused until the first of them is an hour old. The comments are
            // the record: nothing else is written per post.
            for minute in 0..<5 {
                app.time.advance(by: 61)
                for index in 0..<(minute < 4 ? 5 : 4) {
                    let text = "Hour \(minute).\(index)"
                    #expect(try await Self.post(client, ["name": "R", "email": "r@example.org", "body": text]).0 == .created)
                }
            }
            app.time.advance(by: 61)
            let (hourly, told) = try await Self.post(client, ["name": "R", "email": "r@example.org", "body": "Thirty-first"])
            #expect(hourly == .tooManyRequests)
            #expect((told["errors"] as? [String: String])?["body"]?.contains("30 per hour") == true)
            #expect(try await CommentRecord.query(on: try app.db()).count() == 30)
            #expect(try await RateLimitHitRecord.query(on: try app.db()).count() == 0)
            app.time.advance(by: 3600 - 6 * 61)
            #expect(try await Self.post(client, ["name": "R", "email": "r@example.org", "body": "Thirty-first"]).0 == .created)
        }
    }

    @Test("Votes change and can be taken back; the plain form returns to the comment")
    func votes() async throws {
        try await withApp(fixtures: { app in
            try await Self.newsroom(app)
            let here = try #require(try await ArticleStore.published(slug: "story-number-1", on: try app.db()))
            try await Fixtures.comment(on: here.id, text: "Vote on me", at: TestClock.start, on: try app.db())
        }) { client, _ in
            var (status, tally) = try await Self.post(client, ["value": 1], to: "/api/v1/comments/1/vote")
            #expect(status == .ok)
            #expect(tally["score"] as? Int == 1)
            (_, tally) = try await Self.post(client, ["value": -1], to: "/api/v1/comments/1/vote")
            #expect((tally["up"] as? Int, tally["down"] as? Int, tally["mine"] as? Int) == (0, 1, -1))
            (_, tally) = try await Self.post(client, ["value": 0], to: "/api/v1/comments/1/vote")
            #expect(tally["score"] as? Int == 0)
            try await client.execute(uri: "/api/v1/comments/1/vote", method: .post, headers: formHeaders, body: formBody([("value", "1")]))
            {
                response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/story-number-1/#comment-1")
            }
            #expect(
                try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }.contains(
                    "<span class=\"vote__score\" aria-label=\"Score\">1</span>"))
            #expect(try await Self.post(client, ["value": 1], to: "/api/v1/comments/99/vote").0 == .notFound)
        }
    }

    @Test("Readers' reports send a comment back to the moderators with their reasons")
    func flags() async throws {
        try await withApp(fixtures: { app in
            try await Self.newsroom(app)
            let here = try #require(try await ArticleStore.published(slug: "story-number-1", on: try app.db()))
            try await Fixtures.comment(on: here.id, by: "Troll", text: "Nasty words", at: TestClock.start, on: try app.db())
        }) { client, app in
            // Without the script, "Report" opens a page with the form.
            let page = try await client.execute(uri: "/story-number-1/comments?report=1", method: .get) { $0.text }
            #expect(page.contains("Report this comment to the moderators") && page.contains("action=\"/api/v1/comments/1/flag\""))
            for reader in 1...3 {
                var headers = Self.json
                headers[.userAgent] = "Reader browser \(reader)"
                try await client.execute(
                    uri: "/api/v1/comments/1/flag", method: .post, headers: headers, body: Self.body(["reason": "abuse"])
                ) { response in
                    #expect(Self.object(response)["outcome"] as? String == (reader == 3 ? "held" : "recorded"))
                }
            }
            #expect(!(try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }.contains("Nasty words")))
            let moderator = try await app.staff(.moderator)
            let queue = try await client.execute(uri: "/admin/comments", method: .get, headers: moderator.headers) { $0.text }
            #expect(queue.contains("Flagged by 3 readers: Abusive or hateful (3)"))
        }
    }

    @Test("The author's browser may edit or delete for the window; nobody else, and not later")
    func editAndDelete() async throws {
        try await withApp(fixtures: { try await Self.newsroom($0) }) { client, app in
            let (_, created) = try await Self.post(client, Self.ruth)
            let token = try #require(created["editToken"] as? String)
            var (status, answer) = try await Self.post(
                client, ["body": "Well *argued*.", "editToken": "forged"], to: "/api/v1/comments/1/edit")
            #expect(status == .forbidden)
            (status, answer) = try await Self.post(client, ["body": "Well *argued*.", "editToken": token], to: "/api/v1/comments/1/edit")
            #expect(status == .ok)
            #expect(answer["html"] as? String == "<p>Well <em>argued</em>.</p>")
            let page = try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }
            #expect(page.contains("<em>argued</em>") && page.contains("comment__edited"))

            app.time.advance(by: 16 * 60)
            (status, answer) = try await Self.post(client, ["editToken": token], to: "/api/v1/comments/1/delete")
            #expect(status == .forbidden)
            #expect((answer["errors"] as? [String: String])?["editToken"]?.contains("15 minutes") == true)

            let (_, second) = try await Self.post(client, ["name": "Ruth", "email": "ruth@example.org", "body": "Oops."])
            let id = try #require(second["id"] as? Int)
            (status, _) = try await Self.post(
                client, ["editToken": second["editToken"] as? String ?? ""], to: "/api/v1/comments/\(id)/delete")
            #expect(status == .noContent)
            #expect(!(try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }.contains("Oops.")))
            #expect(try await CommentStore.bar(article: .init(1), on: try app.db()).stats.comments == 1)
        }
    }

    @Test("Readers on the page hear of an approved comment at once, and catch up after reconnecting")
    func live() async throws {
        try await withApp(.live, fixtures: { try await Self.newsroom($0) }) { client, app in
            let port = try #require(client.port)
            let request = "GET /api/v1/articles/story-number-1/live HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
            let stream = try RawStream(port: port, request: request)
            defer { stream.close() }
            let opened = await stream.read(until: ": connected")
            #expect(opened.contains("Content-Type: text/event-stream") || opened.contains("content-type: text/event-stream"))
            let (status, _) = try await Self.post(client, Self.ruth)
            #expect(status == .created)
            let started = Date()
            let events = await stream.read(until: "argued</strong>")
            #expect(Date().timeIntervalSince(started) < 2, "received: \(events)")
            #expect(events.contains("id: 1\nevent: comment\ndata: {"))

            // A held comment is not announced; reconnecting from event 0 replays what was missed.
            let resume = try RawStream(
                port: port,
                request: "GET /api/v1/articles/story-number-1/live HTTP/1.1\r\nHost: 127.0.0.1\r\nLast-Event-ID: 0\r\n\r\n")
            defer { resume.close() }
            #expect(await resume.read(until: "id: 1\n").contains("id: 1\nevent: comment"))
        }
    }
}
