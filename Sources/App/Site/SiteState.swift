import Domain
import FluentKit
import Foundation
import Persistence
import Routes
import Synchronization
import Views

/// What every page needs besides its own content (settings, sections, the chrome around the
/// page, Trending), loaded once and kept until content changes.
public final class SiteState: Sendable {
    /// One consistent view of the site-wide data.
    public struct Snapshot: Sendable {
        public let settings: SiteSettings
        public let sections: [Section]
        public let chrome: SiteChrome
        public let format: DisplayFormat
    }

    let siteURL: String
    let assets: AssetStore
    let time: any TimeSource
    private let snapshot = Mutex<Snapshot?>(nil)
    private let trendingItems = Mutex<[TrendingItem]>([])

    init(siteURL: String, assets: AssetStore, time: any TimeSource) {
        self.siteURL = siteURL
        self.assets = assets
        self.time = time
    }

    /// The current snapshot, loading it if content changed since the last one.
    /// The site's settings and sections, from memory once read; `db` is asked for only then (a
    /// database handle costs a storage check and a pool look-up on every request otherwise).
    public func current(on handle: @autoclosure () throws -> any Database) async throws -> Snapshot {
        if let cached = snapshot.withLock({ $0 }) { return cached }
        let db = try handle()
        let settings = try await SettingsStore.load(on: db)
        let sections = try await SectionStore.all(on: db)
        let fresh = makeSnapshot(settings: settings, sections: sections)
        snapshot.withLock { $0 = fresh }
        return fresh
    }

    /// The chrome for pages rendered when the database cannot be reached (error pages).
    public func fallbackChrome() -> SiteChrome {
        snapshot.withLock { $0?.chrome } ?? makeSnapshot(settings: SiteSettings(), sections: []).chrome
    }

    public func invalidate() {
        snapshot.withLock { $0 = nil }
    }

    public var trending: [TrendingItem] { trendingItems.withLock { $0 } }

    /// Recomputes Trending from the hourly view buckets.
    public func refreshTrending(on db: any Database) async throws {
        let nowHour = VisitorFingerprint.hourKey(time.now())
        let buckets = try await ViewStore.hourly(since: nowHour - Trending.windowHours + 1, on: db)
        let ids = Trending.rank(buckets, nowHour: nowHour, limit: 5)
        let items = try await ArticleStore.summaries(ids, on: db).map {
            TrendingItem(title: $0.title, href: .article(slug: $0.slug))
        }
        trendingItems.withLock { $0 = items }
    }

    func makeSnapshot(settings: SiteSettings, sections: [Section]) -> Snapshot {
        let format = DisplayFormat(timeZoneIdentifier: settings.timeZone)
        let chrome = SiteChrome(
            siteTitle: settings.title, tagline: settings.tagline, language: settings.language, siteURL: siteURL,
            navigation: sections.filter(\.inNavigation).map { LinkModel(label: $0.name, href: SiteURL.section(slug: $0.slug).path) },
            footerLinks: [
                LinkModel(label: "About", href: SiteURL.article(slug: "about").path),
                LinkModel(label: "Donate", href: SiteURL.donate().path),
                LinkModel(label: "Privacy", href: SiteURL.article(slug: "privacy").path),
                LinkModel(label: "Search", href: SiteURL.Pattern.search),
            ],
            assets: AssetPaths(stylesheet: assets.stylesheetPath, script: assets.scriptPath, icon: assets.iconPath),
            year: format.year(time.now()), logoPath: settings.logoPath.isEmpty ? nil : settings.logoPath)
        return Snapshot(settings: settings, sections: sections, chrome: chrome, format: format)
    }
}
