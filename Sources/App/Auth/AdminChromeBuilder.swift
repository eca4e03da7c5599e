import Domain
import Hummingbird
import Persistence
import Routes
import Views

extension AppServices {
    /// The chrome of a back-office page for the signed-in member (or the sign-in pages): the
    /// navigation their role allows, with `active` marked, and the confirmation `notice`.
    func adminChrome(
        _ context: AppRequestContext, active: AdminURL? = nil, notice: AdminNotice? = nil, csrfToken: String? = nil
    ) async throws -> AdminChrome {
        let db = try db()
        let site = try await site.current(on: db)
        var navigation: [AdminNavItem] = []
        if let staff = context.staff, context.session?.secondFactorPending == false {
            func add(_ label: String, _ href: AdminURL, _ permission: Permission, badge: Int? = nil) {
                guard staff.can(permission) else { return }
                navigation.append(AdminNavItem(label: label, href: href, isActive: active == href, badge: badge))
            }
            let pending = staff.can(.moderateComments) ? try await CommentStore.pendingCount(on: db) : 0
            add("Dashboard", .dashboard, .anyStaff)
            add("Articles", .articles(), .writeArticles)
            add("Media", .media(), .uploadMedia)
            add("Comments", .comments(), .moderateComments, badge: pending > 0 ? pending : nil)
            add("Newsletter", .newsletter, .manageNewsletter)
            add("Donations", .donations(), .manageDonations)
            add("Sections", .sections, .manageSettings)
            add("Settings", .settings, .manageSettings)
            add("Staff", .staff, .manageStaff)
            add("Account", .account, .anyStaff)
        }
        return AdminChrome(
            siteTitle: site.settings.title, stylesheet: assets.adminStylesheetPath, script: assets.adminScriptPath,
            icon: assets.iconPath,
            staffLine: context.session?.secondFactorPending == false ? context.staff.map { "\($0.name) · \($0.role.label)" } : nil,
            csrfToken: csrfToken ?? context.session?.csrfToken ?? "", navigation: navigation, notice: notice?.message)
    }

    /// An HTML response for a back-office page.
    static func adminPage(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        privatePage(html, status: status)
    }
}

extension Request {
    /// The confirmation the page was redirected with (`?done=`), if any.
    var adminNotice: AdminNotice? { AdminNotice(QueryString(uri.query)) }
}
