import FluentKit
import Foundation

/// A row of `sessions`. The id is a SHA-256 of the cookie's token, so a copy of the database
/// does not hold usable session cookies.
public final class SessionRecord: Model, @unchecked Sendable {
    public static let schema = "sessions"

    @ID(custom: "id", generatedBy: .user) public var id: String?
    @Parent(key: "user_id") public var user: UserRecord
    @Field(key: "csrf_token") public var csrfToken: String
    /// Signed in with the password but not yet with the second factor.
    @Field(key: "second_factor_pending") public var secondFactorPending: Bool
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "last_seen_at") public var lastSeenAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @Field(key: "user_agent") public var userAgent: String

    public init() {}
}

/// A row of `auth_tokens`: a single-use link (password reset or invitation). The id is a
/// SHA-256 of the token in the link.
public final class AuthTokenRecord: Model, @unchecked Sendable {
    public static let schema = "auth_tokens"

    @ID(custom: "id", generatedBy: .user) public var id: String?
    @Field(key: "purpose") public var purpose: String
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "role") public var role: String?
    @OptionalParent(key: "user_id") public var user: UserRecord?
    @OptionalField(key: "created_by") public var createdBy: Int?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}
}

/// A row of `sign_in_failures`: one failed attempt for an account or a network.
public final class SignInFailureRecord: Model, @unchecked Sendable {
    public static let schema = "sign_in_failures"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "key") public var key: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(key: String, at: Date) {
        self.key = key
        self.at = at
    }
}

/// A row of `recovery_codes`: a hashed one-time code for when the authenticator is lost.
public final class RecoveryCodeRecord: Model, @unchecked Sendable {
    public static let schema = "recovery_codes"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Parent(key: "user_id") public var user: UserRecord
    @Field(key: "code_hash") public var codeHash: String
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}
}

/// A row of `staff_devices`: a browser (by the hash of its device cookie) and the network an
/// account signed in from.
public final class StaffDeviceRecord: Model, @unchecked Sendable {
    public static let schema = "staff_devices"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Parent(key: "user_id") public var user: UserRecord
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "network_hash") public var networkHash: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "last_seen_at") public var lastSeenAt: Date

    public init() {}
}
