/// Every back-office path, in Hummingbird's pattern syntax. The app registers each route from one
/// of these (with its method and required role) and every link is printed through `AdminURL`,
/// which fills in the same pattern, so a renamed or moved route cannot leave a stale link behind.
public enum AdminRoute: String, CaseIterable, Sendable {
    case signIn = "/admin/sign-in"
    case signInVerify = "/admin/sign-in/verify"
    case signOut = "/admin/sign-out"
    case passwordForgot = "/admin/password/forgot"
    case passwordReset = "/admin/password/reset/:token"
    case invitation = "/admin/invitations/:token"

    case dashboard = "/admin"
    case account = "/admin/account"
    case accountProfile = "/admin/account/profile"
    case accountPassword = "/admin/account/password"
    case accountTwoFactor = "/admin/account/two-factor"
    case accountTwoFactorConfirm = "/admin/account/two-factor/confirm"
    case accountTwoFactorDisable = "/admin/account/two-factor/disable"
    case accountRecoveryCodes = "/admin/account/recovery-codes"

    case articles = "/admin/articles"
    case articleNew = "/admin/articles/new"
    case article = "/admin/articles/:id"
    case articleEdit = "/admin/articles/:id/edit"
    case articleRevisions = "/admin/articles/:id/revisions"
    case articleRevision = "/admin/articles/:id/revisions/:revision"
    case articleRevisionRestore = "/admin/articles/:id/revisions/:revision/restore"
    case preview = "/admin/api/preview"
    case autosaveNew = "/admin/api/articles/autosave"
    case autosave = "/admin/api/articles/:id/autosave"
    case mediaPicker = "/admin/api/media"

    case media = "/admin/media"
    case mediaItem = "/admin/media/:id"
    case mediaDelete = "/admin/media/:id/delete"

    case comments = "/admin/comments"
    case commenter = "/admin/comments/history"
    case commentBans = "/admin/comments/bans"
    case commentBanLift = "/admin/comments/bans/:id/lift"
    case comment = "/admin/comment/:id"
    case commentReply = "/admin/comment/:id/reply"

    case settings = "/admin/settings"
    case sections = "/admin/sections"
    case section = "/admin/sections/:id"
    case sectionMove = "/admin/sections/:id/move"
    case sectionDelete = "/admin/sections/:id/delete"

    case newsletter = "/admin/newsletter"
    case newsletterNew = "/admin/newsletter/lists/new"
    case newsletters = "/admin/newsletter/lists"
    case newsletterItem = "/admin/newsletter/lists/:id"
    case newsletterDelete = "/admin/newsletter/lists/:id/delete"
    case subscribers = "/admin/newsletter/subscribers"
    case subscribersCSV = "/admin/newsletter/subscribers.csv"
    case subscribersImport = "/admin/newsletter/subscribers/import"
    case subscriberDelete = "/admin/newsletter/subscribers/:id/delete"
    case subscriberUnsuppress = "/admin/newsletter/subscribers/:id/unsuppress"
    case editionNew = "/admin/newsletter/editions/new"
    case editions = "/admin/newsletter/editions"
    case edition = "/admin/newsletter/editions/:id"
    case editionPreview = "/admin/newsletter/editions/:id/preview"
    case editionProgress = "/admin/newsletter/editions/:id/progress"
    case editionLog = "/admin/newsletter/editions/:id/log"
    case editionTest = "/admin/newsletter/editions/:id/test"
    case editionSchedule = "/admin/newsletter/editions/:id/schedule"
    case editionSend = "/admin/newsletter/editions/:id/send"
    case editionPause = "/admin/newsletter/editions/:id/pause"
    case editionResume = "/admin/newsletter/editions/:id/resume"
    case editionDelete = "/admin/newsletter/editions/:id/delete"

    case donations = "/admin/donations"
    case donationsCSV = "/admin/donations.csv"
    case donation = "/admin/donations/:id"

    case staff = "/admin/staff"
    case staffInvitations = "/admin/staff/invitations"
    case staffRole = "/admin/staff/:id/role"
    case staffDeactivate = "/admin/staff/:id/deactivate"
    case staffReactivate = "/admin/staff/:id/reactivate"

    /// Where the back office's JSON endpoints live (their errors are JSON, not pages).
    public static let apiPrefix = "/admin/api/"

    /// The pattern the router matches.
    public var pattern: String { rawValue }

    /// The pattern with `values` put in place of its `:parameters`, in order, percent-encoded.
    func path(_ values: [String]) -> String {
        var remaining = values[...]
        let segments = rawValue.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            guard segment.hasPrefix(":"), let value = remaining.popFirst() else { return String(segment) }
            return SiteURL.encodeSegment(value)
        }
        return segments.joined(separator: "/")
    }

    /// How many `:parameters` the pattern has.
    public var parameterCount: Int { rawValue.split(separator: "/").filter { $0.hasPrefix(":") }.count }
}
