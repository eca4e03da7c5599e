import Domain
import FluentKit
import Foundation
import Persistence
import Routes
import Views

/// Reads a discussion as the pages and the API show it.
enum DiscussionReader {
    /// Threads on the article page and on each further page.
    static let threadsPerPage = 50
    /// Replies shown under each thread on a page; a longer thread links to its own page.
    static let repliesPerThread = 5

    /// Whether readers may still write, and what the page says when not.
    static func openness(_ article: Article, settings: SiteSettings, now: Date) -> (open: Bool, note: String) {
        guard article.discussionOpen else { return (false, "Comments are closed.") }
        let days = settings.commentCloseAfterDays
        if days > 0, now.timeIntervalSince(article.summary.publishedAt) > Double(days) * 86_400 {
            return (false, "Comments close \(DisplayFormat.count(days, "day", "days")) after publication; this discussion is closed.")
        }
        return (true, "")
    }

    /// A page of the discussion with its bar, ready for the view.
    static func model(
        _ article: Article, sort: CommentSort, after: Comment.ID?, site: SiteState.Snapshot, now: Date, on db: any Database
    ) async throws -> DiscussionModel {
        try await load(article, sort: sort, after: after, site: site, now: now, on: db).model
    }

    /// The view's model and the page of comments it was made from. With `cards` (for the page's
    /// HTML only), comments with a current card are read as their card, without their text.
    static func load(
        _ article: Article, sort: CommentSort, after: Comment.ID?, cards: Bool = true, site: SiteState.Snapshot, now: Date,
        on db: any Database
    ) async throws -> (model: DiscussionModel, page: DiscussionPage) {
        let openness = openness(article, settings: site.settings, now: now)
        let page = try await CommentStore.threads(
            article: article.id, sort: sort, after: after, limit: threadsPerPage, repliesPerThread: repliesPerThread,
            card: cards ? CommentCards.shown(site, open: openness.open) : nil,
            threadCard: cards ? CommentCards.shownThreads(site, open: openness.open) : nil, on: db)
        let bar = try await CommentStore.bar(article: article.id, on: db)
        let model = DiscussionModel(
            article: article.summary, isOpen: openness.open, closedNote: openness.note, page: page, bar: bar, sort: sort,
            settings: site.settings, format: site.format)
        return (model, page)
    }

    /// What rendering single comments (a new one, a live event) needs to know of their
    /// discussion, without reading its pages or its bar.
    static func frame(_ article: Article, site: SiteState.Snapshot, now: Date) -> DiscussionModel {
        let openness = openness(article, settings: site.settings, now: now)
        return DiscussionModel(
            articleID: article.id.rawValue, articleSlug: article.slug, isOpen: openness.open, closedNote: openness.note,
            bar: DiscussionBarModel(DiscussionBar(stats: DiscussionStats())), sort: .newest, threads: [], next: nil, policyNote: "",
            levels: site.settings.commentLevels)
    }

    /// The sort a request asks for; an unknown one is refused with the choices.
    static func sort(_ value: String?) throws -> CommentSort {
        guard let value, !value.isEmpty else { return .newest }
        guard let sort = CommentSort(rawValue: value) else {
            throw DomainError.invalidInput(
                field: "sort", message: "Sort by one of: \(CommentSort.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return sort
    }

    /// The thread a page continues after: a positive number naming a thread of this article.
    static func cursor(_ value: String?, article: Article.ID, on db: any Database) async throws -> Comment.ID? {
        guard let value, !value.isEmpty else { return nil }
        guard value.count <= 12, let number = Int(value), number > 0,
            try await CommentStore.isThread(.init(number), of: article, on: db)
        else {
            throw DomainError.invalidInput(
                field: "after", message: "“after” must be the number of a comment thread of this article, as the previous page gave it.")
        }
        return .init(number)
    }
}
