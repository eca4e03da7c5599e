/// Who may do what with one article: role rules plus ownership (authors and contributors work on
/// their own articles only; contributors cannot publish).
public enum ArticlePolicy {
    /// Whether `staff` may open and change this article at all.
    public static func canEdit(_ staff: StaffMember, authors: [Author.ID], status: ArticleStatus) -> Bool {
        if staff.can(.editAllArticles) { return true }
        guard staff.can(.writeArticles), let own = staff.authorID, authors.contains(own) else { return false }
        if staff.role == .contributor { return status == .draft || status == .inReview }
        return true
    }

    /// The statuses `staff` may give an article they can edit.
    public static func allowedStatuses(for staff: StaffMember) -> [ArticleStatus] {
        switch staff.role {
        case .owner, .editor, .author: [.draft, .inReview, .scheduled, .published, .unpublished]
        case .contributor: [.draft, .inReview]
        case .moderator: []
        }
    }

    /// Whether `staff` may move an article to `status`.
    public static func canSet(_ status: ArticleStatus, by staff: StaffMember) -> Bool {
        allowedStatuses(for: staff).contains(status)
    }
}
