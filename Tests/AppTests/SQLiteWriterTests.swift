import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import TestSupport
import Testing
import Views

@testable import App

/// The comment posts' SQLite writer (`SQLiteWriter`): its writes are Fluent's and the reader's
/// at once, with the triggers that keep the discussion's figures; it waits its turn behind
/// Fluent's connection instead of failing; it runs raw SQL only.
@Suite("SQLite comment writer", .enabled(if: !TestDatabase.isPostgres, "PostgreSQL has no writer of its own: posts use the pool"))
struct SQLiteWriterTests {
    static func newComment(_ article: Article.ID, _ text: String, parent: Domain.Comment.ID? = nil, depth: Int = 0)
        -> CommentStore.NewComment
    {
        CommentStore.NewComment(
            article: article,
            placement: parent.map { CommentPlacement(parentID: $0, depth: depth, threadID: $0, replyToID: $0) } ?? .newThread,
            authorName: "Writer", authorEmail: "writer-\(text.count)@example.org", isGuest: true, body: CommentText.render(text),
            decision: ModerationDecision(status: .approved, reason: nil), networkHash: "net", at: TestClock.start)
    }

    /// A newsroom's one article, Fluent's connection and the writer.
    static func withArticle(_ body: (TestApp, any Database, Article.ID, any Database) async throws -> Void) async throws {
        let app = try await TestApp.make()
        defer { Task { try? await app.cleanUp() } }
        let db = try app.db()
        _ = try await Fixtures.newsroom(articles: 1, on: db)
        let article = try #require(try await ArticleStore.published(slug: "story-number-1", on: db)).id
        try await body(app, db, article, try app.services.discussionWrites())
    }

    /// Runs `start` in a transaction on Fluent's connection that holds SQLite's write lock (it
    /// has changed the article's title), then lets other tasks run a while before committing.
    static func holdingTheLock<T: Sendable>(
        _ db: any Database, _ article: Article.ID, _ start: @escaping @Sendable () async -> T
    ) async throws -> T {
        try await db.transaction { tx in
            try await (tx as! any SQLDatabase).raw("UPDATE articles SET title = 'Held' WHERE id = \(bind: article.rawValue)").run()
            let started = await start()
            for _ in 0..<50 { await Task.yield() }
            return started
        }
    }

    @Test("A comment stored by the writer is read at once by Fluent's connection and the page reader, figures and all")
    func sharedAtOnce() async throws {
        try await Self.withArticle { app, db, article, writes in
            #expect(writes is SQLiteWriter)

            let root = try await CommentStore.create(Self.newComment(article, "First."), on: writes)
            let reply = try await CommentStore.create(Self.newComment(article, "A reply.", parent: root, depth: 1), on: writes)
            #expect(reply.rawValue == root.rawValue + 1)
            for handle in [db, try app.services.pageReads()] {
                let stored = try #require(try await CommentStore.find(reply, on: handle))
                #expect(stored.threadID == root && stored.depth == 1 && stored.bodyHTML == "<p>A reply.</p>")
                // The INSERT's triggers ran on the writer's connection: the thread of its own, the bar's counts.
                #expect(try await CommentStore.find(root, on: handle)?.threadID == root)
                let bar = try await CommentStore.bar(article: article, on: handle)
                #expect((bar.stats.comments, bar.stats.threads, bar.stats.replies, bar.stats.authors) == (2, 1, 1, 2))
            }
            // Fluent's connection writes, the writer's next statement (kept prepared) sees it.
            try await (db as! any SQLDatabase).raw("UPDATE discussion_stats SET followers = 7").run()
            _ = try await CommentStore.create(Self.newComment(article, "Third one."), on: writes)
            #expect(try await CommentStore.bar(article: article, on: writes).stats.followers == 7)
        }
    }

    @Test("Posts wait for Fluent's connection to finish writing, and many at once all land")
    func waitsItsTurn() async throws {
        try await Self.withArticle { app, db, article, writes in
            // A post handed to the writer while Fluent's connection holds the lock lands once the
            // transaction commits, after the row it wrote.
            let posted = try await Self.holdingTheLock(db, article) {
                Task { try await CommentStore.create(Self.newComment(article, "Waited."), on: writes) }
            }.value
            #expect(try await CommentStore.find(posted, on: db)?.bodyHTML == "<p>Waited.</p>")
            #expect(try await ArticleStore.published(slug: "story-number-1", on: db)?.title == "Held")

            let ids = try await withThrowingTaskGroup(of: Domain.Comment.ID.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        if index.isMultiple(of: 4) {
                            try await (db as! any SQLDatabase).raw("UPDATE articles SET view_count = view_count + 1").run()
                        }
                        return try await CommentStore.create(Self.newComment(article, "Comment \(index)."), on: writes)
                    }
                }
                return try await group.reduce(into: Set()) { $0.insert($1) }
            }
            #expect(ids.count == 40)
            #expect(try await CommentStore.bar(article: article, on: db).stats.comments == 41)
        }
    }

    @Test("Posts that arrive while the writer waits commit together, each standing or failing alone")
    func arrivingTogether() async throws {
        try await Self.withArticle { app, db, article, writes in
            // Fluent's transaction holds the lock: the first post waits on the writer's thread,
            // the others queue behind it and run as one transaction once it is through. Two name
            // an article that does not exist (a foreign key refuses them).
            let posts = try await Self.holdingTheLock(db, article) {
                var posts: [Task<Domain.Comment.ID, any Error>] = []
                for index in 0..<10 {
                    let target = index == 4 || index == 7 ? Article.ID(9_999) : article
                    posts.append(Task { try await CommentStore.create(Self.newComment(target, "Post \(index)."), on: writes) })
                    for _ in 0..<5 { await Task.yield() }
                }
                return posts
            }
            var stored: [Domain.Comment.ID] = []
            for (index, post) in posts.enumerated() {
                switch await post.result {
                case .success(let id):
                    #expect(index != 4 && index != 7)
                    stored.append(id)
                case .failure(let error):
                    #expect(index == 4 || index == 7)
                    #expect("\(error)".contains("FOREIGN KEY"))
                }
            }
            #expect(stored.count == 8)
            for id in stored { #expect(try await CommentStore.find(id, on: db)?.articleID == article) }
            #expect(try await CommentStore.bar(article: article, on: db).stats.comments == 8)
            #expect(try await CommentRecord.query(on: db).count() == 8)
        }
    }

    @Test("The writer refuses Fluent's model queries and transactions, and a bad statement is an error, not a crash")
    func rawSQLOnly() async throws {
        let app = try await TestApp.make()
        defer { Task { try? await app.cleanUp() } }
        _ = try await Fixtures.newsroom(articles: 1, on: try app.db())
        let writes = try app.services.discussionWrites()
        await #expect(throws: SQLiteReaderError.self) { _ = try await SectionStore.all(on: writes) }
        await #expect(throws: SQLiteReaderError.self) { try await writes.transaction { _ in } }
        await #expect(throws: SQLiteReaderError.self) { try await (writes as! any SQLDatabase).raw("INSERT INTO nowhere VALUES (1)").run() }
        #expect(try await ArticleStore.published(slug: "story-number-1", on: writes) != nil)
    }
}
