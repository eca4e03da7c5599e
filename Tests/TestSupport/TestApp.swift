import App
import Domain
import FluentKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// An application wired for a test: a fresh database, a temporary data folder, a clock the test
/// controls, no sample content and no background flushing (tests flush when they want).
public struct TestApp: Sendable {
    public let services: AppServices
    public let time: MutableTime
    let database: TestDatabase
    let dataDirectory: String

    public static func make(
        pageCache: Bool = true, sampleContent: Bool = false, configure: (inout AppConfiguration) -> Void = { _ in }
    ) async throws -> TestApp {
        let database = try await TestDatabase.make()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-data-\(UUID().uuidString)").path
        var config = AppConfiguration()
        config.databaseURL = database.url
        config.dataDirectory = folder
        config.sampleContent = sampleContent
        config.pageCacheEnabled = pageCache
        config.siteURL = "https://news.example.org"
        config.viewFlushInterval = .seconds(3600)
        config.logLevel = .warning
        config.bcryptCost = 4
        config.backgroundMail = false
        configure(&config)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let time = MutableTime()
        let services = try AppServices.make(config, time: time, logger: logger)
        try await services.database.migrate()
        return TestApp(services: services, time: time, database: database, dataDirectory: folder)
    }

    public func db() throws -> any Database { try services.db() }

    /// A new application on the same database and data folder as `app` (a restart).
    public static func reopen(_ app: TestApp, config: AppConfiguration) async throws -> TestApp {
        let services = try AppServices.make(config, time: app.time, logger: app.services.logger)
        return TestApp(services: services, time: app.time, database: app.database, dataDirectory: app.dataDirectory)
    }

    /// Where this test's database lives (to reconnect after the app has stopped).
    public var databaseURL: String { database.url }

    /// Runs `body` against the running application (router or live HTTP), then cleans up.
    /// With `keepData`, the database outlives the run; call `cleanUp()` when done with it.
    public func run<Value: Sendable>(
        _ setup: TestingSetup = .router, keepData: Bool = false,
        onFirstRun: @escaping @Sendable (FirstRunReport) -> Void = { _ in },
        _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let app = buildApplication(services: services, onFirstRun: onFirstRun)
        do {
            let value = try await app.test(setup, body)
            if !keepData { try await cleanUp() }
            return value
        } catch {
            try? await cleanUp()
            throw error
        }
    }

    public func cleanUp() async throws {
        await services.database.shutdown()
        try await database.drop()
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }
}

/// Runs `body` with a fresh test application.
public func withApp<Value: Sendable>(
    _ setup: TestingSetup = .router, pageCache: Bool = true,
    fixtures: (TestApp) async throws -> Void = { _ in },
    _ body: @Sendable (any TestClientProtocol, TestApp) async throws -> Value
) async throws -> Value {
    let app = try await TestApp.make(pageCache: pageCache)
    do {
        try await fixtures(app)
    } catch {
        try? await app.cleanUp()
        throw error
    }
    return try await app.run(setup) { client in try await body(client, app) }
}
