import FluentKit

/// A comment as the page shows it (avatar, name, badges, time and text), rendered from its
/// fields, with the key of the settings and markup it was rendered for: a discussion's first page
/// then reads one column per comment instead of rendering ten.
struct UpdateCommentsAddCard: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.addColumns(to: "comments", [("card_html", .string, []), ("card_key", .string, [])])
    }

    func revert(on database: any Database) async throws {
        try await database.dropColumns(from: "comments", ["card_html", "card_key"])
    }
}
