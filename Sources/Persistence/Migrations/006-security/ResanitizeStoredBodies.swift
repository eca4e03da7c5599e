import Domain
import FluentKit
import Foundation
import SQLKit

/// How bodies are rendered from their Markdown today. Rendering lives in the Views module, which
/// Persistence does not see, so the app hands these in when it registers the migrations.
public struct BodyRenderers: Sendable {
    /// An article or page body: sanitised HTML, plain text and word count.
    public var article: @Sendable (String) -> RenderedBody
    /// A hand-written newsletter edition: mail HTML and its text part.
    public var edition: @Sendable (String) -> (html: String, text: String)

    public init(
        article: @escaping @Sendable (String) -> RenderedBody, edition: @escaping @Sendable (String) -> (html: String, text: String)
    ) {
        self.article = article
        self.edition = edition
    }
}

/// Bodies stored before the sanitiser existed may hold script, frames, forms or event handlers:
/// renders every article, page and hand-written edition again from its Markdown, so what is
/// stored passes the allow-list. Digests are assembled by us from escaped titles and stay.
/// Reverting keeps the sanitised bodies: there is nothing unsafe to go back to.
struct ResanitizeStoredBodies: AsyncMigration {
    let renderers: BodyRenderers
    static let batchSize = 200

    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        try await forEachRow("SELECT id, body_markdown FROM articles", markdown: "body_markdown", on: sql) { id, markdown in
            let body = renderers.article(markdown)
            try await sql.raw(
                """
                UPDATE articles SET body_html = \(bind: body.html), body_text = \(bind: body.text), word_count = \(bind: body.wordCount)
                WHERE id = \(bind: id)
                """
            ).run()
        }
        try await forEachRow("SELECT id, body_markdown FROM pages", markdown: "body_markdown", on: sql) { id, markdown in
            try await sql.raw("UPDATE pages SET body_html = \(bind: renderers.article(markdown).html) WHERE id = \(bind: id)").run()
        }
        try await forEachRow("SELECT id, markdown FROM editions WHERE kind = 'manual'", markdown: "markdown", on: sql) { id, markdown in
            let body = renderers.edition(markdown)
            try await sql.raw("UPDATE editions SET body_html = \(bind: body.html), body_text = \(bind: body.text) WHERE id = \(bind: id)")
                .run()
        }
    }

    func revert(on database: any Database) async throws {}

    /// Walks a table in id order, a batch at a time, so a large site is not read into memory.
    func forEachRow(
        _ select: String, markdown column: String, on sql: any SQLDatabase, _ body: (Int, String) async throws -> Void
    ) async throws {
        var after = 0
        while true {
            let filter = select.contains("WHERE") ? " AND" : " WHERE"
            let rows = try await sql.raw(
                SQLQueryString(select + filter + " id > ") + "\(bind: after) ORDER BY id LIMIT \(unsafeRaw: String(Self.batchSize))"
            ).all()
            for row in rows {
                after = try row.decode(column: "id", as: Int.self)
                try await body(after, try row.decode(column: column, as: String.self))
            }
            if rows.count < Self.batchSize { return }
        }
    }
}
