import Foundation

/// The name of the anti-forgery field every back-office form carries.
public enum AntiForgeryField: String, FormField {
    case token = "_csrf"
}

/// Signing in.
public struct SignInForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case email, password, next
    }

    public var email: String
    public var password: String
    public var next: String

    public init(_ form: some FormValues) {
        email = EmailAddress.normalise(form[Field.email])
        password = form[Field.password]
        next = form[Field.next]
    }
}

/// The second step of signing in, and confirming an authenticator.
public struct SecondFactorForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case code
    }

    public var code: String

    public init(_ form: some FormValues) {
        code = form[Field.code].trimmingCharacters(in: .whitespaces)
    }
}

/// Asking for a password reset link.
public struct PasswordRequestForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case email
    }

    public var email: String

    public init(_ form: some FormValues) {
        email = EmailAddress.normalise(form[Field.email])
    }

    public func validate() -> FormErrors<Field> {
        EmailAddress.isPlausible(email) ? FormErrors() : FormErrors([(.email, "Give the email address you sign in with.")])
    }
}

/// Choosing a password: from a reset link, from an invitation (with a byline name), or on one's
/// account page (with the current password).
public struct NewPasswordForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case name, current, password, confirmation
    }

    public var name: String
    public var current: String
    public var password: String
    public var confirmation: String

    public init(_ form: some FormValues) {
        name = form.trimmed(Field.name)
        current = form[Field.current]
        password = form[Field.password]
        confirmation = form[Field.confirmation]
    }

    /// What is wrong with the new password for the account `email`; `needsName` for invitations.
    public func validate(email: String, needsName: Bool = false) -> FormErrors<Field> {
        var errors = FormErrors<Field>()
        if needsName, name.isEmpty || name.count > 80 { errors[.name] = "Give your name as it should appear in bylines." }
        if let problem = PasswordRules.problem(with: password, email: email) { errors[.password] = problem }
        if password != confirmation { errors[.confirmation] = "The two passwords are not the same." }
        return errors
    }
}

/// Turning two-step verification off takes the password.
public struct DisableTwoFactorForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case password
    }

    public var password: String

    public init(_ form: some FormValues) {
        password = form[Field.password]
    }
}

/// One's byline: name, biography and portrait.
public struct ProfileForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case name, bio, avatar
    }

    public var name: String
    public var bio: String
    /// A media path (`/media/…`), or empty for initials.
    public var avatar: String

    public init(name: String, bio: String, avatar: String) {
        self.name = name
        self.bio = bio
        self.avatar = avatar
    }

    public init(_ form: some FormValues) {
        self.init(name: form.trimmed(Field.name), bio: form.trimmed(Field.bio), avatar: form[Field.avatar])
    }

    public func validate() -> FormErrors<Field> {
        var errors = FormErrors<Field>()
        if name.isEmpty || name.count > 80 { errors[.name] = "Give the name for your byline (up to 80 characters)." }
        if bio.count > 600 { errors[.bio] = "Keep the biography under 600 characters." }
        return errors
    }
}

/// Inviting someone to the staff.
public struct InvitationForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case name, email, role
    }

    public var name: String
    public var email: String
    public var role: String

    public init(name: String = "", email: String = "", role: String = "") {
        self.name = name
        self.email = email
        self.role = role
    }

    public init(_ form: some FormValues) {
        self.init(name: form.trimmed(Field.name), email: EmailAddress.normalise(form[Field.email]), role: form[Field.role])
    }

    public func validate() -> FormErrors<Field> {
        var errors = FormErrors<Field>()
        if name.isEmpty || name.count > 80 { errors[.name] = "Give their name (up to 80 characters)." }
        if !EmailAddress.isPlausible(email) { errors[.email] = "Give an email address like name@example.org." }
        if Role(rawValue: role) == nil { errors[.role] = "Choose a role." }
        return errors
    }
}

/// Changing a staff member's role.
public struct RoleForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case role
    }

    public var role: Role?

    public init(_ form: some FormValues) {
        role = Role(rawValue: form[Field.role])
    }
}
