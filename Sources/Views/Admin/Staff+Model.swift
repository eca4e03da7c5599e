import Domain
import Routes

/// The staff page: everyone's role and status, open invitations, and the invitation form.
public struct StaffPageModel: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var id: StaffMember.ID
        public var name: String
        public var email: String
        public var role: Role
        public var active: Bool
        public var isSelf: Bool
        public var twoFactor: Bool

        public init(id: StaffMember.ID, name: String, email: String, role: Role, active: Bool, isSelf: Bool, twoFactor: Bool) {
            self.id = id
            self.name = name
            self.email = email
            self.role = role
            self.active = active
            self.isSelf = isSelf
            self.twoFactor = twoFactor
        }
    }

    public struct Invitation: Equatable, Sendable {
        public var email: String
        public var role: String
        public var expires: String

        public init(email: String, role: String, expires: String) {
            self.email = email
            self.role = role
            self.expires = expires
        }
    }

    public var chrome: AdminChrome
    public var rows: [Row]
    public var invitations: [Invitation]
    public var invite: InvitationForm
    public var errors: FormErrors<InvitationForm.Field>

    public init(
        chrome: AdminChrome, rows: [Row], invitations: [Invitation], invite: InvitationForm, errors: FormErrors<InvitationForm.Field>
    ) {
        self.chrome = chrome
        self.rows = rows
        self.invitations = invitations
        self.invite = invite
        self.errors = errors
    }

    /// Every role, with what it may do.
    var roleOptions: [SelectOption] { Role.allCases.map { SelectOption(value: $0.rawValue, label: "\($0.label): \($0.summary)") } }
}
