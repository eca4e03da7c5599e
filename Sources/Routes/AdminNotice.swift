/// The one-line confirmations the back office shows after an action ("Saved."), carried in the
/// address it redirects to (`AdminURL.path(notice:)`), so a reload does not repeat the action.
public enum AdminNotice: String, CaseIterable, Sendable {
    case saved
    case published
    case scheduled
    case submitted
    case unpublished
    case restored
    case uploaded
    case described
    case deleted
    case invited
    case role
    case deactivated
    case reactivated
    case password
    case twoFactorOn = "twofactor"
    case twoFactorOff = "twofactor-off"
    case codes
    case moderated
    case banned
    case banLifted = "ban-lifted"
    case replied
    case profile
    case test
    case sending
    case paused
    case resumed
    case erased
    case unsuppressed

    /// The notice a page was redirected with, if any.
    public init?(_ query: QueryString) {
        guard let value = query["done"], let notice = Self(rawValue: value) else { return nil }
        self = notice
    }
}
