import Domain
import Foundation
import Hummingbird
import Logging
import Mail
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
    let router = makeRouter(services: services).router

    var app = Application(
        responder: CachedPageResponder(inner: router.buildResponder(), cache: services.cache),
        configuration: .init(address: .hostname(config.hostname, port: config.port), serverName: nil),
        services: [services.database, services.views, PublishScheduler(services: services, interval: .seconds(30))]
            + (config.backgroundMail
                ? [MailWorker(services: services, transport: services.mailTransport), NewsletterScheduler(services: services)] : []),
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

/// The router with every route, and the access rules of the back-office routes (which tests
/// walk for every role).
public func makeRouter(services: AppServices) -> (router: Router<AppRequestContext>, adminRules: [AdminRule]) {
    let router = Router(context: AppRequestContext.self, options: [.autoGenerateHeadEndpoints])
    router.add(middleware: SecurityHeadersMiddleware(headers: services.cache.security))
    router.add(middleware: ErrorMiddleware(services: services))
    let admin = AdminRouter(router: router, app: services)
    registerAdminRoutes(admin, services)
    registerRoutes(router, services)
    return (router, admin.rules)
}

/// Every back-office route, with the access it requires.
func registerAdminRoutes(_ admin: AdminRouter, _ app: AppServices) {
    admin.get("/admin/sign-in", .open) { try await SignInController.show($0, $1, app) }
    admin.post("/admin/sign-in", .open) { try await SignInController.create($0, $1, app) }
    admin.get("/admin/sign-in/verify", .secondFactor) { try await SignInController.showVerify($0, $1, app) }
    admin.post("/admin/sign-in/verify", .secondFactor) { try await SignInController.verify($0, $1, app) }
    admin.post("/admin/sign-out", .staff(.anyStaff)) { try await SignInController.signOut($0, $1, app) }
    admin.get("/admin/password/forgot", .open) { try await PasswordController.showForgot($0, $1, app) }
    admin.post("/admin/password/forgot", .open) { try await PasswordController.forgot($0, $1, app) }
    admin.get("/admin/password/reset/:token", .open) { try await PasswordController.showReset($0, $1, app) }
    admin.post("/admin/password/reset/:token", .open) { try await PasswordController.reset($0, $1, app) }
    admin.get("/admin/invitations/:token", .open) { try await InvitationController.show($0, $1, app) }
    admin.post("/admin/invitations/:token", .open) { try await InvitationController.accept($0, $1, app) }

    admin.get("/admin", .staff(.anyStaff)) { try await DashboardController.show($0, $1, app) }
    admin.get("/admin/account", .staff(.anyStaff)) { try await AccountController.show($0, $1, app) }
    admin.post("/admin/account/profile", .staff(.anyStaff)) { try await AccountController.profile($0, $1, app) }
    admin.post("/admin/account/password", .staff(.anyStaff)) { try await AccountController.password($0, $1, app) }
    admin.post("/admin/account/two-factor", .staff(.anyStaff)) { try await AccountController.startTwoFactor($0, $1, app) }
    admin.post("/admin/account/two-factor/confirm", .staff(.anyStaff)) { try await AccountController.confirmTwoFactor($0, $1, app) }
    admin.post("/admin/account/two-factor/disable", .staff(.anyStaff)) { try await AccountController.disableTwoFactor($0, $1, app) }
    admin.post("/admin/account/recovery-codes", .staff(.anyStaff)) { try await AccountController.recoveryCodes($0, $1, app) }

    admin.get("/admin/articles", .staff(.writeArticles)) { try await AdminArticlesController.index($0, $1, app) }
    admin.get("/admin/articles/new", .staff(.writeArticles)) { try await AdminArticlesController.new($0, $1, app) }
    admin.post("/admin/articles", .staff(.writeArticles), body: .form(repeating: ["author"])) {
        try await AdminArticlesController.create($0, $1, app)
    }
    admin.get("/admin/articles/:id/edit", .staff(.writeArticles)) { try await AdminArticlesController.edit($0, $1, app) }
    admin.post("/admin/articles/:id", .staff(.writeArticles), body: .form(repeating: ["author"])) {
        try await AdminArticlesController.update($0, $1, app)
    }
    admin.get("/admin/articles/:id/revisions", .staff(.writeArticles)) { try await RevisionsController.index($0, $1, app) }
    admin.get("/admin/articles/:id/revisions/:revision", .staff(.writeArticles)) { try await RevisionsController.show($0, $1, app) }
    admin.post("/admin/articles/:id/revisions/:revision/restore", .staff(.writeArticles)) {
        try await RevisionsController.restore($0, $1, app)
    }
    admin.post("/admin/api/preview", .staff(.writeArticles)) { try await EditorAPIController.preview($0, $1, app) }
    admin.post("/admin/api/articles/autosave", .staff(.writeArticles), body: .form(repeating: ["author"])) {
        try await EditorAPIController.autosaveNew($0, $1, app)
    }
    admin.post("/admin/api/articles/:id/autosave", .staff(.writeArticles), body: .form(repeating: ["author"])) {
        try await EditorAPIController.autosave($0, $1, app)
    }

    admin.get("/admin/media", .staff(.uploadMedia)) { try await MediaController.index($0, $1, app) }
    admin.post("/admin/media", .staff(.uploadMedia), body: .upload) { try await MediaController.upload($0, $1, app) }
    admin.get("/admin/media/:id", .staff(.uploadMedia)) { try await MediaController.show($0, $1, app) }
    admin.post("/admin/media/:id", .staff(.uploadMedia)) { try await MediaController.describe($0, $1, app) }
    admin.post("/admin/media/:id/delete", .staff(.manageMedia)) { try await MediaController.delete($0, $1, app) }

    admin.get("/admin/comments", .staff(.moderateComments)) { try await CommentsController.index($0, $1, app) }
    admin.post("/admin/comments", .staff(.moderateComments), body: .form(repeating: ["id"])) {
        try await CommentsController.apply($0, $1, app)
    }

    admin.get("/admin/settings", .staff(.manageSettings)) { try await SettingsController.show($0, $1, app) }
    admin.post("/admin/settings", .staff(.manageSettings)) { try await SettingsController.update($0, $1, app) }
    admin.get("/admin/sections", .staff(.manageSettings)) { try await SectionsController.index($0, $1, app) }
    admin.post("/admin/sections", .staff(.manageSettings)) { try await SectionsController.create($0, $1, app) }
    admin.post("/admin/sections/:id", .staff(.manageSettings)) { try await SectionsController.update($0, $1, app) }
    admin.post("/admin/sections/:id/move", .staff(.manageSettings)) { try await SectionsController.move($0, $1, app) }
    admin.post("/admin/sections/:id/delete", .staff(.manageSettings)) { try await SectionsController.delete($0, $1, app) }

    registerNewsletterRoutes(admin, app)

    admin.get("/admin/staff", .staff(.manageStaff)) { try await StaffController.index($0, $1, app) }
    admin.post("/admin/staff/invitations", .staff(.manageStaff)) { try await StaffController.invite($0, $1, app) }
    admin.post("/admin/staff/:id/role", .staff(.manageStaff)) { try await StaffController.changeRole($0, $1, app) }
    admin.post("/admin/staff/:id/deactivate", .staff(.manageStaff)) { try await StaffController.deactivate($0, $1, app) }
    admin.post("/admin/staff/:id/reactivate", .staff(.manageStaff)) { try await StaffController.reactivate($0, $1, app) }
}

/// Every public route, registered from the typed site map.
func registerRoutes(_ router: Router<AppRequestContext>, _ app: AppServices) {
    router.get(RouterPath(SiteURL.Pattern.home)) { try await HomeController.index($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.search)) { try await SearchController.index($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.section)) { try await ListingController.section($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.author)) { try await ListingController.author($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.tag)) { try await ListingController.tag($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.asset)) { try await AssetController.asset($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.media)) { try await AssetController.media($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.health)) { try await HealthController.show($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.ready)) { try await HealthController.ready($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.preview)) { try await PreviewController.show($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.viewBeacon)) { try await ViewBeaconController.create($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.newsletter)) { try await NewsletterSignupController.show($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.newsletter)) { try await NewsletterSignupController.create($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.newsletterConfirm)) { try await SubscriptionController.showConfirm($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.newsletterConfirm)) { try await SubscriptionController.confirm($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.newsletterPreferences)) { try await SubscriptionController.showPreferences($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.newsletterPreferences)) { try await SubscriptionController.updatePreferences($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.newsletterUnsubscribe)) { try await SubscriptionController.showUnsubscribe($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.newsletterUnsubscribe)) { try await SubscriptionController.unsubscribe($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.comments)) { try await CommentController.show($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.comments)) { try await CommentController.create($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.article)) { try await ArticleController.show($0, $1, app) }
}

extension AppServices {
    /// Creates the shared services from the configuration.
    public static func make(_ config: AppConfiguration, time: any TimeSource, logger: Logger) throws -> AppServices {
        let database = try DatabaseService(url: config.databaseURL, siteURL: config.siteURL, logger: logger)
        let assets = try AssetStore.bundled()
        let site = SiteState(siteURL: config.siteURL, assets: assets, time: time)
        let views = ViewCounter(database: database, time: time, interval: config.viewFlushInterval, logger: logger) {
            do {
                try await site.refreshTrending(on: try database.db)
            } catch {
                logger.error("Could not refresh Trending", metadata: ["error": "\(error)"])
            }
        }
        let secret = SiteSecret()
        let transport: any MailTransport =
            config.smtp.map { SMTPTransport(configuration: $0, logger: logger) }
            ?? FolderTransport(folder: config.mailFolder, domain: config.siteHost)
        return AppServices(
            config: config, database: database,
            cache: PageCache(
                enabled: config.pageCacheEnabled, ttl: config.pageCacheTTL, time: time, logger: logger,
                security: SecurityHeaders(https: config.secureCookies)),
            site: site, views: views, assets: assets, time: time, logger: logger, ready: StartupGate(),
            passwords: PasswordHasher(cost: config.bcryptCost), secret: secret,
            mailer: Mailer(config: config, site: site, secret: secret, logger: logger), mailTransport: transport)
    }
}

/// What the first start on an empty database created, printed once for the owner.
public struct FirstRunReport: Sendable {
    public let ownerEmail: String
    public let ownerPassword: String
    public let articles: Int
}
