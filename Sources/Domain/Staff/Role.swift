/// What a staff member may do, by role. Enforced on the server for every back-office route.
public enum Role: String, CaseIterable, Sendable, Codable, Comparable {
    case owner
    case editor
    case author
    case contributor
    case moderator

    public var label: String {
        switch self {
        case .owner: "Owner"
        case .editor: "Editor"
        case .author: "Author"
        case .contributor: "Contributor"
        case .moderator: "Moderator"
        }
    }

    /// One line on what the role is for, shown where roles are chosen.
    public var summary: String {
        switch self {
        case .owner: "Everything, including settings and staff."
        case .editor: "All articles, publishing, moderation and the newsletter."
        case .author: "Writes and publishes their own articles."
        case .contributor: "Writes drafts and submits them for review; cannot publish."
        case .moderator: "Moderates the discussion only."
        }
    }

    public func can(_ permission: Permission) -> Bool {
        switch permission {
        case .signedOut, .anyStaff: true
        case .writeArticles, .uploadMedia: self != .moderator
        case .editAllArticles, .publishAnyArticle, .manageMedia: self == .owner || self == .editor
        case .moderateComments: self == .owner || self == .editor || self == .moderator
        case .manageNewsletter, .manageDonations: self == .owner || self == .editor
        case .manageSettings, .manageStaff: self == .owner
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank > rhs.rank }
}

/// A capability a back-office route requires.
public enum Permission: String, CaseIterable, Sendable {
    /// Pages for people who are not signed in (sign-in, password reset, invitations).
    case signedOut
    /// Anything every signed-in staff member may do (dashboard, own account).
    case anyStaff
    /// Write articles (own ones, for authors and contributors).
    case writeArticles
    /// Edit anyone's articles.
    case editAllArticles
    /// Publish or schedule anyone's articles.
    case publishAnyArticle
    /// Upload images and describe them.
    case uploadMedia
    /// Edit or delete anyone's images.
    case manageMedia
    /// Approve, hold and remove comments.
    case moderateComments
    /// Subscribers, newsletters and editions.
    case manageNewsletter
    /// The donations ledger, its figures and export.
    case manageDonations
    /// Site identity, sections, widgets, ads, policies.
    case manageSettings
    /// Invite staff, change roles, deactivate accounts.
    case manageStaff
}
