import Domain
import FluentKit
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// A new comment, from the page's form or the API: checked, placed in its thread, moderated by
/// the site's rules (every hold with its reason), stored with the bar's figures, and announced.
enum CommentPosting {
    /// What a reader sent.
    struct Input: Sendable, Decodable {
        var name: String = ""
        var email: String = ""
        var body: String = ""
        var parent: String = ""
        var website: String = ""
        var token: String = ""
        /// "on": mail me replies to this comment (confirmed by mail first).
        var notify: String = ""

        init(form values: QueryString) {
            name = values["name"] ?? ""
            email = values["email"] ?? ""
            body = values["body"] ?? ""
            parent = values["parent"] ?? ""
            website = values["website"] ?? ""
            token = values["token"] ?? ""
            notify = values["notify"] ?? ""
        }

        /// From JSON: every field optional, `parent` a number or a string.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
            email = try container.decodeIfPresent(String.self, forKey: .email) ?? ""
            body = try container.decodeIfPresent(String.self, forKey: .body) ?? ""
            website = try container.decodeIfPresent(String.self, forKey: .website) ?? ""
            token = try container.decodeIfPresent(String.self, forKey: .token) ?? ""
            if let flag = try? container.decodeIfPresent(Bool.self, forKey: .notify) {
                notify = flag ? "on" : ""
            } else {
                notify = try container.decodeIfPresent(String.self, forKey: .notify) ?? ""
            }
            if let number = try? container.decodeIfPresent(Int.self, forKey: .parent) {
                parent = String(number)
            } else {
                parent = try container.decodeIfPresent(String.self, forKey: .parent) ?? ""
            }
        }

        enum CodingKeys: String, CodingKey {
            case name, email, body, parent, website, token, notify
        }
    }

    enum Outcome: Sendable {
        /// The comment as stored (not read back: the insert is all there is to know of it).
        case stored(Comment, decision: ModerationDecision, editToken: String)
        /// Field → what to fix; the reader's text goes back to them untouched.
        case refused(problems: [String: String], submission: CommentSubmission, status: HTTPResponse.Status)
    }

    static func post(
        _ input: Input, to article: Article, site: SiteState.Snapshot, request: Request, context: AppRequestContext, app: AppServices
    ) async throws -> Outcome {
        let db = try app.db()
        // The checks before the insert only read: on SQLite they run on the page reader, beside
        // the one writer instead of queued behind it.
        let reads = try app.pageReads()
        let now = app.time.now()
        let parentNumber = input.parent.isEmpty ? nil : Int(input.parent)
        // A signed-in reader comments under their account's name and address.
        let reader = try await ReaderController.signedIn(request, app)
        var submission = CommentSubmission(
            name: reader?.name ?? input.name, email: reader?.email ?? input.email, body: input.body,
            parentID: parentNumber.map(Comment.ID.init),
            honeypot: input.website)
        var problems = submission.problems()
        func refuse(_ field: String, _ message: String, status: HTTPResponse.Status = .unprocessableContent) -> Outcome {
            problems[field] = message
            return .refused(problems: problems, submission: submission, status: status)
        }
        let openness = DiscussionReader.openness(article, settings: site.settings, now: now)
        guard openness.open else { return refuse("body", openness.note + " Your text is kept below.", status: .forbidden) }
        if !input.parent.isEmpty && (parentNumber ?? 0) <= 0 {
            return refuse("parent", "The comment you reply to must be given by its number.")
        }
        var placement = CommentPlacement.newThread
        if let parent = submission.parentID {
            guard
                let found = try await CommentStore.placement(
                    replyingTo: parent, article: article.id, levels: site.settings.commentLevels, on: reads)
            else {
                submission.parentID = nil
                return refuse(
                    "parent",
                    "The comment you replied to is not part of this discussion (or no longer shown). Your text is kept below; post it as a new comment."
                )
            }
            placement = found
        }
        var seconds: Int?
        if !input.token.isEmpty {
            guard let issued = try await FormToken.issuedAt(input.token, app: app) else {
                return refuse("body", "This form is too old to send. Your text is kept: send it again.", status: .forbidden)
            }
            seconds = Int(now.timeIntervalSince(issued))
        }
        guard problems.isEmpty else { return .refused(problems: problems, submission: submission, status: .unprocessableContent) }

        let network = try await app.secret.networkHash(VisitorFingerprint.network(of: app.clientAddress(request, context)), on: db)
        if let ban = try await CommentBanStore.active(email: submission.email, network: network, reader: reader?.id, now: now, on: reads) {
            let until = ban.until.map { " until \(site.format.dateTime($0))" } ?? ""
            return refuse("body", "You cannot comment on this site\(until). Your text is kept below.", status: .forbidden)
        }
        let limits = [(DiscussionLimits.commentsPerMinute, 60.0, "minute"), (DiscussionLimits.commentsPerHour, 3600.0, "hour")]
        let history = try await CommentStore.postingHistory(
            email: submission.email, network: network, body: submission.body, article: article.id,
            since: now.addingTimeInterval(-DiscussionLimits.repeatWindow), windows: limits.map(\.1), now: now, on: reads)
        guard zip(history.fromNetwork, limits).allSatisfy({ $0 < $1.0 }) else {
            return refuse(
                "body",
                "Too many comments from your network in a short time (at most \(limits.map { "\($0.0) per \($0.2)" }.joined(separator: ", "))). Your text is kept: wait a little and send it again.",
                status: .tooManyRequests)
        }
        if history.repeated {
            return refuse("body", "You posted this same comment here already.", status: .conflict)
        }
        let body = CommentText.render(submission.body)
        let context = CommentContext(
            knownCommenter: history.knownCommenter, signedIn: reader != nil, secondsToFill: seconds,
            honeypotFilled: !submission.honeypot.isEmpty, articleMode: article.commentMode)
        let decision = ModerationDecision.decide(
            text: submission.body, links: ModerationDecision.linkCount(body.html), context: context,
            policy: site.settings.moderationPolicy())
        let comment = try await CommentStore.store(
            .init(
                article: article.id, placement: placement, authorName: submission.name, authorEmail: submission.email,
                isGuest: reader == nil,
                readerID: reader?.id, body: body, decision: decision, networkHash: network, at: now,
                excerptWords: site.settings.commentExcerptWords), on: try app.discussionWrites())
        let id = comment.id
        app.discussionActivity.recordPost()
        if decision.status == .approved {
            app.discussionChanged(article)
            try await DiscussionNotifier.published([id], approvedByModerator: false, app: app)
        } else if decision.status == .pending {
            try await DiscussionNotifier.held(app: app)
        }
        if input.notify == "on", decision.status != .spam {
            try await DiscussionSubscriptionController.requestConfirmation(
                article: article, comment: id, kind: .comment, email: submission.email, app: app, on: db)
        }
        return .stored(comment, decision: decision, editToken: try await EditToken.make(for: id, app: app))
    }
}

/// A signed moment, put into the comment form by the page's script after load (never into
/// cached HTML): it proves the form came from this site and says how long the reader took.
enum FormToken {
    static let lifetime: TimeInterval = 86_400

    static func make(app: AppServices) async throws -> String {
        let moment = String(Int(app.time.now().timeIntervalSince1970))
        return moment + "." + (try await app.secret.sign("comment-form:" + moment, on: try app.db()))
    }

    /// When the token was issued, or nil when it is forged or too old.
    static func issuedAt(_ token: String, app: AppServices) async throws -> Date? {
        let parts = token.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, parts[0].count <= 12, let seconds = Int(parts[0]),
            try await app.secret.verify(String(parts[1]), for: "comment-form:" + parts[0], on: try app.db())
        else { return nil }
        let issued = Date(timeIntervalSince1970: TimeInterval(seconds))
        guard app.time.now().timeIntervalSince(issued) < lifetime else { return nil }
        return issued
    }
}

/// What lets a guest edit or delete their own comment for a while: a signature of its number,
/// kept by their browser, never a guessable id.
enum EditToken {
    static func make(for id: Comment.ID, app: AppServices) async throws -> String {
        try await app.secret.sign("comment-edit:\(id.rawValue)", on: try app.db())
    }

    static func verify(_ token: String, for id: Comment.ID, app: AppServices) async throws -> Bool {
        guard !token.isEmpty, token.count < 100 else { return false }
        return try await app.secret.verify(token, for: "comment-edit:\(id.rawValue)", on: try app.db())
    }
}
