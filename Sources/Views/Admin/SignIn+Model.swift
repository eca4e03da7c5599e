import Domain
import Routes

/// The pages for getting in: sign-in, the second step, a forgotten password, choosing a
/// password (from a reset link or an invitation), and a link that no longer works.
public struct SignInPageModel: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case signIn(email: String, next: String, error: String?)
        case verify(next: String?, error: String?)
        case forgot(email: String, error: String?)
        case linkSent
        /// `name` is asked for (with its current value) when accepting an invitation.
        case choosePassword(title: String, intro: String, action: AdminURL, name: String?, errors: FormErrors<NewPasswordForm.Field>)
        case deadLink(what: String)
    }

    public var chrome: AdminChrome
    public var kind: Kind

    public init(chrome: AdminChrome, kind: Kind) {
        self.chrome = chrome
        self.kind = kind
    }
}

/// An error inside the back office.
public struct AdminErrorModel: Equatable, Sendable {
    public var chrome: AdminChrome
    public var status: Int
    public var title: String
    public var message: String

    public init(chrome: AdminChrome, status: Int, title: String, message: String) {
        self.chrome = chrome
        self.status = status
        self.title = title
        self.message = message
    }
}
