import FluentKit
import SQLKit

/// Full-text search over articles: the one place where SQLite and PostgreSQL need different SQL.
/// SQLite gets an FTS5 table kept in step by triggers; PostgreSQL a weighted, generated
/// `tsvector` column with a GIN index. Both stem English words and weigh the title highest.
struct CreateArticleSearchIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        switch try database.flavor() {
        case .sqlite:
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE articles_fts USING fts5(
                    title, standfirst, body_text,
                    content='articles', content_rowid='id',
                    tokenize='porter unicode61 remove_diacritics 2')
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                    INSERT INTO articles_fts(rowid, title, standfirst, body_text)
                    VALUES (new.id, new.title, new.standfirst, new.body_text);
                END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                    INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, body_text)
                    VALUES ('delete', old.id, old.title, old.standfirst, old.body_text);
                END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, standfirst, body_text ON articles BEGIN
                    INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, body_text)
                    VALUES ('delete', old.id, old.title, old.standfirst, old.body_text);
                    INSERT INTO articles_fts(rowid, title, standfirst, body_text)
                    VALUES (new.id, new.title, new.standfirst, new.body_text);
                END
                """
            ).run()
            try await sql.raw("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')").run()
        case .postgres:
            try await sql.raw(
                """
                ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                    setweight(to_tsvector('english', coalesce(standfirst, '')), 'B') ||
                    setweight(to_tsvector('english', coalesce(body_text, '')), 'C')) STORED
                """
            ).run()
            try await sql.raw("CREATE INDEX articles_search_idx ON articles USING GIN (search_vector)").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        switch try database.flavor() {
        case .sqlite:
            for trigger in ["articles_fts_insert", "articles_fts_delete", "articles_fts_update"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger)").run()
            }
            try await sql.raw("DROP TABLE IF EXISTS articles_fts").run()
        case .postgres:
            try await sql.raw("DROP INDEX IF EXISTS articles_search_idx").run()
            try await sql.raw("ALTER TABLE articles DROP COLUMN IF EXISTS search_vector").run()
        }
    }
}
