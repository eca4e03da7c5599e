import Domain
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// `/admin`: the dashboard.
enum DashboardController {
    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let now = app.time.now()
        let site = try await app.site.current(on: db)
        let dayKeys = (0..<30).reversed().map { VisitorFingerprint.dayKey(now.addingTimeInterval(-Double($0) * 86_400)) }
        let totals = Dictionary(try await ViewStore.dailyTotals(since: dayKeys[0], on: db).map { ($0.day, $0.views) }, uniquingKeysWith: +)
        let days = dayKeys.map { key in
            let date = dateFromKey(key)
            return ChartDay(
                label: site.format.date(date),
                shortLabel: String(site.format.date(date).split(separator: " ").prefix(2).joined(separator: " ")), views: totals[key] ?? 0)
        }
        func ranked(since day: String) async throws -> [RankedArticle] {
            try await ViewStore.topArticles(since: day, limit: 5, on: db).map {
                RankedArticle(title: $0.title, href: .article(slug: $0.slug), views: DisplayFormat.count($0.views, "view", "views"))
            }
        }
        let startOfDay = dateFromKey(dayKeys[29])
        let model = DashboardModel(
            chrome: try await app.adminChrome(context, active: .dashboard, notice: request.adminNotice),
            days: days, topToday: try await ranked(since: dayKeys[29]), topWeek: try await ranked(since: dayKeys[23]),
            commentsToday: try await CommentStore.countSince(startOfDay, on: db),
            commentsPending: try await CommentStore.pendingCount(on: db),
            newSubscribers: try await SubscriberStore.confirmedSince(now.addingTimeInterval(-7 * 86_400), on: db),
            donationsTotal: try await DonationsAdminController.thisMonth(
                now: now, currency: site.settings.donationCurrencies.first, on: db),
            showsModeration: context.staff?.can(.moderateComments) ?? false)
        return AppServices.adminPage(DashboardView.render(model))
    }

    /// Midnight UTC of a "yyyy-MM-dd" key.
    static func dateFromKey(_ key: String) -> Date {
        UTCCalendar.day(key) ?? Date(timeIntervalSince1970: 0)
    }
}

/// One-line confirmations after a form is sent, passed as `?done=…` on the redirect.
