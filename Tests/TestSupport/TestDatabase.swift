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
            try await PostgresAdmin.shared.run("CREATE DATABASE \(name)", adminURL: admin)
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

    func run(_ statement: String, adminURL: String) async throws {
        if service == nil {
            var logger = Logger(label: "test-admin")
            logger.logLevel = .warning
            service = try DatabaseService(url: adminURL, logger: logger)
        }
        guard let sql = try service?.db as? any SQLDatabase else { return }
        try await sql.raw(SQLQueryString(statement)).run()
    }
}

/// Runs `body` with a freshly migrated database, then drops it.
public func withDatabase<Value>(_ body: (any Database, DatabaseService) async throws -> Value) async throws -> Value {
    let database = try await TestDatabase.make()
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    let service = try DatabaseService(url: database.url, logger: logger)
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
