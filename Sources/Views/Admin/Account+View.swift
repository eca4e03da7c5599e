import Domain
import Routes

public enum AccountView {
    public static func render(_ model: AccountPageModel) -> HTML {
        let chrome = model.chrome
        let secondFactor: HTML =
            model.twoFactor
            ? HTML(
                """
                <p>Two-step verification is on. \(DisplayFormat.count(model.recoveryLeft, "recovery code", "recovery codes")) left.</p>
                \(AdminField.form(.accountRecoveryCodes, chrome: chrome, class: "inline", "<button type=\"submit\" class=\"button--small\">Make new recovery codes</button>"))
                \(AdminField.form(.accountTwoFactorDisable, chrome: chrome, """
                    \(AdminField.text(DisableTwoFactorForm.Field.password, label: "Your password, to turn it off", value: "", error: model.disableError, type: "password", id: "disable-password", attributes: "autocomplete=\"current-password\""))
                    <button type="submit" class="button--danger">Turn off two-step verification</button>
                    """))
                """)
            : HTML(
                """
                <p>Add a second step to signing in: a code from an authenticator app on your phone.</p>
                \(AdminField.form(.accountTwoFactor, chrome: chrome, "<button type=\"submit\">Turn on two-step verification</button>"))
                """)
        let profile = model.profile
        let errors = model.profileErrors
        let password = model.passwordErrors
        return AdminLayout.page(
            chrome, title: "Account",
            main: """
                <h1>Your account</h1><p class="muted">\(model.email)</p>
                \(AdminField.form(.accountProfile, chrome: chrome, class: "panel", """
                    <h2>Profile</h2>
                    \(AdminField.text(ProfileForm.Field.name, label: "Name in bylines", value: profile.name, error: errors[.name], attributes: "required maxlength=\"80\""))
                    \(AdminField.textarea(ProfileForm.Field.bio, label: "Short biography", value: profile.bio, error: errors[.bio], hint: "Shown under your articles and on your author page.", rows: 3, attributes: "maxlength=\"600\""))
                    \(AdminField.select(ProfileForm.Field.avatar, label: "Portrait", options: model.avatarOptions, selected: profile.avatar, error: errors[.avatar], hint: "An image from the media library; without one, your initials are shown."))
                    <button type="submit">Save profile</button>
                    """))
                \(AdminField.form(.accountPassword, chrome: chrome, class: "panel", """
                    <h2>Password</h2>
                    \(AdminField.text(NewPasswordForm.Field.current, label: "Current password", value: "", error: password[.current], type: "password", attributes: "autocomplete=\"current-password\" required"))
                    \(AdminField.text(NewPasswordForm.Field.password, label: "New password", value: "", error: password[.password], hint: "At least 10 characters.", type: "password", attributes: "autocomplete=\"new-password\" required"))
                    \(AdminField.text(NewPasswordForm.Field.confirmation, label: "The same password again", value: "", error: password[.confirmation], type: "password", attributes: "autocomplete=\"new-password\" required"))
                    <button type="submit">Change password</button>
                    """))
                <section class="panel"><h2>Two-step verification</h2>\(secondFactor)</section>
                """)
    }

    public static func enrol(_ model: TwoFactorEnrolmentModel) -> HTML {
        AdminLayout.page(
            model.chrome, title: "Two-step verification",
            main: """
                <h1>Set up two-step verification</h1>
                <ol class="steps"><li>Open your authenticator app (for example FreeOTP, Aegis, Google Authenticator or 1Password) and add an account.</li>
                <li>Enter this key by hand: <code class="key">\(model.groupedKey)</code> (time-based, 6 digits, every 30 seconds), or open <a href="\(model.url)">this setup link</a> on the phone.</li>
                <li>Type the code the app shows.</li></ol>
                \(AdminField.form(.accountTwoFactorConfirm, chrome: model.chrome, class: "panel", """
                    \(AdminField.text(SecondFactorForm.Field.code, label: "Code from the app", value: "", error: model.error, attributes: "autocomplete=\"one-time-code\" inputmode=\"numeric\" required maxlength=\"8\""))
                    <button type="submit">Turn on</button>
                    """))
                """)
    }

    public static func recoveryCodes(_ chrome: AdminChrome, codes: [String]) -> HTML {
        AdminLayout.page(
            chrome, title: "Recovery codes",
            main: """
                <h1>Your recovery codes</h1>
                <p>Each code signs you in once if you lose your phone. Keep them somewhere safe; they are shown only now.</p>
                <ul class="codes">\(codes.map { HTML("<li><code>\($0)</code></li>") })</ul>
                <p><a class="button" href="\(AdminURL.account)">Done</a></p>
                """)
    }
}
