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
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: services.cache.isEnabled ? [CachedPageHandlerInstaller(cache: services.cache)] : [])),
        configuration: .init(address: .hostname(config.hostname, port: config.port), serverName: nil),
        services: [services.database, services.views]
            + (config.backgroundSchedule ? [PublishScheduler(services: services, interval: .seconds(30))] : [])
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
    router.get(RouterPath(SiteURL.Pattern.apiComments)) { try await CommentAPIController.index($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.apiComments)) { try await CommentAPIController.create($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.apiLive)) { try await LiveController.stream($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.apiCommentVote)) { try await CommentAPIController.vote($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.apiCommentFlag)) { try await CommentAPIController.flag($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.apiCommentEdit)) { try await CommentEditController.edit($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.apiCommentDelete)) { try await CommentEditController.delete($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.apiCommentToken)) { try await CommentAPIController.token($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.apiSubscribe)) { try await DiscussionSubscriptionController.create($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.discussionConfirm)) { try await DiscussionSubscriptionController.showConfirm($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.discussionConfirm)) { try await DiscussionSubscriptionController.confirm($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.discussionStop)) { try await DiscussionSubscriptionController.showStop($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.discussionStop)) { try await DiscussionSubscriptionController.stop($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.readerSignIn)) { try await ReaderController.showSignIn($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.readerSignIn)) { try await ReaderController.sendLink($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.readerLink)) { try await ReaderController.showLink($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.readerLink)) { try await ReaderController.useLink($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.readerSignOut)) { try await ReaderController.signOut($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.readerHome)) { try await ReaderController.home($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.readerHome)) { try await ReaderController.rename($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.readerData)) { try await ReaderController.showData($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.readerData)) { try await ReaderController.sendLink($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.apiReader)) { try await ReaderController.me($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.donate)) { try await DonationController.show($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.donateCheckout)) { try await DonationController.checkout($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.apiDonationCard)) { try await DonationCardController.confirm($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.donatePayPalReturn)) { try await DonationPayPalController.showReturn($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.donatePayPalCapture)) { try await DonationPayPalController.capture($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.donatePayPalCancel)) { try await DonationPayPalController.cancel($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.donateThanks)) { try await DonorController.thanks($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.donorHome)) { try await DonorController.home($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.donorReceipt)) { try await DonorController.receipt($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.donorAmount)) { try await DonorController.changeAmount($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.donorCancel)) { try await DonorController.cancel($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.donorCard)) { try await DonorController.showCard($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.apiDonorCard)) { try await DonorController.replaceCard($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.supporters)) { try await DonorController.supporters($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.webhookStripe)) { try await DonationWebhookController.stripe($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.webhookPayPal)) { try await DonationWebhookController.paypal($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.comments)) { try await CommentController.show($0, $1, app) }
    router.post(RouterPath(SiteURL.Pattern.comments)) { try await CommentController.create($0, $1, app) }
    router.get(RouterPath(SiteURL.Pattern.article)) { try await ArticleController.show($0, $1, app) }
}

extension AppServices {
    /// Creates the shared services from the configuration.
    public static func make(
        _ config: AppConfiguration, time: any TimeSource, random: any RandomSource = SystemRandom(), logger: Logger
    ) throws -> AppServices {
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
        let secret = SiteSecret(random: random)
        let transport: any MailTransport =
            config.smtp.map { SMTPTransport(configuration: $0, logger: logger) }
            ?? FolderTransport(folder: config.mailFolder, domain: config.siteHost, logger: logger)
        return AppServices(
            config: config, database: database,
            cache: PageCache(
                enabled: config.pageCacheEnabled, ttl: config.pageCacheTTL, time: time, logger: logger,
                security: SecurityHeaders(https: config.secureCookies)),
            site: site, views: views, assets: assets, time: time, random: random, logger: logger, ready: StartupGate(),
            passwords: PasswordHasher(cost: config.bcryptCost), secret: secret,
            mailer: Mailer(config: config, site: site, secret: secret, logger: logger), mailTransport: transport,
            payments: PaymentProviders(config: config))
    }
}

/// What the first start on an empty database created, printed once for the owner.
public struct FirstRunReport: Sendable {
    public let ownerEmail: String
    public let ownerPassword: String
    public let articles: Int
}
