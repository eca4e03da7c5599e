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
            try await DashboardQueries.topArticles(since: day, limit: 5, on: db).map {
                RankedArticle(
                    title: $0.title, href: SiteURL.article(slug: $0.slug).path, views: DisplayFormat.count($0.views, "view", "views"))
            }
        }
        let startOfDay = dateFromKey(dayKeys[29])
        let model = DashboardModel(
            chrome: try await app.adminChrome(context, active: "/admin", notice: AdminNotice.from(request)),
            days: days, topToday: try await ranked(since: dayKeys[29]), topWeek: try await ranked(since: dayKeys[23]),
            commentsToday: try await DashboardQueries.commentsSince(startOfDay, on: db),
            commentsPending: try await CommentQueries.pendingCount(on: db),
            newSubscribers: try await SubscriberDirectory.confirmedSince(now.addingTimeInterval(-7 * 86_400), on: db),
            donationsTotal: "0.00",
            showsModeration: context.staff?.can(.moderateComments) ?? false)
        return AppServices.adminPage(DashboardView.render(model))
    }

    /// Midnight UTC of a "yyyy-MM-dd" key.
    static func dateFromKey(_ key: String) -> Date {
        let parts = key.split(separator: "-").compactMap { Int($0) }
        var components = DateComponents()
        components.year = parts.first
        components.month = parts.dropFirst().first
        components.day = parts.dropFirst(2).first
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }
}

/// One-line confirmations after a form is sent, passed as `?done=…` on the redirect.
enum AdminNotice {
    static let messages: [String: String] = [
        "saved": "Saved.", "published": "Published.", "scheduled": "Scheduled.", "submitted": "Submitted for review.",
        "unpublished": "Unpublished.", "restored": "Revision restored.", "uploaded": "Uploaded. Add alt text before using it.",
        "described": "Description saved.", "deleted": "Deleted.", "invited": "Invitation sent.", "role": "Role changed.",
        "deactivated": "Account deactivated; its sessions have ended.", "reactivated": "Account reactivated.",
        "password": "Password changed. Your other sessions have ended.", "twofactor": "Two-step verification is on.",
        "twofactor-off": "Two-step verification is off.", "codes": "New recovery codes made; the old ones no longer work.",
        "moderated": "Comments updated.", "profile": "Profile saved.",
        "test": "Test sent to your address.", "sending": "Sending has started.", "paused": "Sending paused.",
        "resumed": "Sending resumed.", "erased": "Subscriber erased.",
        "unsuppressed": "Address removed from the suppression list; it can subscribe again.",
    ]

    static func from(_ request: Request) -> String? {
        QueryString(request.uri.query)["done"].flatMap { messages[$0] }
    }
}
