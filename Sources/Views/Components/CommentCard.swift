import Domain
import Foundation
import Routes

/// A comment as the discussion shows it, less its replies: avatar, name, badges, time, text, its
/// votes and its links (reply, report). It is rendered once and kept with the comment
/// (`comments.card_html`), so a page of 200 comments reads 200 cards instead of rendering them;
/// `key` says which settings and which version of this markup a kept card was rendered for. A
/// kept card is always one of an open discussion (with its reply link) at the article's address
/// of the day: a vote, an edit, a pin or a new address drops it, a closed discussion shows none.
public struct CommentCard: Equatable, Sendable {
    /// Where the card is shown: its article's links, and whether readers may reply.
    public struct Frame: Equatable, Sendable {
        public var articleID: Int
        public var links: SiteURL.CommentLinks
        public var replies: Bool

        public init(articleID: Int, articleSlug: String, replies: Bool) {
            self.articleID = articleID
            self.links = SiteURL.CommentLinks(articleSlug: articleSlug)
            self.replies = replies
        }
    }

    public var id: Int
    public var authorName: String
    public var isGuest: Bool
    public var isStaff: Bool
    public var pinned: Bool
    public var avatarKey: String
    public var dateISO: String
    public var dateText: String
    /// The whole text, or its head when it is long (then `more` holds the rest).
    public var body: HTML
    public var more: HTML?
    public var edited: Bool
    public var upvotes: Int
    public var downvotes: Int
    public var frame: Frame

    /// Raise it with any change to `html`: every kept card is then rendered again.
    static let version = 2

    /// What a kept card must have been rendered for to be shown: this markup, the site's time
    /// zone (the time shown) and its "Read more" length (where the text is cut).
    public static func key(format: DisplayFormat, excerptWords: Int) -> String {
        "\(version) \(excerptWords) \(format.timeZone.identifier)"
    }

    /// A comment's card in `frame`, cut after `excerptWords` words when longer (0: never cut).
    public init(_ comment: Comment, excerptWords: Int, format: DisplayFormat, frame: Frame) {
        // Most comments are short; a long one was usually cut when saved, for this very length.
        let cut: (head: String, tail: String)? =
            excerptWords == 0 || (comment.wordCount > 0 && comment.wordCount <= excerptWords)
            ? nil
            : comment.storedCut.flatMap { $0.words == excerptWords ? ($0.head, $0.tail) : nil }
                ?? CommentExcerpt.split(comment.bodyHTML, words: excerptWords)
        id = comment.id.rawValue
        authorName = comment.authorName
        isGuest = comment.isGuest
        isStaff = comment.isStaff
        pinned = comment.pinned
        avatarKey = comment.avatarKey
        dateISO = DisplayFormat.iso8601(comment.createdAt)
        dateText = format.dateTime(comment.createdAt)
        body = .trusted(cut?.head ?? comment.bodyHTML)
        more = cut.map { .trusted($0.tail) }
        edited = comment.editedAt != nil
        upvotes = comment.upvotes
        downvotes = comment.downvotes
        self.frame = frame
    }

    /// The card's markup: the comment's header, its text and its actions.
    public var html: HTML {
        var output: HTML = """
            <article class="comment" id="comment-\(id)" aria-label="Comment by \(authorName)"><header class="comment__header">\
            \(Avatar.html(name: authorName, key: avatarKey, size: 36))<span class="comment__author">\(authorName)</span>\
            \(HTML.when(isStaff) { "<span class=\"comment__badge comment__badge--staff\">Staff</span>" })\
            \(HTML.when(isGuest && !isStaff) { "<span class=\"comment__badge\">Guest</span>" })\
            \(HTML.when(pinned) { "<span class=\"comment__badge comment__badge--pinned\">Pinned</span>" })\
            <a class="comment__time" href="#comment-\(id)"><time datetime="\(dateISO)">\(dateText)</time></a>\
            \(HTML.when(edited) { "<span class=\"comment__edited\">edited</span>" })</header><div class="comment__body prose">
            """
        output.append(body)
        if let more {
            output.append("<details class=\"comment__more\"><summary>Read more »</summary>")
            output.append(more)
            output.append("</details>")
        }
        let comment = Comment.ID(id)
        output.append(
            """
            </div><footer class="comment__actions"><form class="vote" method="post" action="\(SiteURL.apiCommentVote(comment))">\
            <button name="value" value="1" class="vote__up" aria-label="Vote up (\(upvotes))">▲</button>\
            <span class="vote__score" aria-label="Score">\(upvotes - downvotes)</span>\
            <button name="value" value="-1" class="vote__down" aria-label="Vote down (\(downvotes))">▼</button></form>\
            \(HTML.when(frame.replies) {
                HTML("<a class=\"comment__reply\" href=\"\(frame.links.reply(comment, articleID: frame.articleID))\" data-reply>Reply</a>")
            })\
            <a class="comment__report" href="\(frame.links.report(comment))">Report</a></footer></article>
            """)
        return output
    }
}
