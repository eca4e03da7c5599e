import Domain
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing
import Views

@testable import App

/// A thread as the page shows it (first comment, first replies, the link to the rest) is kept
/// whole on its first comment; whatever changes in the thread shows at once, and the next round
/// keeps the same markup the page rendered without it.
@Suite("Kept threads")
struct ThreadCardsTests {
    typealias Cards = CommentCardsTests

    static func page(_ client: any TestClientProtocol) async throws -> String {
        try await client.execute(uri: "/\(Cards.article)/", method: .get) { $0.text }
    }

    @Test("Changes to a thread's replies show at once; the next round keeps the thread again, byte for byte as rendered")
    func repliesChange() async throws {
        try await Cards.withComment("Root.") { client, app, db, article, root in
            let scheduler = PublishScheduler(services: app.services, interval: .seconds(3600))
            var replies: [Domain.Comment.ID] = []
            for number in 1...6 {
                let parent = number == 2 ? replies[0] : root
                replies.append(
                    try await Fixtures.comment(
                        on: article, by: "Replier \(number)", text: "Reply \(number).", parent: parent,
                        at: TestClock.start.addingTimeInterval(Double(number) * 60), on: db))
            }
            let rendered = try await Self.page(client)
            #expect(rendered.contains("1 more reply in this thread"))
            await scheduler.tick()
            #expect(try await Cards.missingThreads(app) == 0)
            #expect(try await Self.page(client) == rendered)

            /// After a change: the page shows `expected` at once, the thread is no longer kept, and
            /// the next round keeps it with exactly the markup of the page before.
            func changed(_ what: String, shows expected: String, absent: String? = nil) async throws {
                let now = try await Self.page(client)
                #expect(now.contains(expected), "\(what)")
                if let absent { #expect(!now.contains(absent), "\(what)") }
                #expect(try await Cards.missingThreads(app) == 1, "\(what)")
                await scheduler.tick()
                #expect(try await Cards.missingThreads(app) == 0, "\(what)")
                #expect(try await Self.page(client) == now, "\(what)")
            }

            let (status, _) = try await DiscussionAPITests.post(client, ["value": 1], to: "/api/v1/comments/\(replies[1].rawValue)/vote")
            #expect(status == .ok)
            try await changed("a vote on a reply", shows: "aria-label=\"Vote up (1)\">▲</button>")
            try await CommentStore.edit(replies[0], body: CommentText.render("Reply one, edited."), hold: nil, at: TestClock.start, on: db)
            try await changed("an edit of a reply", shows: "<p>Reply one, edited.</p>", absent: "<p>Reply 1.</p>")
            _ = try await Fixtures.comment(
                on: article, by: "Late", text: "Late reply.", parent: root, at: TestClock.start.addingTimeInterval(3600), on: db)
            try await changed("a new reply past the page's five", shows: "2 more replies in this thread")
            try await CommentStore.setStatus([replies[2]], to: .spam, on: db)
            try await changed("a reply sent to spam", shows: "<p>Reply 6.</p>", absent: "<p>Reply 3.</p>")
            _ = try await CommentStore.delete([replies[3]], on: db)
            try await changed("a reply deleted", shows: "<p>Late reply.</p>", absent: "<p>Reply 4.</p>")
            try await CommentStore.setPinned([root], true, on: db)
            try await changed("the thread pinned", shows: "comment-item comment-item--pinned\" data-comment=\"\(root.rawValue)\"")
        }
    }

    @Test("A thread rendered from what was read before a change is not kept")
    func staleNotKept() async throws {
        try await Cards.withComment("Root.") { client, app, db, article, root in
            let reply = try await Fixtures.comment(on: article, by: "Replier", text: "Reply.", parent: root, at: TestClock.start, on: db)
            let site = try await app.services.site.current(on: db)
            let key = CommentCards.threadKey(site)
            let read = try #require(try await CommentStore.withoutThreadCard(key: key, limit: 10, on: db).first)
            #expect(read.root.id == root)
            _ = try await CommentStore.vote(.up, on: reply, by: "voter", at: TestClock.start, on: db)
            try await CommentStore.keepThreadCards([(root, read.version, "<li>stale</li>")], key: key, on: db)
            #expect(try await Cards.missingThreads(app) == 1)
            #expect(try await !Self.page(client).contains("<li>stale</li>"))
            let again = try #require(try await CommentStore.withoutThreadCard(key: key, limit: 10, on: db).first)
            #expect(again.version > read.version)
            try await CommentStore.keepThreadCards([(root, again.version, "<li>kept</li>")], key: key, on: db)
            #expect(try await Cards.missingThreads(app) == 0)
            // The page reads the kept thread as it is (and nothing of its replies).
            #expect(try await Self.page(client).contains("<li>kept</li>"))
        }
    }
}
