import Domain
import Foundation

/// Every back-office address, typed: the ids are typed ids, the list filters typed queries. Views
/// print links only through `path`, controllers redirect only through it, and each case fills in
/// the pattern of its `AdminRoute`, the one the route is registered with.
public enum AdminURL: Hashable, Sendable {
    case signIn(next: String? = nil)
    case signInVerify(next: String? = nil)
    case signOut
    case passwordForgot
    case passwordReset(token: String)
    case invitation(token: String)

    case dashboard
    case account
    case accountProfile
    case accountPassword
    case accountTwoFactor
    case accountTwoFactorConfirm
    case accountTwoFactorDisable
    case accountRecoveryCodes

    case articles(ArticleListQuery = .init())
    case articleNew
    /// Where the editor's form posts (and a new article's, with `nil`).
    case article(Article.ID?)
    case articleEdit(Article.ID)
    case articleRevisions(Article.ID)
    case articleRevision(Article.ID, Revision.ID)
    case articleRevisionRestore(Article.ID, Revision.ID)
    case preview
    /// Where the editor autosaves (a new article's first autosave, with `nil`).
    case autosave(Article.ID?)
    /// The editor's image picker: library images with alt text, as JSON.
    case mediaPicker(MediaPickerQuery = .init())

    case media(page: Int = 1)
    case mediaItem(MediaItem.ID)
    case mediaDelete(MediaItem.ID)

    case comments(CommentQueueQuery = .init())
    /// Every comment from one address or network, with the ban form.
    case commenter(CommenterQuery)
    case commentBans
    case commentBanLift(Int)
    /// One comment, for a moderator to edit it or reply as staff.
    case comment(Comment.ID)
    case commentReply(Comment.ID)

    case settings
    case sections
    case section(Section.ID)
    case sectionMove(Section.ID)
    case sectionDelete(Section.ID)

    case newsletter
    case newsletterNew
    /// Where the newsletter form posts (a new newsletter's, with `nil`).
    case newsletterItem(Newsletter.ID?)
    case newsletterDelete(Newsletter.ID)
    case subscribers(SubscriberListQuery = .init())
    case subscribersCSV(SubscriberListQuery = .init())
    case subscribersImport
    case subscriberDelete(Subscriber.ID)
    case subscriberUnsuppress(Subscriber.ID)
    case editionNew(newsletter: Newsletter.ID? = nil)
    /// Where the edition form posts (a new edition's, with `nil`).
    case edition(Edition.ID?)
    case editionPreview(Edition.ID)
    case editionProgress(Edition.ID)
    case editionLog(Edition.ID, EditionLogQuery = .init())
    case editionTest(Edition.ID)
    case editionSchedule(Edition.ID)
    case editionSend(Edition.ID)
    case editionPause(Edition.ID)
    case editionResume(Edition.ID)
    case editionDelete(Edition.ID)

    case donations(DonationListQuery = .init())
    case donationsCSV(DonationListQuery = .init())
    case donation(Donation.ID)

    case staff
    case staffInvitations
    case staffRole(StaffMember.ID)
    case staffDeactivate(StaffMember.ID)
    case staffReactivate(StaffMember.ID)

    /// The site-relative address, with its query.
    public var path: String {
        let (route, values) = routeAndValues
        let query = self.query.filter { !$0.1.isEmpty }
        guard !query.isEmpty else { return route.path(values) }
        return route.path(values) + "?"
            + query.map { "\($0.0)=\(SiteURL.encodeQueryValue($0.1, keepSlashes: true))" }.joined(separator: "&")
    }

    /// The address with a one-time confirmation for the page it leads to ("Saved.").
    public func path(notice: AdminNotice) -> String {
        path + (query.contains { !$0.1.isEmpty } ? "&" : "?") + "done=" + notice.rawValue
    }

    /// The registered route this address belongs to.
    public var route: AdminRoute { routeAndValues.0 }
}

extension AdminURL {
    /// Where to go after signing in: `next` when it is a back-office path of ours, the dashboard
    /// otherwise. Starting with `/admin/` (or being `/admin`) already keeps it on this site, since
    /// only a leading `//` or `/\` names another host; on top of that it may not climb out of the
    /// back office (`/admin/../x`), carry a backslash, spaces or control characters (which could
    /// split the Location header), or run longer than any address of ours.
    public static func afterSignIn(_ next: String?) -> String {
        let home = dashboard.path
        guard let next, next.count < 500, next == home || next.hasPrefix(home + "/") || next.hasPrefix(home + "?"),
            !next.contains("\\"), next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
        else { return home }
        let path = next.prefix { $0 != "?" && $0 != "#" }.lowercased().replacingOccurrences(of: "%2e", with: ".")
        guard !path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) else { return home }
        return next
    }
}

extension AdminURL {
    /// The address with the site's origin in front, for mail.
    public func absolute(siteURL: String) -> String {
        var base = siteURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}
