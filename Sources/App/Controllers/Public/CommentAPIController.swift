import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Persistence
import Routes
import Views

/// The discussion's JSON API (README, "Discussion API"); the page's script uses these same
/// endpoints. Votes and reports also accept the plain forms of the page and answer them with a
/// redirect back to the comment.
enum CommentAPIController {
    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let slug = try SlugParameter.require(context)
        let query = QueryString(request.uri.query)
        let reads = try app.pageReads()
        let (site, article) = try await CommentController.load(slug: slug, on: reads, app: app)
        let sort = try DiscussionReader.sort(query["sort"])
        let after = try await DiscussionReader.cursor(query["after"], article: article.id, on: reads)
        // Read whole: the JSON carries each comment's text, not only its HTML.
        let (model, page) = try await DiscussionReader.load(
            article, sort: sort, after: after, cards: false, site: site, now: app.time.now(), on: reads)
        let body = DiscussionDTO(
            stats: model.bar.stats, sort: sort.rawValue, open: model.isOpen,
            threads: page.threads(levels: site.settings.commentLevels).map(CommentDTO.init), next: model.next?.rawValue,
            nextURL: model.next.map { SiteURL.apiComments(articleSlug: slug, sort: sort, after: $0).path },
            html: DiscussionView.comments(model, model.threads).rendered)
        var response = try Response.json(body)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let slug = try SlugParameter.require(context)
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let input: CommentPosting.Input = try await decode(request)
        let reads = try app.pageReads()
        let (site, article) = try await CommentController.load(slug: slug, on: reads, app: app)
        switch try await CommentPosting.post(input, to: article, site: site, request: request, context: context, app: app) {
        case .refused(let problems, _, let status):
            throw FieldProblems(status: status, title: "Please check your comment", fields: problems)
        case .stored(let comment, let decision, let token):
            let id = comment.id
            var html: String?
            if decision.status == .approved {
                let model = DiscussionReader.frame(article, site: site, now: app.time.now())
                let node = CommentModel(
                    CommentNode(comment: comment, replies: [], depth: comment.depth), excerptWords: site.settings.commentExcerptWords,
                    format: site.format, frame: model.cardFrame)
                html = DiscussionView.comment(model, node).rendered
            }
            let created = CreatedDTO(
                id: id.rawValue, status: decision.status.rawValue, reason: decision.reason, editToken: token,
                editMinutes: site.settings.commentEditMinutes, permalink: SiteURL.article(slug: slug).path + "#comment-\(id.rawValue)",
                html: html)
            var response = try Response.json(created, status: .created)
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }

    @Sendable static func vote(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let id = Comment.ID(try context.requireID("id"))
        let input: VoteInput = try await decode(request)
        guard let value = Int(input.value).flatMap(VoteValue.init) else {
            throw FieldProblems(
                status: .badRequest, title: "Not a vote", fields: ["value": "A vote is 1 (up), -1 (down) or 0 (take it back)."])
        }
        let db = try app.db()
        let voter = try await voterKey(request, context, app)
        guard
            try await RateLimitStore.allow("vote:" + voter, limit: DiscussionLimits.votesPerMinute, window: 60, now: app.time.now(), on: db)
        else {
            throw FieldProblems(
                status: .tooManyRequests, title: "Too many votes",
                fields: ["value": "Too many votes in a minute from your network; wait a little."])
        }
        guard let tally = try await CommentStore.vote(value, on: id, by: voter, at: app.time.now(), on: db),
            let comment = try await CommentStore.find(id, on: db)
        else { throw DomainError.notFound("There is no published comment with that number.") }
        try await app.discussionChanged([comment.articleID], on: db)
        if !wantsJSON(request) { return try await backToComment(comment, app: app, on: db) }
        return try Response.json(VoteDTO(up: tally.up, down: tally.down, score: tally.up - tally.down, mine: tally.mine.rawValue))
    }

    @Sendable static func flag(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let id = Comment.ID(try context.requireID("id"))
        let input: FlagInput = try await decode(request)
        guard let reason = FlagReason(rawValue: input.reason) else {
            throw FieldProblems(
                status: .badRequest, title: "Say why",
                fields: ["reason": "The reason is one of: \(FlagReason.allCases.map(\.rawValue).joined(separator: ", "))."])
        }
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let voter = try await voterKey(request, context, app)
        guard
            try await RateLimitStore.allow("flag:" + voter, limit: DiscussionLimits.flagsPerHour, window: 3600, now: app.time.now(), on: db)
        else {
            throw FieldProblems(
                status: .tooManyRequests, title: "Too many reports", fields: ["reason": "Too many reports from your network this hour."])
        }
        let outcome = try await CommentStore.flag(
            id, reason: reason, note: input.note, by: voter, threshold: site.settings.commentFlagsToHold, at: app.time.now(), on: db)
        guard outcome != .notFound, let comment = try await CommentStore.find(id, on: db) else {
            throw DomainError.notFound("There is no published comment with that number.")
        }
        if outcome == .held { try await app.discussionChanged([comment.articleID], on: db) }
        if !wantsJSON(request) { return try await backToComment(comment, app: app, on: db) }
        let said =
            switch outcome {
            case .held: "held"
            case .alreadyFlagged: "already-reported"
            default: "recorded"
            }
        return try Response.json(FlagDTO(outcome: said, message: "Thank you: a moderator will look at it."))
    }

    @Sendable static func token(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        var response = try Response.json(TokenDTO(token: try await FormToken.make(app: app)))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// One visitor, without a cookie: their network and browser, hashed with the site's key.
    static func voterKey(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> String {
        let network = VisitorFingerprint.network(of: app.clientAddress(request, context))
        return "v:" + (try await app.secret.networkHash(network + "|" + (request.headers[.userAgent] ?? ""), on: try app.db()))
    }

    static func wantsJSON(_ request: Request) -> Bool {
        (request.headers[.contentType] ?? "").contains("application/json") || (request.headers[.accept] ?? "").contains("application/json")
    }

    static func backToComment(_ comment: Comment, app: AppServices, on db: any Database) async throws -> Response {
        let slug = try await ArticleStore.slugs(of: [comment.articleID], on: db)[comment.articleID] ?? ""
        return Response(
            status: .seeOther,
            headers: [.location: SiteURL.article(slug: slug).path + "#comment-\(comment.id.rawValue)", .cacheControl: "no-store"])
    }

    /// The body as JSON or as a form, whichever it says it is; anything unreadable is a 400.
    static func decode<T: Decodable & FormDecodable>(_ request: Request) async throws -> T {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw FieldProblems(status: .badRequest, title: "Not text", fields: ["body": "The request is not valid UTF-8 text."])
        }
        if (request.headers[.contentType] ?? "").contains("application/json") {
            do {
                return try JSONDecoder().decode(T.self, from: Data(text.utf8))
            } catch {
                throw FieldProblems(
                    status: .badRequest, title: "Not JSON", fields: ["body": "The request body is not the JSON this endpoint takes."])
            }
        }
        return T(form: QueryString(Substring(text)))
    }
}

/// Request bodies that also come as plain forms.
protocol FormDecodable {
    init(form: QueryString)
}

extension CommentPosting.Input: FormDecodable {}

struct VoteInput: Decodable, FormDecodable {
    var value: String

    init(form: QueryString) { value = form["value"] ?? "" }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let number = try? container.decode(Int.self, forKey: .value) {
            value = String(number)
        } else {
            value = (try? container.decode(String.self, forKey: .value)) ?? ""
        }
    }

    enum CodingKeys: String, CodingKey { case value }
}

struct FlagInput: Decodable, FormDecodable {
    var reason: String
    var note: String

    init(form: QueryString) {
        reason = form["reason"] ?? ""
        note = form["note"] ?? ""
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reason = (try? container.decode(String.self, forKey: .reason)) ?? ""
        note = (try? container.decode(String.self, forKey: .note)) ?? ""
    }

    enum CodingKeys: String, CodingKey { case reason, note }
}

struct CommentDTO: Encodable {
    let id: Int
    let parent: Int?
    let thread: Int
    let depth: Int
    let author: String
    let guest: Bool
    let staff: Bool
    let createdAt: String
    let edited: Bool
    let html: String
    let up: Int
    let down: Int
    let score: Int
    let pinned: Bool
    let replies: [CommentDTO]

    init(_ node: CommentNode) {
        let comment = node.comment
        id = comment.id.rawValue
        parent = comment.parentID?.rawValue
        thread = comment.threadID.rawValue
        depth = node.depth
        author = comment.authorName
        guest = comment.isGuest
        staff = comment.isStaff
        createdAt = DisplayFormat.iso8601(comment.createdAt)
        edited = comment.editedAt != nil
        html = comment.bodyHTML
        up = comment.upvotes
        down = comment.downvotes
        score = comment.score
        pinned = comment.pinned
        replies = node.replies.map(CommentDTO.init)
    }
}

struct DiscussionDTO: Encodable {
    let stats: DiscussionStats
    let sort: String
    let open: Bool
    let threads: [CommentDTO]
    let next: Int?
    let nextURL: String?
    /// The threads as the page shows them.
    let html: String
}

struct CreatedDTO: Encodable {
    let id: Int
    let status: String
    let reason: String?
    let editToken: String
    let editMinutes: Int
    let permalink: String
    let html: String?
}

struct VoteDTO: Encodable {
    let up: Int
    let down: Int
    let score: Int
    let mine: Int
}

struct FlagDTO: Encodable {
    let outcome: String
    let message: String
}

struct TokenDTO: Encodable {
    let token: String
}
