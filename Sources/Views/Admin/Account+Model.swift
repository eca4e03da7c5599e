import Domain
import Routes

/// The signed-in member's own account: profile, password and two-step verification.
public struct AccountPageModel: Equatable, Sendable {
    public var chrome: AdminChrome
    public var email: String
    public var profile: ProfileForm
    public var profileErrors: FormErrors<ProfileForm.Field>
    public var avatarOptions: [SelectOption]
    public var passwordErrors: FormErrors<NewPasswordForm.Field>
    public var twoFactor: Bool
    public var recoveryLeft: Int
    /// Why turning two-step verification off failed.
    public var disableError: String?

    public init(
        chrome: AdminChrome, email: String, profile: ProfileForm, profileErrors: FormErrors<ProfileForm.Field>,
        avatarOptions: [SelectOption],
        passwordErrors: FormErrors<NewPasswordForm.Field>, twoFactor: Bool, recoveryLeft: Int, disableError: String?
    ) {
        self.chrome = chrome
        self.email = email
        self.profile = profile
        self.profileErrors = profileErrors
        self.avatarOptions = avatarOptions
        self.passwordErrors = passwordErrors
        self.twoFactor = twoFactor
        self.recoveryLeft = recoveryLeft
        self.disableError = disableError
    }
}

/// Setting up an authenticator: the key and its setup link.
public struct TwoFactorEnrolmentModel: Equatable, Sendable {
    public var chrome: AdminChrome
    public var key: String
    public var url: String
    public var error: String?

    public init(chrome: AdminChrome, key: String, url: String, error: String?) {
        self.chrome = chrome
        self.key = key
        self.url = url
        self.error = error
    }

    /// The key in groups of four, as people type it.
    var groupedKey: String {
        stride(from: 0, to: key.count, by: 4).map { String(key.dropFirst($0).prefix(4)) }.joined(separator: " ")
    }
}
