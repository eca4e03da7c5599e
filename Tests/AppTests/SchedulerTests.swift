import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

@Suite("Scheduled publishing")
struct SchedulerTests {
    @Test("An article whose time passed while the server was down is published as soon as it starts")
    func catchUpOnStart() async throws {
        try await withApp(fixtures: { app in
            let db = try app.db()
            let (section, author) = try await Fixtures.newsroom(articles: 1, on: db)
            try await Fixtures.article(
                "Overnight story", section: section, authors: [author], status: .scheduled,
                publishedAt: TestClock.start.addingTimeInterval(-6 * 3600), on: db)
            try await Fixtures.article(
                "Tomorrow's story", section: section, authors: [author], status: .scheduled,
                publishedAt: TestClock.start.addingTimeInterval(86_400), on: db)
        }) { client, app in
            let published = try await eventually {
                try await ArticleStore.published(slug: "overnight-story", on: try app.db()) != nil
            }
            #expect(published)
            try await client.execute(uri: "/overnight-story/", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/tomorrows-story/", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
