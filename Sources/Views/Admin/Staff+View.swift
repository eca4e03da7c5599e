import Domain
import Routes

public enum StaffView {
    public static func render(_ model: StaffPageModel) -> HTML {
        let chrome = model.chrome
        let body = model.rows.map { row in
            let roles = model.roleOptions.map {
                HTML("<option value=\"\($0.value)\"\(HTML.when($0.value == row.role.rawValue) { " selected" })>\($0.label)</option>")
            }
            let action: HTML =
                row.isSelf
                ? .empty
                : row.active
                    ? AdminField.form(
                        .staffDeactivate(row.id), chrome: chrome, confirm: "Deactivate \(row.name)? They are signed out at once.",
                        "<button type=\"submit\" class=\"button--small button--danger\">Deactivate</button>")
                    : AdminField.form(
                        .staffReactivate(row.id), chrome: chrome, "<button type=\"submit\" class=\"button--small\">Reactivate</button>")
            return HTML(
                """
                <tr\(HTML.when(!row.active) { " class=\"inactive\"" })><td><strong>\(row.name)</strong>\(HTML.when(row.isSelf) { " (you)" })<br>\
                <span class="muted">\(row.email)</span></td>\
                <td>\(AdminField.form(.staffRole(row.id), chrome: chrome, class: "inline", """
                    <select id="role-\(row.id)" name="\(RoleForm.Field.role.name)" aria-label="Role of \(row.name)">\(roles)</select>\
                    <button type="submit" class="button--small">Change</button>
                    """))</td>\
                <td>\(row.active ? "Active" : "Deactivated")\(HTML.when(row.twoFactor) { " · two-step on" })</td>\
                <td>\(action)</td></tr>
                """)
        }
        let open = model.invitations.map { HTML("<li>\($0.email) as \($0.role), until \($0.expires)</li>") }
        let invite = model.invite
        return AdminLayout.page(
            chrome, title: "Staff",
            main: """
                <h1>Staff</h1>
                <div class="table-wrap"><table class="data-table"><thead><tr><th scope="col">Name</th><th scope="col">Role</th>\
                <th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead><tbody>\(body)</tbody></table></div>
                \(HTML.when(!open.isEmpty) { HTML("<h2>Open invitations</h2><ul>\(open)</ul>") })
                \(AdminField.form(.staffInvitations, chrome: chrome, class: "panel", """
                    <h2>Invite someone</h2>
                    \(AdminField.errorSummary(model.errors))
                    <div class="row">\(AdminField.text(InvitationForm.Field.name, label: "Name", value: invite.name, error: model.errors[.name], attributes: "required maxlength=\"80\""))\
                    \(AdminField.text(InvitationForm.Field.email, label: "Email", value: invite.email, error: model.errors[.email], type: "email", attributes: "required"))</div>
                    \(AdminField.select(InvitationForm.Field.role, label: "Role", options: model.roleOptions, selected: invite.role.isEmpty ? Role.author.rawValue : invite.role, error: model.errors[.role]))
                    <button type="submit">Send invitation</button>
                    """))
                """)
    }
}
