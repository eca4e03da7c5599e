import Domain
import Hummingbird
import Persistence
import Views

extension AppServices {
    /// The chrome of a back-office page for the signed-in member (or the sign-in pages).
    func adminChrome(_ context: AppRequestContext, active: String? = nil, notice: String? = nil, csrfToken: String? = nil) async throws
        -> AdminChrome
    {
        let db = try db()
        let site = try await site.current(on: db)
        var navigation: [AdminNavItem] = []
        if let staff = context.staff, context.session?.secondFactorPending == false {
            func add(_ label: String, _ href: String, _ permission: Permission, badge: Int? = nil) {
                guard staff.can(permission) else { return }
                navigation.append(AdminNavItem(label: label, href: href, isActive: active == href, badge: badge))
            }
            let pending = staff.can(.moderateComments) ? try await CommentQueries.pendingCount(on: db) : 0
            add("Dashboard", "/admin", .anyStaff)
            add("Articles", "/admin/articles", .writeArticles)
            add("Media", "/admin/media", .uploadMedia)
            add("Comments", "/admin/comments", .moderateComments, badge: pending > 0 ? pending : nil)
            add("Newsletter", "/admin/newsletter", .manageNewsletter)
            add("Sections", "/admin/sections", .manageSettings)
            add("Settings", "/admin/settings", .manageSettings)
            add("Staff", "/admin/staff", .manageStaff)
            add("Account", "/admin/account", .anyStaff)
        }
        return AdminChrome(
            siteTitle: site.settings.title, stylesheet: assets.adminStylesheetPath, script: assets.adminScriptPath,
            icon: assets.iconPath,
            staffLine: context.session?.secondFactorPending == false ? context.staff.map { "\($0.name) · \($0.role.label)" } : nil,
            csrfToken: csrfToken ?? context.session?.csrfToken ?? "", navigation: navigation, notice: notice)
    }

    /// An HTML response for a back-office page.
    static func adminPage(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        privatePage(html, status: status)
    }
}
