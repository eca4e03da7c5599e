import Domain

/// Every public address the site serves, typed. Views print links only through `path`, and the
/// app registers its routes from `Pattern`, so a link and its route cannot drift apart.
public enum SiteURL: Hashable, Sendable {
    case home
    /// An article or a static page: both live at `/{slug}/`, as on WordPress.
    case article(slug: String)
    case section(slug: String, page: Int = 1)
    case author(slug: String, page: Int = 1)
    case tag(slug: String, page: Int = 1)
    case search(query: String, page: Int = 1)
    /// A fingerprinted static asset ("site.3f2a9c.css").
    case asset(String)
    /// An uploaded or generated media file under the data directory.
    case media(String)
    /// Where the view beacon posts.
    case viewBeacon
    /// Where the "Leave a Reply" form posts for an article.
    case comments(articleSlug: String)
    /// An article's discussion on a page of its own: a sort, the page after a thread, or the one
    /// thread holding a comment (where permalinks to older comments land).
    case discussion(articleSlug: String, sort: CommentSort? = nil, after: Comment.ID? = nil)
    case commentThread(articleSlug: String, thread: Comment.ID, comment: Comment.ID)
    /// Reporting a comment to the moderators, without the page's script.
    case commentReport(articleSlug: String, comment: Comment.ID)
    /// Replying to a comment without the page's script: the comment above the form (`articleID`
    /// names the form's anchor, `respond-N`).
    case commentReply(articleSlug: String, comment: Comment.ID, articleID: Int)
    /// The JSON API of the discussion (`docs` in README).
    case apiComments(articleSlug: String, sort: CommentSort? = nil, after: Comment.ID? = nil)
    case apiLive(articleSlug: String)
    case apiCommentVote(Comment.ID)
    case apiCommentFlag(Comment.ID)
    case apiCommentEdit(Comment.ID)
    case apiCommentDelete(Comment.ID)
    /// Following a discussion by mail: the request, its confirmation link, and the way out.
    case apiSubscribe(articleSlug: String)
    case discussionConfirm(token: String)
    case discussionStop(token: String)
    /// Readers: sign in by a mailed link, their page, and their data (export or erase by a mailed link).
    case readerSignIn(next: String? = nil)
    case readerLink(token: String)
    case readerSignOut
    case readerHome
    case readerData
    case apiReader
    /// A short-lived signed form token, fetched by the page's script (never in cached HTML).
    case apiCommentToken
    case newsletter
    /// A double opt-in link (the token is single-use).
    case newsletterConfirm(token: String)
    /// A reader's preferences, from a signed link in their mail.
    case newsletterPreferences(token: String)
    /// Leaving one newsletter: a page on GET, one-click (RFC 8058) on POST.
    case newsletterUnsubscribe(token: String, newsletter: String)
    /// How to give: the donation form (`amount` and `currency` pre-fill it, as the quick box does).
    case donate(amount: String? = nil, currency: String? = nil)
    /// Where the donation form posts: the card step, or off to PayPal.
    case donateCheckout
    /// The card step's script posts the confirmed card here (signed with the donation's token).
    case apiDonationCard(token: String)
    /// PayPal sends the donor back here after approving (or cancelling) the order.
    case donatePayPalReturn(token: String)
    case donatePayPalCancel(token: String)
    case donatePayPalCapture(token: String)
    /// The thank-you page of one gift, showing the state the ledger knows.
    case donateThanks(token: String)
    /// A donor's own page, from the signed link in every receipt; and what it can do.
    case donorHome(token: String, done: String? = nil)
    case donorReceipt(token: String, reference: String)
    case donorAmount(token: String, reference: String)
    case donorCancel(token: String, reference: String)
    case donorCard(token: String, reference: String)
    case apiDonorCard(token: String, reference: String)
    /// The public list of donors who agreed to be named.
    case supporters
    case webhookStripe
    case webhookPayPal
    /// A draft as readers would see it, for whoever holds the signed link.
    case preview(id: Article.ID, token: String)
    case health
    /// Whether this instance can serve: started, and its storage writable.
    case ready

    /// The route patterns, in Hummingbird's syntax, one per kind of address.
    public enum Pattern {
        public static let home = "/"
        public static let article = "/:slug"
        public static let section = "/section/:slug"
        public static let author = "/author/:slug"
        public static let tag = "/tag/:slug"
        public static let search = "/search"
        public static let asset = "/assets/:file"
        public static let media = "/media/:file"
        /// The start of every media file's address.
        public static let mediaPrefix = "/media/"
        /// Where the JSON API lives (its errors are JSON, not pages).
        public static let apiPrefix = "/api/"
        public static let viewBeacon = "/api/v1/views"
        public static let comments = "/:slug/comments"
        public static let apiComments = "/api/v1/articles/:slug/comments"
        public static let apiLive = "/api/v1/articles/:slug/live"
        public static let apiCommentVote = "/api/v1/comments/:id/vote"
        public static let apiCommentFlag = "/api/v1/comments/:id/flag"
        public static let apiCommentEdit = "/api/v1/comments/:id/edit"
        public static let apiCommentDelete = "/api/v1/comments/:id/delete"
        public static let apiCommentToken = "/api/v1/comment-token"
        public static let apiSubscribe = "/api/v1/articles/:slug/subscriptions"
        public static let readerSignIn = "/readers/sign-in"
        public static let readerLink = "/readers/link/:token"
        public static let readerSignOut = "/readers/sign-out"
        public static let readerHome = "/readers/me"
        public static let readerData = "/readers/data"
        public static let apiReader = "/api/v1/reader"
        public static let discussionConfirm = "/discussion/confirm/:token"
        public static let discussionStop = "/discussion/stop/:token"
        public static let newsletter = "/newsletter"
        public static let newsletterConfirm = "/newsletter/confirm/:token"
        public static let newsletterPreferences = "/newsletter/preferences/:token"
        public static let newsletterUnsubscribe = "/newsletter/unsubscribe/:newsletter/:token"
        public static let donate = "/donate"
        public static let donateCheckout = "/donate/checkout"
        public static let apiDonationCard = "/api/v1/donations/:token/card"
        public static let donatePayPalReturn = "/donate/paypal/:token/return"
        public static let donatePayPalCancel = "/donate/paypal/:token/cancel"
        public static let donatePayPalCapture = "/donate/paypal/:token/capture"
        public static let donateThanks = "/donate/thanks/:token"
        public static let donorHome = "/donate/manage/:token"
        public static let donorReceipt = "/donate/manage/:token/receipts/:reference"
        public static let donorAmount = "/donate/manage/:token/gifts/:reference/amount"
        public static let donorCancel = "/donate/manage/:token/gifts/:reference/cancel"
        public static let donorCard = "/donate/manage/:token/gifts/:reference/card"
        public static let apiDonorCard = "/api/v1/donors/:token/gifts/:reference/card"
        public static let supporters = "/supporters"
        public static let webhookStripe = "/api/v1/webhooks/stripe"
        public static let webhookPayPal = "/api/v1/webhooks/paypal"
        public static let health = "/healthz"
        public static let ready = "/readyz"
        public static let preview = "/preview/:id/:token"
    }

    /// The site-relative address, percent-encoded, with the page number only when it is not 1.
    public var path: String {
        switch self {
        case .home: return "/"
        case .article(let slug): return "/\(Self.encodeSegment(slug))/"
        case .section(let slug, let page): return "/section/\(Self.encodeSegment(slug))/" + Self.pageQuery(page, prefix: "?")
        case .author(let slug, let page): return "/author/\(Self.encodeSegment(slug))/" + Self.pageQuery(page, prefix: "?")
        case .tag(let slug, let page): return "/tag/\(Self.encodeSegment(slug))/" + Self.pageQuery(page, prefix: "?")
        case .search(let query, let page):
            return "/search?q=\(Self.encodeQueryValue(query))" + Self.pageQuery(page, prefix: "&")
        case .asset(let file): return "/assets/\(Self.encodeSegment(file))"
        case .media(let file): return "/media/\(Self.encodeSegment(file))"
        case .viewBeacon: return "/api/v1/views"
        case .comments(let slug): return "/\(Self.encodeSegment(slug))/comments"
        case .discussion(let slug, let sort, let after):
            return "/\(Self.encodeSegment(slug))/comments" + Self.discussionQuery(sort: sort, after: after)
        case .commentThread(let slug, let thread, let comment): return CommentLinks(articleSlug: slug).thread(thread, comment: comment)
        case .commentReport(let slug, let comment): return CommentLinks(articleSlug: slug).report(comment)
        case .commentReply(let slug, let comment, let articleID):
            return CommentLinks(articleSlug: slug).reply(comment, articleID: articleID)
        case .apiComments(let slug, let sort, let after):
            return "/api/v1/articles/\(Self.encodeSegment(slug))/comments" + Self.discussionQuery(sort: sort, after: after)
        case .apiLive(let slug): return "/api/v1/articles/\(Self.encodeSegment(slug))/live"
        case .apiCommentVote(let id): return "/api/v1/comments/\(id.rawValue)/vote"
        case .apiCommentFlag(let id): return "/api/v1/comments/\(id.rawValue)/flag"
        case .apiCommentEdit(let id): return "/api/v1/comments/\(id.rawValue)/edit"
        case .apiCommentDelete(let id): return "/api/v1/comments/\(id.rawValue)/delete"
        case .apiCommentToken: return "/api/v1/comment-token"
        case .apiSubscribe(let slug): return "/api/v1/articles/\(Self.encodeSegment(slug))/subscriptions"
        case .readerSignIn(let next):
            return "/readers/sign-in" + (next.map { "?next=" + Self.encodeQueryValue($0, keepSlashes: true) } ?? "")
        case .readerLink(let token): return "/readers/link/\(Self.encodeSegment(token))"
        case .readerSignOut: return "/readers/sign-out"
        case .readerHome: return "/readers/me"
        case .readerData: return "/readers/data"
        case .apiReader: return "/api/v1/reader"
        case .discussionConfirm(let token): return "/discussion/confirm/\(Self.encodeSegment(token))"
        case .discussionStop(let token): return "/discussion/stop/\(Self.encodeSegment(token))"
        case .newsletter: return "/newsletter"
        case .newsletterConfirm(let token): return "/newsletter/confirm/\(Self.encodeSegment(token))"
        case .newsletterPreferences(let token): return "/newsletter/preferences/\(Self.encodeSegment(token))"
        case .newsletterUnsubscribe(let token, let newsletter):
            return "/newsletter/unsubscribe/\(Self.encodeSegment(newsletter))/\(Self.encodeSegment(token))"
        case .donate(let amount, let currency):
            let query = [amount.map { "amount=" + Self.encodeQueryValue($0) }, currency.map { "currency=" + Self.encodeQueryValue($0) }]
                .compactMap { $0 }
            return "/donate/" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        case .donateCheckout: return "/donate/checkout"
        case .apiDonationCard(let token): return "/api/v1/donations/\(Self.encodeSegment(token))/card"
        case .donatePayPalReturn(let token): return "/donate/paypal/\(Self.encodeSegment(token))/return"
        case .donatePayPalCancel(let token): return "/donate/paypal/\(Self.encodeSegment(token))/cancel"
        case .donatePayPalCapture(let token): return "/donate/paypal/\(Self.encodeSegment(token))/capture"
        case .donateThanks(let token): return "/donate/thanks/\(Self.encodeSegment(token))"
        case .donorHome(let token, let done):
            return "/donate/manage/\(Self.encodeSegment(token))" + (done.map { "?done=" + Self.encodeQueryValue($0) } ?? "")
        case .donorReceipt(let token, let reference):
            return "/donate/manage/\(Self.encodeSegment(token))/receipts/\(Self.encodeSegment(reference))"
        case .donorAmount(let token, let reference):
            return "/donate/manage/\(Self.encodeSegment(token))/gifts/\(Self.encodeSegment(reference))/amount"
        case .donorCancel(let token, let reference):
            return "/donate/manage/\(Self.encodeSegment(token))/gifts/\(Self.encodeSegment(reference))/cancel"
        case .donorCard(let token, let reference):
            return "/donate/manage/\(Self.encodeSegment(token))/gifts/\(Self.encodeSegment(reference))/card"
        case .apiDonorCard(let token, let reference):
            return "/api/v1/donors/\(Self.encodeSegment(token))/gifts/\(Self.encodeSegment(reference))/card"
        case .supporters: return "/supporters/"
        case .webhookStripe: return "/api/v1/webhooks/stripe"
        case .webhookPayPal: return "/api/v1/webhooks/paypal"
        case .preview(let id, let token): return "/preview/\(id)/\(Self.encodeSegment(token))"
        case .health: return "/healthz"
        case .ready: return "/readyz"
        }
    }

    /// The address with the site's origin in front ("https://example.org/section/news/").
    public func absolute(siteURL: String) -> String {
        var base = siteURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    static func discussionQuery(sort: CommentSort?, after: Comment.ID?) -> String {
        let parts = [sort.map { "sort=\($0.rawValue)" }, after.map { "after=\($0.rawValue)" }].compactMap { $0 }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    static func pageQuery(_ page: Int, prefix: String) -> String {
        page > 1 ? "\(prefix)page=\(page)" : ""
    }

    /// Characters allowed unescaped in a path segment (RFC 3986 unreserved).
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    public static func encodeSegment(_ text: String) -> String {
        percentEncode(text, spaceAsPlus: false)
    }

    /// A query value; `keepSlashes` leaves `/` as it is (allowed in a query, RFC 3986 §3.4), which
    /// keeps a path passed along (`next=/admin/articles`) readable.
    public static func encodeQueryValue(_ text: String, keepSlashes: Bool = false) -> String {
        percentEncode(text, spaceAsPlus: true, keepSlashes: keepSlashes)
    }

    static func percentEncode(_ text: String, spaceAsPlus: Bool, keepSlashes: Bool = false) -> String {
        func kept(_ byte: UInt8) -> Bool { isUnreserved(byte) || (keepSlashes && byte == UInt8(ascii: "/")) }
        // Over the string's own bytes when it has them together: a discussion page makes 500 links.
        if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(kept) }) ?? text.utf8.allSatisfy(kept) { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepSlashes && byte == UInt8(ascii: "/")) {
                bytes.append(byte)
            } else if byte == UInt8(ascii: " ") && spaceAsPlus {
                bytes.append(UInt8(ascii: "+"))
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension SiteURL {
    /// The links under each comment of one article's discussion, from its slug encoded once: a
    /// page shows hundreds of comments. `path` of `commentThread`, `commentReport` and
    /// `commentReply` is made here too, so the two cannot differ.
    public struct CommentLinks: Equatable, Sendable {
        let comments: String

        public init(articleSlug: String) {
            comments = SiteURL.comments(articleSlug: articleSlug).path
        }

        public func thread(_ thread: Comment.ID, comment: Comment.ID) -> String {
            comments + "?thread=\(thread.rawValue)#comment-\(comment.rawValue)"
        }

        public func report(_ comment: Comment.ID) -> String { comments + "?report=\(comment.rawValue)" }

        public func reply(_ comment: Comment.ID, articleID: Int) -> String {
            comments + "?reply_to=\(comment.rawValue)#respond-\(articleID)"
        }
    }
}
