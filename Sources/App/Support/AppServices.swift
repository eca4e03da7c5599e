import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Mail
import Persistence
import Routes

/// What request handlers and jobs share: configuration, storage, caches and counters.
public struct AppServices: Sendable {
    public let config: AppConfiguration
    public let database: DatabaseService
    public let cache: PageCache
    public let site: SiteState
    public let views: ViewCounter
    public let assets: AssetStore
    public let time: any TimeSource
    /// Where tokens, keys and codes come from.
    public let random: any RandomSource
    public let logger: Logger
    /// Opens when the schema is ready (background jobs wait for it).
    public let ready: StartupGate
    let passwords: PasswordHasher
    let secret: SiteSecret
    /// The transactional mail API and the signed links in newsletter mail.
    public let mailer: Mailer
    /// Where the mail worker hands messages: the SMTP server, or the mail folder.
    public let mailTransport: any MailTransport
    /// The payment providers whose keys are configured.
    public let payments: PaymentProviders
    /// Uploaded images are decoded one at a time.
    let imageGate = ImageGate(capacity: 1)
    /// Readers watching discussions live (Server-Sent Events).
    let live = DiscussionLive(maximumStreams: 4096)
    /// Comments posted here since the scheduler's last round (a busy round renders fewer cards).
    let discussionActivity = DiscussionActivity()

    /// A database handle for one request or job run.
    public func db() throws -> any Database {
        try database.db
    }

    /// A handle for the discussion's raw SQL writes (see `DatabaseService.discussionWrites`).
    public func discussionWrites() throws -> any Database {
        try database.discussionWrites
    }

    /// A handle for the raw SQL reads of a public page (see `DatabaseService.pageReads`).
    public func pageReads() throws -> any Database {
        try database.pageReads
    }

    /// Published content changed: drop every cached page and the cached site chrome, so the
    /// next request shows the change.
    public func contentChanged() {
        site.invalidate()
        cache.purgeAll()
    }

    /// The discussions of these articles changed (a comment approved, withdrawn, voted on,
    /// pinned): only their pages are rendered again, and readers on them hear of it.
    /// The same for one article whose address is known already (no read needed).
    func discussionChanged(_ article: Article) {
        cache.purge([SiteURL.article(slug: article.slug)])
        live.announce(article.id)
    }

    func discussionChanged(_ articles: Set<Article.ID>, on db: any Database) async throws {
        guard !articles.isEmpty else { return }
        let slugs = try await ArticleStore.slugs(of: Array(articles), on: db)
        cache.purge(slugs.values.map { SiteURL.article(slug: $0) })
        for article in articles { live.announce(article) }
    }

    /// The address the request came from: the peer, or with `GAZETTE_TRUST_PROXY` the first
    /// address in `X-Forwarded-For`.
    func clientAddress(_ request: Request, _ context: AppRequestContext) -> String {
        if config.trustProxy, let forwarded = request.headers[.xForwardedFor],
            let first = forwarded.split(separator: ",").first
        {
            return first.trimmingCharacters(in: .whitespaces)
        }
        return context.peerAddress ?? "unknown"
    }
}
