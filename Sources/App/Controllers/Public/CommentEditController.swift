import Domain
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// A guest edits or deletes their own comment within the site's window, proving it is theirs by
/// the signed token their browser kept when they posted it.
enum CommentEditController {
    @Sendable static func edit(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let input: EditInput = try await CommentAPIController.decode(request)
        let (comment, site) = try await ownComment(request, context, token: input.editToken, app: app)
        let submission = CommentSubmission(name: "-", email: "a@b.c", body: input.body, parentID: nil, honeypot: "")
        if let problem = submission.problems()["body"] {
            throw FieldProblems(status: .unprocessableContent, title: "Please check your comment", fields: ["body": problem])
        }
        let body = CommentText.render(submission.body)
        let decision = ModerationDecision.decide(
            text: submission.body, links: ModerationDecision.linkCount(body.html),
            context: CommentContext(knownCommenter: true, articleMode: .post), policy: site.settings.moderationPolicy())
        let db = try app.db()
        try await CommentStore.edit(
            comment.id, body: body, hold: decision.status == .approved ? nil : "Edited by its author: \(decision.reason ?? "")",
            excerptWords: site.settings.commentExcerptWords, at: app.time.now(), on: db)
        try await app.discussionChanged([comment.articleID], on: db)
        var response = try Response.json(
            EditedDTO(html: body.html, status: decision.status == .approved ? comment.status.rawValue : "pending"))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    @Sendable static func delete(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        let input: EditInput = try await CommentAPIController.decode(request)
        let (comment, _) = try await ownComment(request, context, token: input.editToken, app: app)
        let db = try app.db()
        let touched = try await CommentStore.setStatus([comment.id], to: .trash, reason: "Deleted by its author", on: db)
        try await app.discussionChanged(touched, on: db)
        return Response(status: .noContent, headers: [.cacheControl: "no-store"])
    }

    /// The comment, when the token is its own and the window is still open.
    static func ownComment(_ request: Request, _ context: AppRequestContext, token: String, app: AppServices) async throws
        -> (Comment, SiteState.Snapshot)
    {
        let id = Comment.ID(try context.requireID("id"))
        let db = try app.db()
        guard let comment = try await CommentStore.find(id, on: db), comment.status != .trash, comment.status != .spam else {
            throw DomainError.notFound("There is no comment with that number.")
        }
        guard try await EditToken.verify(token, for: id, app: app) else {
            throw FieldProblems(
                status: .forbidden, title: "Not yours to change",
                fields: ["editToken": "Only the browser that posted this comment can change it."])
        }
        let site = try await app.site.current(on: db)
        let minutes = site.settings.commentEditMinutes
        guard app.time.now().timeIntervalSince(comment.createdAt) <= Double(minutes) * 60 else {
            throw FieldProblems(
                status: .forbidden, title: "Too late to change",
                fields: ["editToken": "Comments can be changed for \(minutes) minutes after posting; ask a moderator for anything later."])
        }
        return (comment, site)
    }
}

struct EditInput: Decodable, FormDecodable {
    var body: String
    var editToken: String

    init(form: QueryString) {
        body = form["body"] ?? ""
        editToken = form["editToken"] ?? ""
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        body = (try? container.decode(String.self, forKey: .body)) ?? ""
        editToken = (try? container.decode(String.self, forKey: .editToken)) ?? ""
    }

    enum CodingKeys: String, CodingKey { case body, editToken }
}

struct EditedDTO: Encodable {
    let html: String
    let status: String
}
