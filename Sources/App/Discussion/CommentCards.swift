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

    /// Renders and keeps the missing and outdated cards, a batch at a time, at most `limit` of
    /// them; returns how many.
    /// The comments are read on `reads` (SQLite's page reader) and each batch is kept in one
    /// UPDATE on `writes` (SQLite's discussion writer): it queues with readers' posts instead of
    /// contending with them for SQLite's lock from a second connection, and a post waits for no
    /// more than one batch.
    @discardableResult
    static func renderMissing(
        site: SiteState.Snapshot, reads: any Database, writes: any Database, batch: Int = 50, limit: Int = .max
    ) async throws -> Int {
        let key = Self.key(site)
        var rendered = 0
        var after: Comment.ID?
        while rendered < limit {
            let size = min(batch, limit - rendered)
            let comments = try await CommentStore.withoutCard(key: key, after: after, limit: size, on: reads)
            guard let last = comments.last else { break }
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
            rendered += comments.count
            after = last.id
            if comments.count < size { break }
        }
        return rendered
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
