import Domain
import FluentKit
import Foundation
import Persistence
import Routes

/// Mail a discussion sends through the outbox: follow-ups and replies to those who follow, a
/// note to the author when a moderator approves their comment, and at most one note an hour to
/// moderators while comments wait.
enum DiscussionNotifier {
    /// Comments became public: tell their followers (and, when a moderator approved them, their authors).
    static func published(_ ids: [Comment.ID], approvedByModerator: Bool, app: AppServices) async throws {
        guard !ids.isEmpty else { return }
        let now = app.time.now()
        // Most discussions have nobody to tell: one read decides, before any transaction.
        if !approvedByModerator, try await !CommentSubscriptionStore.hasFollowers(of: ids, on: try app.pageReads()) { return }
        let db = try app.db()
        try await db.transaction { tx in
            for id in ids {
                guard let comment = try await CommentStore.find(id, on: tx), comment.status == .approved,
                    let article = try await ArticleStore.find(comment.articleID, on: tx),
                    let author = try await CommentRecord.find(id.rawValue, on: tx)?.authorEmail
                else { continue }
                let link = SiteURL.article(slug: article.slug).absolute(siteURL: app.config.siteURL) + "#comment-\(id.rawValue)"
                let repliedTo =
                    try await comment.replyToID.asyncMap { try await CommentRecord.find($0.rawValue, on: tx)?.authorEmail } ?? nil
                let excerpt = CommentExcerpt.firstWords(comment.bodyHTML, 60)
                for subscription in try await CommentSubscriptionStore.recipients(
                    of: comment, authorEmail: author, repliedToEmail: repliedTo, on: tx)
                {
                    let stop = SiteURL.discussionStop(token: try await StopToken.make(subscription.id, app: app, on: tx))
                        .absolute(siteURL: app.config.siteURL)
                    try await app.mailer.enqueue(
                        TransactionalMail(
                            to: subscription.email, name: "",
                            .commentNotification(
                                articleTitle: article.title, commentLink: link, commenterName: comment.authorName, excerpt: excerpt,
                                stopLink: stop)),
                        unsubscribe: stop, now: now, on: tx)
                }
                if approvedByModerator {
                    try await app.mailer.enqueue(
                        TransactionalMail(
                            to: author, name: comment.authorName, .commentApproved(articleTitle: article.title, commentLink: link)),
                        now: now, on: tx)
                }
            }
        }
        app.mailer.wake()
    }

    /// A comment was held: moderators hear of the queue, once an hour at most.
    static func held(app: AppServices) async throws {
        let db = try app.db()
        let now = app.time.now()
        guard
            try await RateLimitStore.allow(
                "moderation-notice", limit: 1, window: 3600, now: now, countingOn: try app.pageReads(), on: db)
        else { return }
        let pending = try await CommentStore.pendingCount(on: db)
        let moderators = try await StaffStore.all(on: db).filter { $0.active && $0.member.role.can(.moderateComments) }.map(\.member)
        guard pending > 0, !moderators.isEmpty else { return }
        try await db.transaction { tx in
            for member in moderators {
                try await app.mailer.enqueue(
                    TransactionalMail(
                        to: member.email, name: member.name,
                        .moderationWaiting(pending: pending, queueLink: AdminURL.comments().absolute(siteURL: app.config.siteURL))),
                    now: now, on: tx)
            }
        }
        app.mailer.wake()
    }
}
