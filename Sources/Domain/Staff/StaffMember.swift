import Foundation

/// A signed-in member of staff, as request handlers see them.
public struct StaffMember: Equatable, Sendable {
    public typealias ID = EntityID<StaffMember>
    public var id: ID
    public var email: String
    public var name: String
    public var role: Role
    /// The byline profile this account writes under.
    public var authorID: Author.ID?
    public var twoFactorEnabled: Bool

    public init(id: ID, email: String, name: String, role: Role, authorID: Author.ID?, twoFactorEnabled: Bool) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.authorID = authorID
        self.twoFactorEnabled = twoFactorEnabled
    }

    public func can(_ permission: Permission) -> Bool { role.can(permission) }
}

/// Rules for passwords staff choose.
public enum PasswordRules {
    public static let minimumLength = 10
    public static let maximumLength = 200

    /// What is wrong with `password`, or nil when it may be used.
    public static func problem(with password: String, email: String) -> String? {
        if password.count < minimumLength { return "Use at least \(minimumLength) characters." }
        if password.count > maximumLength { return "Use at most \(maximumLength) characters." }
        if password.lowercased() == email.lowercased() { return "Do not use your email address as your password." }
        if Set(password).count < 4 { return "Use a less repetitive password." }
        return nil
    }
}
