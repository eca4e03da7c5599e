public struct StaffRowModel: Equatable, Sendable {
    public var id: Int
    public var name: String
    public var email: String
    public var role: String
    public var active: Bool
    public var isSelf: Bool
    public var twoFactor: Bool

    public init(id: Int, name: String, email: String, role: String, active: Bool, isSelf: Bool, twoFactor: Bool) {
        self.id = id
        self.name = name
        self.email = email
        self.role = role
        self.active = active
        self.isSelf = isSelf
        self.twoFactor = twoFactor
    }
}

public enum StaffPages {
    public static func render(
        _ chrome: AdminChrome, rows: [StaffRowModel], invitations: [(email: String, role: String, expires: String)],
        roleOptions: [(value: String, label: String)], invite: [String: String], errors: [String: String]
    ) -> HTML {
        let body = rows.map { row in
            let roles = roleOptions.map {
                HTML("<option value=\"\($0.value)\"\(HTML.when($0.value == row.role) { " selected" })>\($0.label)</option>")
            }
            return HTML(
                """
                <tr\(HTML.when(!row.active) { " class=\"inactive\"" })><td><strong>\(row.name)</strong>\(HTML.when(row.isSelf) { " (you)" })<br>\
                <span class="muted">\(row.email)</span></td>\
                <td><form method="post" action="/admin/staff/\(row.id)/role" class="inline">\(chrome.csrfField)\
                <label class="visually-hidden" for="role-\(row.id)">Role of \(row.name)</label><select id="role-\(row.id)" name="role">\(roles)</select>\
                <button type="submit" class="button--small">Change</button></form></td>\
                <td>\(row.active ? "Active" : "Deactivated")\(HTML.when(row.twoFactor) { " · two-step on" })</td>\
                <td>\(HTML.when(!row.isSelf) {
                    row.active
                        ? HTML("<form method=\"post\" action=\"/admin/staff/\(row.id)/deactivate\" data-confirm=\"Deactivate \(row.name)? They are signed out at once.\">\(chrome.csrfField)<button type=\"submit\" class=\"button--small button--danger\">Deactivate</button></form>")
                        : HTML("<form method=\"post\" action=\"/admin/staff/\(row.id)/reactivate\">\(chrome.csrfField)<button type=\"submit\" class=\"button--small\">Reactivate</button></form>")
                })</td></tr>
                """)
        }
        let open = invitations.map { HTML("<li>\($0.email) as \($0.role), until \($0.expires)</li>") }
        return AdminLayout.page(
            chrome, title: "Staff",
            main: """
                <h1>Staff</h1>
                <div class="table-wrap"><table class="data-table"><thead><tr><th scope="col">Name</th><th scope="col">Role</th>\
                <th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead><tbody>\(body)</tbody></table></div>
                \(HTML.when(!open.isEmpty) { HTML("<h2>Open invitations</h2><ul>\(open)</ul>") })
                <form method="post" action="/admin/staff/invitations" class="panel">\(chrome.csrfField)<h2>Invite someone</h2>
                \(AdminField.errorSummary(errors, order: ["name", "email", "role"]))
                <div class="row">\(AdminField.text("name", label: "Name", value: invite["name"] ?? "", error: errors["name"], attributes: "required maxlength=\"80\""))\
                \(AdminField.text("email", label: "Email", value: invite["email"] ?? "", error: errors["email"], type: "email", attributes: "required"))</div>
                \(AdminField.select("role", label: "Role", options: roleOptions, selected: invite["role"] ?? "author", error: errors["role"]))
                <button type="submit">Send invitation</button></form>
                """)
    }
}

public enum AccountPages {
    public static func render(
        _ chrome: AdminChrome, name: String, bio: String, avatar: String, avatarOptions: [(value: String, label: String)], email: String,
        twoFactor: Bool, recoveryLeft: Int, errors: [String: String]
    ) -> HTML {
        let secondFactor: HTML =
            twoFactor
            ? HTML(
                """
                <p>Two-step verification is on. \(DisplayFormat.count(recoveryLeft, "recovery code", "recovery codes")) left.</p>
                <form method="post" action="/admin/account/recovery-codes" class="inline">\(chrome.csrfField)<button type="submit" class="button--small">Make new recovery codes</button></form>
                <form method="post" action="/admin/account/two-factor/disable">\(chrome.csrfField)
                \(AdminField.text("password", label: "Your password, to turn it off", value: "", error: errors["disable"], type: "password", attributes: "autocomplete=\"current-password\""))
                <button type="submit" class="button--danger">Turn off two-step verification</button></form>
                """)
            : HTML(
                """
                <p>Add a second step to signing in: a code from an authenticator app on your phone.</p>
                <form method="post" action="/admin/account/two-factor">\(chrome.csrfField)<button type="submit">Turn on two-step verification</button></form>
                """)
        return AdminLayout.page(
            chrome, title: "Account",
            main: """
                <h1>Your account</h1><p class="muted">\(email)</p>
                <form method="post" action="/admin/account/profile" class="panel">\(chrome.csrfField)<h2>Profile</h2>
                \(AdminField.text("name", label: "Name in bylines", value: name, error: errors["name"], attributes: "required maxlength=\"80\""))
                \(AdminField.textarea("bio", label: "Short biography", value: bio, error: errors["bio"], hint: "Shown under your articles and on your author page.", rows: 3, attributes: "maxlength=\"600\""))
                \(AdminField.select("avatar", label: "Portrait", options: avatarOptions, selected: avatar, error: errors["avatar"], hint: "An image from the media library; without one, your initials are shown."))
                <button type="submit">Save profile</button></form>
                <form method="post" action="/admin/account/password" class="panel">\(chrome.csrfField)<h2>Password</h2>
                \(AdminField.text("current", label: "Current password", value: "", error: errors["current"], type: "password", attributes: "autocomplete=\"current-password\" required"))
                \(AdminField.text("password", label: "New password", value: "", error: errors["password"], hint: "At least 10 characters.", type: "password", attributes: "autocomplete=\"new-password\" required"))
                \(AdminField.text("confirmation", label: "The same password again", value: "", error: errors["confirmation"], type: "password", attributes: "autocomplete=\"new-password\" required"))
                <button type="submit">Change password</button></form>
                <section class="panel"><h2>Two-step verification</h2>\(secondFactor)</section>
                """)
    }

    public static func enrol(_ chrome: AdminChrome, key: String, url: String, error: String?) -> HTML {
        let grouped = stride(from: 0, to: key.count, by: 4).map { offset in
            String(key.dropFirst(offset).prefix(4))
        }.joined(separator: " ")
        return AdminLayout.page(
            chrome, title: "Two-step verification",
            main: """
                <h1>Set up two-step verification</h1>
                <ol class="steps"><li>Open your authenticator app (for example FreeOTP, Aegis, Google Authenticator or 1Password) and add an account.</li>
                <li>Enter this key by hand: <code class="key">\(grouped)</code> (time-based, 6 digits, every 30 seconds), or open <a href="\(url)">this setup link</a> on the phone.</li>
                <li>Type the code the app shows.</li></ol>
                <form method="post" action="/admin/account/two-factor/confirm" class="panel">\(chrome.csrfField)
                \(AdminField.text("code", label: "Code from the app", value: "", error: error, attributes: "autocomplete=\"one-time-code\" inputmode=\"numeric\" required maxlength=\"8\""))
                <button type="submit">Turn on</button></form>
                """)
    }

    public static func recoveryCodes(_ chrome: AdminChrome, codes: [String]) -> HTML {
        AdminLayout.page(
            chrome, title: "Recovery codes",
            main: """
                <h1>Your recovery codes</h1>
                <p>Each code signs you in once if you lose your phone. Keep them somewhere safe; they are shown only now.</p>
                <ul class="codes">\(codes.map { HTML("<li><code>\($0)</code></li>") })</ul>
                <p><a class="button" href="/admin/account">Done</a></p>
                """)
    }
}
