import Domain
import Routes

public enum SignInView {
    public static func render(_ model: SignInPageModel) -> HTML {
        let chrome = model.chrome
        switch model.kind {
        case .signIn(let email, let next, let error):
            return form(
                chrome, title: "Sign in", error: error, action: .signIn(),
                body: """
                    \(AdminField.hidden(SignInForm.Field.next, value: next))
                    \(AdminField.text(SignInForm.Field.email, label: "Email", value: email, attributes: "inputmode=\"email\" autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" required autofocus"))
                    \(AdminField.text(SignInForm.Field.password, label: "Password", value: "", type: "password", attributes: "autocomplete=\"current-password\" required"))
                    <button type="submit">Sign in</button>
                    <p class="auth__aside"><a href="\(AdminURL.passwordForgot)">Forgot your password?</a></p>
                    """)
        case .verify(let next, let error):
            return form(
                chrome, title: "Two-step verification", error: error, action: .signInVerify(next: next),
                body: """
                    <p>Enter the six-digit code from your authenticator app, or one of your recovery codes.</p>
                    \(AdminField.text(SecondFactorForm.Field.code, label: "Code", value: "", attributes: "autocomplete=\"one-time-code\" inputmode=\"text\" required autofocus maxlength=\"20\""))
                    <button type="submit">Verify</button>
                    """)
        case .forgot(let email, let error):
            return form(
                chrome, title: "Forgotten password", error: error, action: .passwordForgot,
                body: """
                    <p>We will email you a link to choose a new password.</p>
                    \(AdminField.text(PasswordRequestForm.Field.email, label: "Email", value: email, attributes: "inputmode=\"email\" autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" required autofocus"))
                    <button type="submit">Send the link</button>
                    <p class="auth__aside"><a href="\(AdminURL.signIn())">Back to sign in</a></p>
                    """)
        case .linkSent:
            return notice(
                chrome, title: "Check your email",
                text:
                    "If an account uses that address, we have sent it a link to choose a new password. The link works once, for one hour.",
                link: "Back to sign in")
        case .choosePassword(let title, let intro, let action, let name, let errors):
            return form(
                chrome, title: title, error: nil, action: action,
                body: """
                    \(AdminField.errorSummary(errors))
                    <p>\(intro)</p>
                    \(name.map { AdminField.text(NewPasswordForm.Field.name, label: "Your name as it appears in bylines", value: $0, error: errors[.name], attributes: "autocomplete=\"name\" required") })
                    \(AdminField.text(NewPasswordForm.Field.password, label: "New password", value: "", error: errors[.password], hint: "At least 10 characters.", type: "password", attributes: "autocomplete=\"new-password\" required"))
                    \(AdminField.text(NewPasswordForm.Field.confirmation, label: "The same password again", value: "", error: errors[.confirmation], type: "password", attributes: "autocomplete=\"new-password\" required"))
                    <button type="submit">Save and sign in</button>
                    """)
        case .deadLink(let what):
            return notice(
                chrome, title: "Link expired", heading: "This link no longer works",
                text: "\(what) links work once and expire after a while. Ask for a new one.", link: "Go to sign in")
        }
    }

    public static func error(_ model: AdminErrorModel) -> HTML {
        AdminLayout.page(
            model.chrome, title: model.title,
            main: """
                <section class="admin-error"><p class="admin-error__status">Error \(model.status)</p><h1>\(model.title)</h1><p>\(model.message)</p>
                <p><a href="\(AdminURL.dashboard)">Back to the dashboard</a></p></section>
                """)
    }

    static func notice(_ chrome: AdminChrome, title: String, heading: String? = nil, text: String, link: String) -> HTML {
        AdminLayout.page(
            chrome, title: title,
            main: """
                <section class="auth"><h1>\(heading ?? title)</h1>
                <p>\(text)</p>
                <p><a href="\(AdminURL.signIn())">\(link)</a></p></section>
                """, bodyClass: "admin--auth")
    }

    static func form(_ chrome: AdminChrome, title: String, error: String?, action: AdminURL, body: HTML) -> HTML {
        AdminLayout.page(
            chrome, title: title,
            main: """
                <section class="auth" aria-labelledby="auth-title">
                <h1 id="auth-title">\(title)</h1>
                \(error.map { HTML("<p class=\"form-errors\" role=\"alert\">\($0)</p>") })
                \(AdminField.form(action, chrome: chrome, class: "auth__form", body))
                </section>
                """, bodyClass: "admin--auth")
    }
}
