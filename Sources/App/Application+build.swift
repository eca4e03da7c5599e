import Domain
import Foundation
import Hummingbird
import Logging
import Persistence
import Routes
import ServiceLifecycle

/// Builds the whole application; `gazette serve` runs it and the tests call the same function.
/// Migrations run (and, on an empty database, the sample newsroom is seeded) before the server
/// accepts its first request.
public func buildApplication(
    _ config: AppConfiguration, time: any TimeSource = SystemTime(), logger: Logger? = nil,
    onFirstRun: @escaping @Sendable (FirstRunReport) -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: "gazette")
    logger.logLevel = config.logLevel
    return buildApplication(services: try AppServices.make(config, time: time, logger: logger), onFirstRun: onFirstRun)
}

/// Builds the application around services made beforehand (tests reach into them).
public func buildApplication(
    services: AppServices, onFirstRun: @escaping @Sendable (FirstRunReport) -> Void = { _ in }
) -> some ApplicationProtocol {
    let config = services.config
    let logger = services.logger
    let router = Router(context: AppRequestContext.self, options: [.autoGenerateHeadEndpoints])
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware(services: services))
    registerRoutes(router, services)

    var app = Application(
        responder: CachedPageResponder(inner: router.buildResponder(), cache: services.cache),
        configuration: .init(address: .hostname(config.hostname, port: config.port), serverName: nil),
        services: [services.database, services.views, PublishScheduler(services: services, interval: .seconds(30))],
        logger: logger)
    app.beforeServerStarts {
        try await services.database.migrate()
        let db = try services.db()
        if config.sampleContent, let report = try await SampleNewsroom.seedIfEmpty(services: services) {
            onFirstRun(report)
        }
        try await services.site.refreshTrending(on: db)
        services.ready.open()
    }
    return app
}

/// Every route, registered from the typed site map.
func registerRoutes(_ router: Router<AppRequestContext>, _ app: AppServices) {
    router.get(RouterPath(SiteURL.Pattern.home)) { try await HomeController.index($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.search)) { try await SearchController.index($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.section)) { try await ListingController.section($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.author)) { try await ListingController.author($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.tag)) { try await ListingController.tag($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.asset)) { try await AssetController.asset($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.media)) { try await AssetController.media($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.health)) { try await HealthController.show($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.viewBeacon)) { try await ViewBeaconController.create($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.comments)) { try await CommentController.show($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.comments)) { try await CommentController.create($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.article)) { try await ArticleController.show($0, $1, app) }
}

extension AppServices {
    /// Creates the shared services from the configuration.
    public static func make(_ config: AppConfiguration, time: any TimeSource, logger: Logger) throws -> AppServices {
        let database = try DatabaseService(url: config.databaseURL, logger: logger)
        let assets = try AssetStore.bundled()
        let site = SiteState(siteURL: config.siteURL, assets: assets, time: time)
        let views = ViewCounter(database: database, time: time, interval: config.viewFlushInterval, logger: logger) {
            do {
                try await site.refreshTrending(on: try database.db)
            } catch {
                logger.error("Could not refresh Trending", metadata: ["error": "\(error)"])
            }
        }
        return AppServices(
            config: config, database: database,
            cache: PageCache(enabled: config.pageCacheEnabled, ttl: config.pageCacheTTL, time: time, logger: logger),
            site: site, views: views, assets: assets, time: time, logger: logger, ready: StartupGate())
    }
}

/// What the first start on an empty database created, printed once for the owner.
public struct FirstRunReport: Sendable {
    public let ownerEmail: String
    public let ownerPassword: String
    public let articles: Int
}
