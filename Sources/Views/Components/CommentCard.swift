import Domain
import Foundation

/// A comment as the discussion shows it, less what changes without the comment changing (its
/// votes, and the links that depend on the page around it): avatar, name, badges, time and text.
/// It is rendered once and kept with the comment (`comments.card_html`), so a page of 200
/// comments reads 200 cards instead of rendering them; `key` says which settings and which
/// version of this markup a kept card was rendered for.
public struct CommentCard: Equatable, Sendable {
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

    /// Raise it with any change to `html`: every kept card is then rendered again.
    static let version = 1

    /// What a kept card must have been rendered for to be shown: this markup, the site's time
    /// zone (the time shown) and its "Read more" length (where the text is cut).
    public static func key(format: DisplayFormat, excerptWords: Int) -> String {
        "\(version) \(excerptWords) \(format.timeZone.identifier)"
    }

    /// A comment's card, cut after `excerptWords` words when longer (0: never cut).
    public init(_ comment: Comment, excerptWords: Int, format: DisplayFormat) {
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
    }

    /// The card's markup: the comment's opening tag, its header and its text (the view closes it
    /// after the comment's actions).
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
        output.append("</div>")
        return output
    }
}
