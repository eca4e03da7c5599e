import FluentKit
import SQLKit

/// Two reads of every discussion's first page that walked the whole discussion: its pinned
/// threads (no index named `pinned`, so every thread of the article was read to find none) and
/// the bar's most reacted comment (the index ran by reactions upwards, so the tie-break on the
/// id sorted every comment with a reaction). Each now reads only the rows it returns.
struct IndexDiscussionFirstPage: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.create(index: "comments_pinned_idx").on("comments")
            .column("article_id").column("status").column("depth").column("pinned").column("created_at").column("id").run()
        try await sql.drop(index: "comments_reactions_idx").run()
        try await sql.raw("CREATE INDEX comments_reactions_idx ON comments (article_id, status, reactions DESC, id)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.drop(index: "comments_pinned_idx").run()
        try await sql.drop(index: "comments_reactions_idx").run()
        try await sql.create(index: "comments_reactions_idx").on("comments").column("article_id").column("status").column("reactions").run()
    }
}
