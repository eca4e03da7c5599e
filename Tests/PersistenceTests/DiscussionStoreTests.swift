import Domain
import FluentKit
import Foundation
import Persistence
import TestSupport
import Testing
import Views

@Suite("Storing and reading discussions")
struct DiscussionStoreTests {
    let start = TestClock.start

    func article(on db: any Database) async throws -> Article.ID {
        _ = try await Fixtures.newsroom(articles: 1, on: db)
        return try #require(try await ArticleStore.published(slug: "story-number-1", on: db)).id
    }

    @Test("Pages of threads follow each sort by keyset, without gaps or repeats, pinned threads first")
    func keysetPages() async throws {
        try await withDatabase { db, _ in
            let article = try await article(on: db)
            var roots: [Domain.Comment.ID] = []
            for index in 0..<7 {
                roots.append(
                    try await Fixtures.comment(
                        on: article, by: "Reader \(index)", text: "Thread \(index)", at: start.addingTimeInterval(Double(index) * 60),
                        on: db))
            }
            // Scores 0, 1, 2, 0, 1, 2, 0 (ties broken by id), one reply each in thread 0.
            for (index, root) in roots.enumerated() where index % 3 > 0 {
                for voter in 0..<(index % 3) {
                    _ = try await CommentStore.vote(.up, on: root, by: "voter-\(voter)", at: start, on: db)
                }
            }
            try await Fixtures.comment(
                on: article, by: "Replier", text: "A reply", parent: roots[0], at: start.addingTimeInterval(900), on: db)

            func all(_ sort: CommentSort) async throws -> [Domain.Comment.ID] {
                var seen: [Domain.Comment.ID] = []
                var after: Domain.Comment.ID?
                repeat {
                    let page = try await CommentStore.threads(article: article, sort: sort, after: after, limit: 3, on: db)
                    #expect(page.roots.filter { !$0.pinned }.count <= 3)
                    seen += page.roots.map(\.id)
                    after = page.next
                } while after != nil
                return seen
            }
            #expect(try await all(.newest) == roots.reversed())
            #expect(try await all(.oldest) == roots)
            // Most voted: score, then the newer first among equals.
            #expect(try await all(.votes) == [5, 2, 4, 1, 6, 3, 0].map { roots[$0] })

            // The reply comes with its thread, and only there.
            let first = try await CommentStore.threads(article: article, sort: .oldest, after: nil, limit: 3, on: db)
            #expect(first.replies.map(\.threadID) == [roots[0]])

            // A pinned thread leads the first page and is not repeated later.
            try await CommentStore.setPinned([roots[3]], true, on: db)
            let pinned = try await CommentStore.threads(article: article, sort: .newest, after: nil, limit: 3, on: db)
            #expect(pinned.roots.first?.id == roots[3])
            let rest = try await all(.newest)
            #expect(rest.filter { $0 == roots[3] }.count == 1)
        }
    }

    @Test("The bar's figures follow approvals, withdrawals and deletions without recounting")
    func statsOnWrite() async throws {
        try await withDatabase { db, _ in
            let article = try await article(on: db)
            let root = try await Fixtures.comment(on: article, by: "Ana", text: "Root", at: start, on: db)
            _ = try await Fixtures.comment(on: article, by: "Ana", text: "Me again", parent: root, at: start.addingTimeInterval(60), on: db)
            let held = try await Fixtures.comment(
                on: article, by: "Ben", text: "Held", parent: root, status: .pending, at: start.addingTimeInterval(120), on: db)
            var bar = try await CommentStore.bar(article: article, on: db)
            #expect(bar.stats == DiscussionStats(comments: 2, threads: 1, replies: 1, followers: 0, authors: 1))
            #expect(bar.hottest?.id == root)
            #expect(bar.hottest?.threadReplies == 1)

            try await CommentStore.setStatus([held], to: .approved, on: db)
            bar = try await CommentStore.bar(article: article, on: db)
            #expect(bar.stats == DiscussionStats(comments: 3, threads: 1, replies: 2, followers: 0, authors: 2))
            #expect(bar.recentAuthors.map(\.name) == ["Ben", "Ana"])

            try await CommentStore.setStatus([held], to: .trash, reason: "Off topic", on: db)
            bar = try await CommentStore.bar(article: article, on: db)
            #expect(bar.stats == DiscussionStats(comments: 2, threads: 1, replies: 1, followers: 0, authors: 1))
            #expect(try await CommentStore.find(held, on: db)?.holdReason == "Off topic")

            try await CommentStore.delete([root], on: db)
            bar = try await CommentStore.bar(article: article, on: db)
            #expect(bar.stats.comments == 1)
            #expect(bar.stats.threads == 0)
        }
    }

    @Test("Replies past the last level sit at the deepest level, in their thread")
    func depthCap() async throws {
        try await withDatabase { db, _ in
            let article = try await article(on: db)
            var parent = try await Fixtures.comment(on: article, by: "Root", text: "Root", at: start, on: db)
            let root = parent
            for index in 1...6 {
                parent = try await CommentStore.create(
                    article: article, parent: parent, authorName: "R\(index)", authorEmail: "r\(index)@example.org", isGuest: true,
                    body: CommentText.render("Reply \(index)"), status: .approved, networkHash: nil,
                    at: start.addingTimeInterval(Double(index) * 60), levels: 3, on: db)
            }
            let page = try await CommentStore.threads(article: article, sort: .newest, after: nil, limit: 10, on: db)
            #expect(page.replies.count == 6)
            #expect(page.replies.allSatisfy { $0.threadID == root && $0.depth <= 2 })
            #expect(page.replies.map(\.depth) == [1, 2, 2, 2, 2, 2])
            let tree = page.threads(levels: 3)
            #expect(CommentThreads.count(tree) == 7)
        }
    }

    @Test("A comment as stored is the comment read back: thread, capped reply, held with its reason, cut for Read more")
    func storedAsReadBack() async throws {
        try await withDatabase { db, _ in
            let article = try await article(on: db)
            let long = (1...130).map { "word\($0)" }.joined(separator: " ")
            func stored(_ text: String, email: String, placement: CommentPlacement, status: CommentStatus, reason: String? = nil)
                async throws -> Domain.Comment
            {
                let comment = try await CommentStore.store(
                    CommentStore.NewComment(
                        article: article, placement: placement, authorName: "Émile", authorEmail: email, isGuest: true,
                        body: CommentText.render(text), decision: ModerationDecision(status: status, reason: reason), networkHash: "net",
                        at: start.addingTimeInterval(90.25), excerptWords: 100), on: db)
                let read = try #require(try await CommentStore.find(comment.id, on: db))
                #expect(comment == read)
                return comment
            }
            let thread = try await stored(long, email: "ÉMILE@Example.org", placement: .newThread, status: .approved)
            #expect(thread.threadID == thread.id && thread.storedCut?.words == 100 && thread.wordCount == 130)
            let reply = try await stored(
                "A **reply**", email: "b@example.org",
                placement: .reply(to: thread.id, depth: 0, thread: thread.id, grandparent: nil, levels: 2), status: .approved)
            // A reply to the reply at the last level sits beside it and remembers whom it answers.
            let held = try await stored(
                "See [this](https://example.org)", email: "c@example.org",
                placement: .reply(to: reply.id, depth: 1, thread: thread.id, grandparent: thread.id, levels: 2), status: .pending,
                reason: "First comment from this address")
            #expect(held.parentID == thread.id && held.replyToID == reply.id && held.depth == 1)
        }
    }

    @Test("A vote can be changed or taken back; the tally moves by what changed")
    func votes() async throws {
        try await withDatabase { db, _ in
            let article = try await article(on: db)
            let id = try await Fixtures.comment(on: article, text: "Vote on me", at: start, on: db)
            #expect(try await CommentStore.vote(.up, on: id, by: "a", at: start, on: db)?.up == 1)
            #expect(try await CommentStore.vote(.up, on: id, by: "a", at: start, on: db)?.up == 1)
            let changed = try #require(try await CommentStore.vote(.down, on: id, by: "a", at: start, on: db))
            #expect((changed.up, changed.down) == (0, 1))
            _ = try await CommentStore.vote(.up, on: id, by: "b", at: start, on: db)
            let back = try #require(try await CommentStore.vote(.none, on: id, by: "a", at: start, on: db))
            #expect((back.up, back.down) == (1, 0))
            let comment = try #require(try await CommentStore.find(id, on: db))
            #expect((comment.score, comment.reactions) == (1, 1))
            let held = try await Fixtures.comment(on: article, text: "Not public", status: .pending, at: start, on: db)
            #expect(try await CommentStore.vote(.up, on: held, by: "a", at: start, on: db) == nil)
        }
    }

    @Test("Enough flags send a comment back to the queue with the readers' reasons")
    func flags() async throws {
        try await withDatabase { db, _ in
            let article = try await article(on: db)
            let id = try await Fixtures.comment(on: article, text: "Buy cheap watches", at: start, on: db)
            #expect(try await CommentStore.flag(id, reason: .spam, note: "", by: "a", threshold: 2, at: start, on: db) == .recorded)
            #expect(try await CommentStore.flag(id, reason: .spam, note: "", by: "a", threshold: 2, at: start, on: db) == .alreadyFlagged)
            let flagged = try await CommentStore.queue(.flagged, page: .init(number: 1, size: 10), on: db)
            #expect(flagged.items.map(\.comment.id) == [id])
            #expect(try await CommentStore.flag(id, reason: .abuse, note: "rude", by: "b", threshold: 2, at: start, on: db) == .held)
            let comment = try #require(try await CommentStore.find(id, on: db))
            #expect(comment.status == .pending)
            #expect(comment.holdReason == "Flagged by 2 readers: Abusive or hateful (1), Spam or advertising (1)")
            let queue = try await CommentStore.queue(.pending, page: .init(number: 1, size: 10), on: db)
            #expect(queue.items.first?.flagReasons == ["Spam or advertising", "Abusive or hateful: “rude”"])
            #expect(try await CommentStore.bar(article: article, on: db).stats.comments == 0)
        }
    }

    @Test("A page shows at most five replies a thread, oldest first: short threads together, each long one on its own; held replies never")
    func repliesPerThread() async throws {
        try await withDatabase { db, _ in
            let article = try await article(on: db)
            let short = try await Fixtures.comment(on: article, by: "Short", text: "Short thread", at: start, on: db)
            let long = try await Fixtures.comment(on: article, by: "Long", text: "Long thread", at: start.addingTimeInterval(60), on: db)
            var shortReplies: [Domain.Comment.ID] = []
            var longReplies: [Domain.Comment.ID] = []
            for index in 0..<2 {
                shortReplies.append(
                    try await Fixtures.comment(
                        on: article, by: "S\(index)", text: "Short reply \(index)", parent: short,
                        at: start.addingTimeInterval(120 + Double(index)), on: db))
            }
            try await Fixtures.comment(
                on: article, by: "Held", text: "Held reply", parent: short, status: .pending, at: start.addingTimeInterval(130), on: db)
            for index in 0..<7 {
                longReplies.append(
                    try await Fixtures.comment(
                        on: article, by: "L\(index)", text: "Long reply \(index)", parent: index == 0 ? long : longReplies[index - 1],
                        at: start.addingTimeInterval(200 + Double(index)), on: db))
            }
            let other = try await Fixtures.comment(on: article, by: "Other", text: "Other long", at: start.addingTimeInterval(90), on: db)
            var otherReplies: [Domain.Comment.ID] = []
            for index in 0..<6 {
                otherReplies.append(
                    try await Fixtures.comment(
                        on: article, by: "O\(index)", text: "Other reply \(index)", parent: other,
                        at: start.addingTimeInterval(300 - Double(index)), on: db))
            }
            let page = try await CommentStore.threads(article: article, sort: .oldest, after: nil, limit: 10, repliesPerThread: 5, on: db)
            #expect(page.roots.map(\.id) == [short, long, other])
            #expect(page.replies.filter { $0.threadID == short }.map(\.id) == shortReplies)
            #expect(page.replies.filter { $0.threadID == long }.map(\.id) == Array(longReplies.prefix(5)))
            #expect(page.replies.filter { $0.threadID == other }.map(\.id) == Array(otherReplies.reversed().prefix(5)))
            #expect(page.roots.map(\.threadReplies) == [2, 7, 6])
            // Each thread's replies come oldest first (the view nests them thread by thread).
            for thread in [short, long, other] {
                let times = page.replies.filter { $0.threadID == thread }.map(\.createdAt)
                #expect(times == times.sorted())
            }
        }
    }

    @Test("A post's checks in one read: the network's comments per window, a repeat by address or network, a known commenter")
    func postingHistory() async throws {
        try await withDatabase { db, _ in
            _ = try await Fixtures.newsroom(articles: 2, on: db)
            let article = try #require(try await ArticleStore.published(slug: "story-number-1", on: db)).id
            let other = try #require(try await ArticleStore.published(slug: "story-number-2", on: db)).id
            func store(
                _ text: String, email: String, network: String, on target: Article.ID? = nil, status: CommentStatus, at seconds: Double
            ) async throws {
                _ = try await CommentStore.create(
                    CommentStore.NewComment(
                        article: target ?? article, placement: .newThread, authorName: "A", authorEmail: email, isGuest: true,
                        body: CommentText.render(text), decision: ModerationDecision(status: status, reason: nil), networkHash: network,
                        at: start.addingTimeInterval(seconds)), on: db)
            }
            try await store("Old words", email: "ana@example.org", network: "net-a", status: .pending, at: 0)
            try await store("Elsewhere", email: "ana@example.org", network: "net-a", on: other, status: .pending, at: 3000)
            try await store("Recent words", email: "bo@example.org", network: "net-a", status: .approved, at: 3550)
            try await store("Other network", email: "cy@example.org", network: "net-b", status: .approved, at: 3590)
            let now = start.addingTimeInterval(3600)
            func history(_ text: String, email: String, network: String, since seconds: Double = 0) async throws -> PostingHistory {
                try await CommentStore.postingHistory(
                    email: email, network: network, body: text, article: article, since: start.addingTimeInterval(seconds),
                    windows: [60, 3600], now: now, on: db)
            }
            // net-a: one comment in the last minute, two in the hour (the one at 0 s is an hour old).
            var found = try await history("New", email: "dee@example.org", network: "net-a")
            #expect(found == PostingHistory(fromNetwork: [1, 2], repeated: false, knownCommenter: false))
            // The same text again: by address from another network, by network from another address.
            #expect(try await history("Old words", email: "ANA@example.org", network: "net-z").repeated)
            #expect(try await history("Recent words", email: "new@example.org", network: "net-a").repeated)
            // Not a repeat: older than `since`, or on another article.
            #expect(try await !history("Old words", email: "ana@example.org", network: "net-a", since: 1).repeated)
            #expect(try await !history("Elsewhere", email: "ana@example.org", network: "net-a").repeated)
            // Known: an approved comment by the address anywhere; Ana's are held.
            #expect(try await history("Hi", email: "bo@example.org", network: "net-q").knownCommenter)
            found = try await history("Hi", email: "ana@example.org", network: "net-b")
            #expect(found == PostingHistory(fromNetwork: [1, 1], repeated: false, knownCommenter: false))
        }
    }

    @Test("Rate limits with two windows: each is counted, the stricter refuses, and a refused request is not recorded")
    func rateLimitWindows() async throws {
        try await withDatabase { db, _ in
            let limits: [(count: Int, window: TimeInterval)] = [(2, 60), (3, 3600)]
            var answers: [Bool] = []
            for second in [0.0, 1, 2] {
                answers.append(try await RateLimitStore.allow("k", limits: limits, now: start.addingTimeInterval(second), on: db))
            }
            #expect(answers == [true, true, false])
            // A minute later the minute's window is free again; the hour's has room for one more
            // (the refused request did not count).
            #expect(try await RateLimitStore.allow("k", limits: limits, now: start.addingTimeInterval(61), on: db))
            #expect(try await !RateLimitStore.allow("k", limits: limits, now: start.addingTimeInterval(200), on: db))
            // Another key is counted on its own.
            #expect(try await RateLimitStore.allow("other", limits: limits, now: start.addingTimeInterval(200), on: db))
        }
    }
}
