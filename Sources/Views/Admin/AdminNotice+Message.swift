import Routes

extension AdminNotice {
    /// What the page says after the action.
    public var message: String {
        switch self {
        case .saved: "Saved."
        case .published: "Published."
        case .scheduled: "Scheduled."
        case .submitted: "Submitted for review."
        case .unpublished: "Unpublished."
        case .restored: "Revision restored."
        case .uploaded: "Uploaded. Add alt text before using it."
        case .described: "Description saved."
        case .deleted: "Deleted."
        case .invited: "Invitation sent."
        case .role: "Role changed."
        case .deactivated: "Account deactivated; its sessions have ended."
        case .reactivated: "Account reactivated."
        case .password: "Password changed. Your other sessions have ended."
        case .twoFactorOn: "Two-step verification is on."
        case .twoFactorOff: "Two-step verification is off."
        case .codes: "New recovery codes made; the old ones no longer work."
        case .moderated: "Comments updated."
        case .banned: "Banned. It applies to the next comment they send."
        case .banLifted: "The ban is lifted."
        case .replied: "Your reply is published."
        case .profile: "Profile saved."
        case .test: "Test sent to your address."
        case .sending: "Sending has started."
        case .paused: "Sending paused."
        case .resumed: "Sending resumed."
        case .erased: "Subscriber erased."
        case .unsuppressed: "Address removed from the suppression list; it can subscribe again."
        }
    }
}
