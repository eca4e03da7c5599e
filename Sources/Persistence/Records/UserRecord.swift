import FluentKit
import Foundation

/// A row of `users`: a staff account that signs in to the back office.
public final class UserRecord: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "role") public var role: String
    @OptionalParent(key: "author_id") public var author: AuthorRecord?
    @Field(key: "active") public var active: Bool
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "totp_secret") public var totpSecret: String?
    @Field(key: "totp_enabled") public var totpEnabled: Bool
    @OptionalField(key: "password_changed_at") public var passwordChangedAt: Date?

    public init() {}

    public init(email: String, name: String, passwordHash: String, role: String, authorID: Int?, createdAt: Date) {
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.$author.id = authorID
        self.active = true
        self.createdAt = createdAt
        self.totpEnabled = false
    }
}
