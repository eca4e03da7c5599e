import Domain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Persistence
import Routes
import ServiceLifecycle
import Views

/// `GET /api/v1/articles/{slug}/live`: Server-Sent Events for readers on an article. Each newly
/// approved comment arrives as an event (its id, where it goes, and its HTML); a reconnecting
/// browser sends `Last-Event-ID` and gets what it missed. Streams are bounded in number, send a
/// comment line as heartbeat, and end when the server shuts down.
enum LiveController {
    /// Most comments sent in one wake-up (the page offers "show" for them).
    static let batch = 50

    @Sendable static func stream(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let slug = try SlugParameter.require(context)
        let db = try app.db()
        let (site, article) = try await CommentController.load(slug: slug, on: db, app: app)
        let last: Comment.ID
        if let header = request.headers[.lastEventID] {
            guard header.count <= 12, let number = Int(header), number >= 0 else {
                throw DomainError.invalidInput(field: "Last-Event-ID", message: "Last-Event-ID must be the id of the last event received.")
            }
            last = .init(number)
        } else {
            last = try await CommentStore.latestID(on: db)
        }
        guard let (id, signals) = app.live.open(article.id) else {
            var response = try Response.json(
                Problem(status: .serviceUnavailable, title: "Too many readers", detail: "Live updates are busy; the page still works.")
                    .body,
                status: .serviceUnavailable)
            response.headers[.retryAfter] = "30"
            return response
        }
        let model = DiscussionReader.frame(article, site: site, now: app.time.now())
        let resume = request.headers[.lastEventID] != nil
        let body = ResponseBody { writer in
            defer { app.live.close(id) }
            try await writer.write(ByteBuffer(string: "retry: 3000\n: connected\n\n"))
            var cursor = last
            func sendNew() async throws {
                let after = cursor
                let events = try await app.live.events(article: article.id, after: after) {
                    try await CommentStore.approved(article: article.id, after: after, limit: batch, on: try app.db()).map { comment in
                        let node = CommentModel(
                            CommentNode(comment: comment, replies: [], depth: comment.depth),
                            excerptWords: site.settings.commentExcerptWords, format: site.format, frame: model.cardFrame)
                        let event = LiveEventDTO(
                            id: comment.id.rawValue, parent: comment.parentID?.rawValue, thread: comment.threadID.rawValue,
                            html: DiscussionView.comment(model, node).rendered)
                        let encoder = JSONEncoder()
                        encoder.outputFormatting = [.withoutEscapingSlashes]
                        let data = String(decoding: try encoder.encode(event), as: UTF8.self)
                        return DiscussionLive.Event(id: comment.id, text: "id: \(comment.id.rawValue)\nevent: comment\ndata: \(data)\n\n")
                    }
                }
                for event in events {
                    try await writer.write(ByteBuffer(string: event.text))
                    cursor = event.id
                }
            }
            if resume { try await sendNew() }
            for await signal in signals.cancelOnGracefulShutdown() {
                switch signal {
                case .heartbeat: try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                case .changed: try await sendNew()
                }
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store", .xAccelBuffering: "no"],
            body: body)
    }
}

struct LiveEventDTO: Encodable {
    let id: Int
    let parent: Int?
    let thread: Int
    let html: String
}
