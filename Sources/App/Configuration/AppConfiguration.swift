import Domain
import Foundation
import Logging
import Mail
import Payments

/// Everything that can be configured, read from the environment in exactly this one place and
/// documented in `.env.example`.
public struct AppConfiguration: Sendable {
    public var hostname = "127.0.0.1"
    public var port = 8080
    /// `sqlite:PATH`, `sqlite::memory:` or `postgres://user:pass@host:port/db`.
    public var databaseURL = "sqlite:./data/gazette.sqlite"
    /// The public origin, used for canonical links, feeds and mail.
    public var siteURL = "http://127.0.0.1:8080"
    /// Uploaded and generated media live under here.
    public var dataDirectory = "./data"
    /// Seed the sample newsroom into an empty database on start.
    public var sampleContent = true
    /// Serve anonymous pages from the in-memory page cache.
    public var pageCacheEnabled = true
    /// How long a cached page is served before it is rendered again (view counts, Trending).
    public var pageCacheTTL: Duration = .seconds(60)
    /// How often counted views are written to the database.
    public var viewFlushInterval: Duration = .seconds(5)
    /// Believe `X-Forwarded-For` (only behind a proxy you run).
    public var trustProxy = false
    public var logLevel: Logger.Level = .info
    /// bcrypt work factor for staff passwords (tests lower it to stay fast).
    public var bcryptCost: UInt8 = 12
    /// A staff session ends this long after sign-in, or after this long without use.
    public var sessionLifetime: TimeInterval = 30 * 86_400
    public var sessionIdleLimit: TimeInterval = 7 * 86_400
    /// The mail server (`SMTP_URL`, with `SMTP_CA_FILE` for a private certificate authority);
    /// nil writes mail as `.eml` files into `mailFolder` instead.
    public var smtp: SMTPConfiguration?
    /// The address mail comes from (`MAIL_FROM`); by default `news@` the site's host.
    public var mailFrom: String?
    /// How often the mail worker looks for due messages when nothing wakes it sooner.
    public var mailPollInterval: Duration = .seconds(2)
    /// How often scheduled digests and editions are checked for.
    public var newsletterCheckInterval: Duration = .seconds(30)
    /// Whether the mail worker and the newsletter scheduler run in the background; tests turn
    /// them off and drive them step by step.
    public var backgroundMail = true
    /// Whether the publishing scheduler (scheduled articles, Trending, comment cards) runs in the
    /// background; tests that must know when its rounds happen turn it off and call its `tick`.
    public var backgroundSchedule = true
    /// Stripe's keys (`STRIPE_SECRET_KEY`, `STRIPE_PUBLISHABLE_KEY`, `STRIPE_WEBHOOK_SECRET`, with
    /// `STRIPE_API_BASE` and `STRIPE_JS_URL` for a test server); nil leaves cards off.
    public var stripe: StripeClient.Keys?
    /// PayPal's (`PAYPAL_CLIENT_ID`, `PAYPAL_CLIENT_SECRET`, `PAYPAL_WEBHOOK_ID`, `PAYPAL_API_BASE`).
    public var paypal: PayPalClient.Keys?
    /// How long a call to a payment provider may take before the donor is told to try again.
    public var paymentTimeout: Duration = .seconds(15)
    /// Whether `SITE_URL` was given; if not, the site URL follows the listening address.
    var siteURLIsExplicit = false

    public init() {}

    /// Whether cookies must be marked Secure (the site is served over https).
    public var secureCookies: Bool { siteURL.hasPrefix("https://") }

    /// Where development mail is written as `.eml` files.
    public var mailFolder: String { dataDirectory + "/mail" }

    /// The site's host name, for Message-IDs and the default sender.
    public var siteHost: String { URL(string: siteURL)?.host ?? "localhost" }

    /// The sender address of every message.
    public var senderAddress: String { mailFrom ?? "news@\(siteHost)" }

    /// Changes where the server listens (command-line flags), keeping a derived site URL in step.
    public mutating func listen(hostname: String?, port: Int?) {
        if let hostname { self.hostname = hostname }
        if let port { self.port = port }
        if !siteURLIsExplicit { siteURL = "http://\(self.hostname):\(self.port)" }
    }

    /// Reads the `GAZETTE_*`, `DATABASE_URL`, `SITE_URL` and `LOG_LEVEL` variables over the
    /// defaults, rejecting values that cannot work with a message naming the variable.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfiguration {
        var config = AppConfiguration()
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        if let host = value("GAZETTE_HOSTNAME") { config.hostname = host }
        if let port = value("GAZETTE_PORT") {
            guard let number = Int(port), (0...65535).contains(number) else {
                throw ConfigurationError.invalid("GAZETTE_PORT", "must be a port number from 0 to 65535")
            }
            config.port = number
        }
        if let url = value("DATABASE_URL") { config.databaseURL = url }
        if let dir = value("GAZETTE_DATA_DIR") {
            config.dataDirectory = dir
            if value("DATABASE_URL") == nil { config.databaseURL = "sqlite:\(dir)/gazette.sqlite" }
        }
        if let site = value("SITE_URL") {
            guard site.hasPrefix("http://") || site.hasPrefix("https://") else {
                throw ConfigurationError.invalid("SITE_URL", "must start with http:// or https://")
            }
            config.siteURL = site.hasSuffix("/") ? String(site.dropLast()) : site
            config.siteURLIsExplicit = true
        } else {
            config.siteURL = "http://\(config.hostname):\(config.port)"
        }
        if let url = value("SMTP_URL") {
            guard let smtp = SMTPConfiguration(url: url, heloName: config.siteHost, trustedCAFile: value("SMTP_CA_FILE")) else {
                throw ConfigurationError.invalid(
                    "SMTP_URL", "must look like smtp://user:password@host:587 or smtps://user:password@host:465")
            }
            config.smtp = smtp
        }
        if let from = value("MAIL_FROM") {
            guard EmailAddress.problem(EmailAddress.normalise(from)) == nil else {
                throw ConfigurationError.invalid("MAIL_FROM", "must be an email address like news@example.org")
            }
            config.mailFrom = EmailAddress.normalise(from)
        }
        if let secret = value("STRIPE_SECRET_KEY") {
            guard let publishable = value("STRIPE_PUBLISHABLE_KEY"), let webhook = value("STRIPE_WEBHOOK_SECRET") else {
                throw ConfigurationError.invalid("STRIPE_SECRET_KEY", "needs STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET beside it")
            }
            let base = value("STRIPE_API_BASE") ?? "https://api.stripe.com"
            guard base.hasPrefix("https://") || base.hasPrefix("http://127.0.0.1") || base.hasPrefix("http://localhost") else {
                throw ConfigurationError.invalid("STRIPE_API_BASE", "must be an https:// address (plain http only on loopback)")
            }
            config.stripe = StripeClient.Keys(
                secret: secret, publishable: publishable, webhookSecret: webhook,
                apiBase: base.hasSuffix("/") ? String(base.dropLast()) : base,
                scriptURL: value("STRIPE_JS_URL") ?? "https://js.stripe.com/v3/",
                country: (value("STRIPE_ACCOUNT_COUNTRY") ?? "US").uppercased())
        }
        if let client = value("PAYPAL_CLIENT_ID") {
            guard let secret = value("PAYPAL_CLIENT_SECRET"), let webhook = value("PAYPAL_WEBHOOK_ID") else {
                throw ConfigurationError.invalid("PAYPAL_CLIENT_ID", "needs PAYPAL_CLIENT_SECRET and PAYPAL_WEBHOOK_ID beside it")
            }
            let base = value("PAYPAL_API_BASE") ?? "https://api-m.paypal.com"
            guard base.hasPrefix("https://") || base.hasPrefix("http://127.0.0.1") || base.hasPrefix("http://localhost") else {
                throw ConfigurationError.invalid("PAYPAL_API_BASE", "must be an https:// address (plain http only on loopback)")
            }
            config.paypal = PayPalClient.Keys(
                clientID: client, clientSecret: secret, webhookID: webhook, apiBase: base.hasSuffix("/") ? String(base.dropLast()) : base)
        }
        if let flag = value("GAZETTE_SAMPLE_CONTENT") { config.sampleContent = try boolean("GAZETTE_SAMPLE_CONTENT", flag) }
        if let flag = value("GAZETTE_PAGE_CACHE") { config.pageCacheEnabled = try boolean("GAZETTE_PAGE_CACHE", flag) }
        if let flag = value("GAZETTE_TRUST_PROXY") { config.trustProxy = try boolean("GAZETTE_TRUST_PROXY", flag) }
        if let level = value("LOG_LEVEL") {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw ConfigurationError.invalid("LOG_LEVEL", "must be one of trace, debug, info, notice, warning, error, critical")
            }
            config.logLevel = parsed
        }
        return config
    }

    static func boolean(_ name: String, _ text: String) throws -> Bool {
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigurationError.invalid(name, "must be on or off (1/0, true/false)")
        }
    }
}

/// A configuration value that cannot work.
public enum ConfigurationError: Error, CustomStringConvertible {
    case invalid(String, String)

    public var description: String {
        switch self {
        case .invalid(let name, let reason): "\(name) \(reason)."
        }
    }
}
