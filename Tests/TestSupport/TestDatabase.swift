import App
import FluentKit
import Foundation
import Logging
import SQLKit

/// A fresh, empty database for one test: a temporary SQLite file by default, or, when
/// `DATABASE_URL` names a PostgreSQL server, a new database on it that is dropped afterwards.
public struct TestDatabase: Sendable {
    public let url: String
    let cleanup: @Sendable () async throws -> Void

    /// Whether this run targets PostgreSQL.
    public static var isPostgres: Bool { adminURL != nil }

    static let adminURL: String? = {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") else { return nil }
        return url
    }()

    public static func make() async throws -> TestDatabase {
        if let admin = adminURL {
            let name = "gazette_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
            try await PostgresAdmin.shared.createMigrated(name, adminURL: admin)
            let url = replacingDatabase(in: admin, with: String(name))
            return TestDatabase(url: url) {
                try await PostgresAdmin.shared.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", adminURL: admin)
            }
        }
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazette-test-\(UUID().uuidString).sqlite").path
        return TestDatabase(url: "sqlite:\(path)") {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }

    public func drop() async throws {
        try await cleanup()
    }

    /// The same server URL pointing at another database.
    static func replacingDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + name
        return components.string ?? url
    }
}

/// Runs administrative statements (CREATE/DROP DATABASE) on the PostgreSQL server, one at a time.
actor PostgresAdmin {
    static let shared = PostgresAdmin()
    private var service: DatabaseService?

    /// The statement before this one; each waits for its predecessor. (An actor alone does not
    /// serialise them: it is re-entered at every `await`, and a whole parallel suite queueing on
    /// the pool instead ran past the pool's 10-second request timeout, since PostgreSQL creates
    /// databases one at a time anyway.)
    private var previous: Task<Void, Never>?

    func run(_ statement: String, adminURL: String) async throws {
        if service == nil {
            var logger = Logger(label: "test-admin")
            logger.logLevel = .warning
            service = try DatabaseService(url: adminURL, siteURL: "https://news.example.org", logger: logger)
        }
        guard let sql = try service?.db as? any SQLDatabase else { return }
        let before = previous
        let current = Task {
            await before?.value
            return try await sql.raw(SQLQueryString(statement)).run()
        }
        previous = Task { _ = await current.result }
        try await current.value
    }

    /// Migrates this run's template database, once: every caller awaits the same task (the actor
    /// is re-entered while the migration runs).
    private var templateReady: Task<Void, any Error>?
    static let template = "gazette_test_template"

    /// Creates database `name` as a copy of a template migrated once per test run. Copying is far
    /// cheaper than running every migration for each of the suite's parallel tests, which on a
    /// cold two-core cluster made connection requests wait past the pool's timeout.
    func createMigrated(_ name: String, adminURL: String) async throws {
        let preparation = templateReady ?? Task { try await prepareTemplate(adminURL: adminURL) }
        templateReady = preparation
        try await preparation.value
        try await run("CREATE DATABASE \(name) TEMPLATE \(Self.template)", adminURL: adminURL)
    }

    private func prepareTemplate(adminURL: String) async throws {
        try await run("DROP DATABASE IF EXISTS \(Self.template) WITH (FORCE)", adminURL: adminURL)
        try await run("CREATE DATABASE \(Self.template)", adminURL: adminURL)
        var logger = Logger(label: "test-template")
        logger.logLevel = .warning
        let migrator = try DatabaseService(
            url: TestDatabase.replacingDatabase(in: adminURL, with: Self.template), siteURL: "https://news.example.org", logger: logger)
        do {
            try await migrator.migrate()
            await migrator.shutdown()
        } catch {
            await migrator.shutdown()
            throw error
        }
        // A template cannot be copied while anyone is connected to it; the migrator's
        // connections may still be closing.
        try await run(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(Self.template)' AND pid <> pg_backend_pid()",
            adminURL: adminURL)
    }
}

/// Runs `body` with a freshly migrated database, then drops it.
public func withDatabase<Value>(_ body: (any Database, DatabaseService) async throws -> Value) async throws -> Value {
    let database = try await TestDatabase.make()
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    let service = try DatabaseService(url: database.url, siteURL: "https://news.example.org", logger: logger)
    do {
        try await service.migrate()
        let value = try await body(try service.db, service)
        await service.shutdown()
        try await database.drop()
        return value
    } catch {
        await service.shutdown()
        try? await database.drop()
        throw error
    }
}
