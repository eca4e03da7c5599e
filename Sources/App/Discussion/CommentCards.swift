import Domain
import FluentKit
import Persistence
import Synchronization
import Views

/// Keeps every comment's card (`CommentCard`) rendered for the site's settings: a page shows the
/// kept card of each comment that has a current one, and renders the others itself, so a card
/// made late costs speed, never correctness. New, edited, re-pinned and newly voted comments,
/// comments of an article that moved, comments imported or written by other tools, and every
/// comment after a change of time zone or "Read more" length get theirs on the next round of the
/// scheduler (at start, then every 30 s; while readers post by the hundred, a few hundred a round).
/// Each thread is then kept whole as a page shows it, from those cards, the same way.
enum CommentCards {
    /// The key of the cards the site's settings call for today.
    static func key(_ site: SiteState.Snapshot) -> String {
        CommentCard.key(format: site.format, excerptWords: site.settings.commentExcerptWords)
    }

    /// The key of the cards a page of a discussion may show: none for a closed discussion, whose
    /// comments show no reply link (kept cards have one).
    static func shown(_ site: SiteState.Snapshot, open: Bool) -> String? {
        open ? key(site) : nil
    }

    /// The key of kept threads (`Comment.threadCard`): their comments' cards', and how threads
    /// nest and how many replies a page shows of each.
    static func threadKey(_ site: SiteState.Snapshot) -> String {
        key(site) + " thread \(site.settings.commentLevels) \(DiscussionReader.repliesPerThread)"
    }

    /// The key of the kept threads a page of a discussion may show (none when closed, as cards).
    static func shownThreads(_ site: SiteState.Snapshot, open: Bool) -> String? {
        open ? threadKey(site) : nil
    }

    /// Comments posted since the last round above which the next round is a busy one.
    static let busyPosts = 100
    /// The cards a busy round renders at most: while readers post comments by the hundred, a round
    /// rendering tens of thousands of cards (and writing them through the writer that stores the
    /// posts) would slow every post for seconds; the rest waits for a quieter round, and a page
    /// renders a missing card itself meanwhile.
    static let busyRound = 200

    /// How many cards a round renders, after `posts` comments were posted since the one before.
    static func roundLimit(postsSinceLastRound posts: Int) -> Int {
        posts > busyPosts ? busyRound : .max
    }

    /// Renders and keeps the missing and outdated cards, then the threads (`Comment.threadCard`),
    /// a batch at a time, at most `limit` of them in all; returns how many.
    /// The comments are read on `reads` (SQLite's page reader) and each batch is kept in one
    /// UPDATE on `writes` (SQLite's discussion writer): it queues with readers' posts instead of
    /// contending with them for SQLite's lock from a second connection, and a post waits for no
    /// more than one batch.
    @discardableResult
    static func renderMissing(
        site: SiteState.Snapshot, reads: any Database, writes: any Database, batch: Int = 50, limit: Int = .max
    ) async throws -> Int {
        let key = Self.key(site)
        let cards = try await inBatches(of: batch, upTo: limit) { after, size in
            let comments = try await CommentStore.withoutCard(key: key, after: after, limit: size, on: reads)
            guard let last = comments.last else { return (0, nil) }
            let slugs = try await ArticleStore.slugs(of: Array(Set(comments.map(\.articleID))), on: reads)
            let cards = comments.map { comment in
                let frame = CommentCard.Frame(
                    articleID: comment.articleID.rawValue, articleSlug: slugs[comment.articleID] ?? "", replies: true)
                return (
                    comment,
                    CommentCard(comment, excerptWords: site.settings.commentExcerptWords, format: site.format, frame: frame).html.rendered
                )
            }
            try await CommentStore.keepCards(cards, key: key, on: writes)
            return (comments.count, last.id)
        }
        // Then the threads, from the cards just kept (keeping a comment's card after its thread's
        // would drop the thread's again).
        let threadKey = Self.threadKey(site)
        let threads = try await inBatches(of: batch, upTo: limit - cards) { after, size in
            let roots = try await CommentStore.withoutThreadCard(key: threadKey, after: after, limit: size, on: reads)
            guard let last = roots.last else { return (0, nil) }
            let slugs = try await ArticleStore.slugs(of: Array(Set(roots.map(\.root.articleID))), on: reads)
            let replies = try await CommentStore.replies(
                of: roots.map(\.root), limit: DiscussionReader.repliesPerThread, card: key, on: reads)
            let page = DiscussionPage(roots: roots.map(\.root), replies: replies, next: nil)
            let threads = zip(roots, page.threads(levels: site.settings.commentLevels)).map { read, node in
                let slug = slugs[read.root.articleID] ?? ""
                let model = CommentModel(
                    node, excerptWords: site.settings.commentExcerptWords, format: site.format,
                    frame: CommentCard.Frame(articleID: read.root.articleID.rawValue, articleSlug: slug, replies: true))
                return (root: read.root.id, version: read.version, html: DiscussionView.thread(model, articleSlug: slug).rendered)
            }
            try await CommentStore.keepThreadCards(threads, key: threadKey, on: writes)
            return (roots.count, last.root.id)
        }
        return cards + threads
    }

    /// Runs `batch` with where to go on from and how many to take, at most `size` at a time and
    /// `limit` in all, until a batch finds fewer than it asked for; `batch` answers how many it
    /// kept and the last one. Returns how many in all.
    private static func inBatches(
        of size: Int, upTo limit: Int, _ batch: (_ after: Comment.ID?, _ size: Int) async throws -> (count: Int, last: Comment.ID?)
    ) async throws -> Int {
        var done = 0
        var after: Comment.ID?
        while done < limit {
            let asked = min(size, limit - done)
            let (count, last) = try await batch(after, asked)
            done += count
            guard let last, count == asked else { break }
            after = last
        }
        return done
    }
}

/// How many comments this instance stored since the scheduler last asked.
final class DiscussionActivity: Sendable {
    private let posted = Mutex(0)

    func recordPost() {
        posted.withLock { $0 += 1 }
    }

    /// The count since the last call, starting again from zero.
    func takePosts() -> Int {
        posted.withLock { count in
            defer { count = 0 }
            return count
        }
    }
}
