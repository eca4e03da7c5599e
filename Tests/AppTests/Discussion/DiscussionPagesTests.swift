import Domain
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

@Suite("Discussion pages")
struct DiscussionPagesTests {
    @Test("A long thread shows five replies on the article; its own page shows them all, with the bar")
    func longThread() async throws {
        try await withApp(fixtures: { app in
            try await DiscussionAPITests.newsroom(app)
            let db = try app.db()
            let article = try #require(try await ArticleStore.published(slug: "story-number-1", on: db)).id
            let root = try await Fixtures.comment(on: article, by: "Root", text: "Start here.", at: TestClock.start, on: db)
            for index in 1...7 {
                try await Fixtures.comment(
                    on: article, by: "Reply \(index)", text: "Reply number \(index).", parent: root,
                    at: TestClock.start.addingTimeInterval(Double(index) * 60), on: db)
            }
        }) { client, _ in
            let page = try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }
            #expect(page.contains("Reply number 5.") && !page.contains("Reply number 6."))
            #expect(page.contains("<a href=\"/story-number-1/comments?thread=1#comment-1\">2 more replies in this thread</a>"))
            let thread = try await client.execute(uri: "/story-number-1/comments?thread=1", method: .get) { $0.text }
            #expect((1...7).allSatisfy { thread.contains("Reply number \($0).") })
            #expect(thread.contains("<strong>7</strong> Thread replies"))
            #expect(!thread.contains("more replies in this thread"))
            #expect(try await client.execute(uri: "/story-number-1/comments?thread=99", method: .get) { $0.status } == .notFound)
            // A permalink to a reply (what the page's script follows) opens the thread it is in.
            let reply = try await client.execute(uri: "/story-number-1/comments?thread=2", method: .get) { $0.text }
            #expect(reply.contains("id=\"comment-2\"") && reply.contains("Start here.") && reply.contains("Reply number 7."))
        }
    }
}
