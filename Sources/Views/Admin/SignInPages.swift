/// The pages for getting in: sign-in, second factor, forgotten password, new password,
/// accepting an invitation.
public enum SignInPages {
    public static func signIn(_ chrome: AdminChrome, email: String, next: String, error: String?) -> HTML {
        form(
            chrome, title: "Sign in", error: error, action: "/admin/sign-in",
            body: """
                <input type="hidden" name="next" value="\(next)">
                \(AdminField.text("email", label: "Email", value: email, type: "email", attributes: "autocomplete=\"username\" required autofocus"))
                \(AdminField.text("password", label: "Password", value: "", type: "password", attributes: "autocomplete=\"current-password\" required"))
                <button type="submit">Sign in</button>
                <p class="auth__aside"><a href="/admin/password/forgot">Forgot your password?</a></p>
                """)
    }

    public static func verify(_ chrome: AdminChrome, error: String?) -> HTML {
        form(
            chrome, title: "Two-step verification", error: error, action: "/admin/sign-in/verify",
            body: """
                <p>Enter the six-digit code from your authenticator app, or one of your recovery codes.</p>
                \(AdminField.text("code", label: "Code", value: "", attributes: "autocomplete=\"one-time-code\" inputmode=\"text\" required autofocus maxlength=\"20\""))
                <button type="submit">Verify</button>
                """)
    }

    public static func forgot(_ chrome: AdminChrome, email: String, sent: Bool, error: String?) -> HTML {
        if sent {
            return AdminLayout.page(
                chrome, title: "Check your email",
                main: """
                    <section class="auth"><h1>Check your email</h1>
                    <p>If an account uses that address, we have sent it a link to choose a new password. The link works once, for one hour.</p>
                    <p><a href="/admin/sign-in">Back to sign in</a></p></section>
                    """, bodyClass: "admin--auth")
        }
        return form(
            chrome, title: "Forgotten password", error: error, action: "/admin/password/forgot",
            body: """
                <p>We will email you a link to choose a new password.</p>
                \(AdminField.text("email", label: "Email", value: email, type: "email", attributes: "autocomplete=\"username\" required autofocus"))
                <button type="submit">Send the link</button>
                <p class="auth__aside"><a href="/admin/sign-in">Back to sign in</a></p>
                """)
    }

    /// Choosing a password, from a reset link or an invitation.
    public static func choosePassword(
        _ chrome: AdminChrome, title: String, intro: String, action: String, name: String?, errors: [String: String]
    ) -> HTML {
        form(
            chrome, title: title, error: nil, action: action,
            body: """
                \(AdminField.errorSummary(errors, order: ["name", "password", "confirmation"]))
                <p>\(intro)</p>
                \(name.map { AdminField.text("name", label: "Your name as it appears in bylines", value: $0, error: errors["name"], attributes: "autocomplete=\"name\" required") })
                \(AdminField.text("password", label: "New password", value: "", error: errors["password"], hint: "At least 10 characters.", type: "password", attributes: "autocomplete=\"new-password\" required"))
                \(AdminField.text("confirmation", label: "The same password again", value: "", error: errors["confirmation"], type: "password", attributes: "autocomplete=\"new-password\" required"))
                <button type="submit">Save and sign in</button>
                """)
    }

    /// A link that is used up or expired.
    public static func deadLink(_ chrome: AdminChrome, what: String) -> HTML {
        AdminLayout.page(
            chrome, title: "Link expired",
            main: """
                <section class="auth"><h1>This link no longer works</h1>
                <p>\(what) links work once and expire after a while. Ask for a new one.</p>
                <p><a href="/admin/sign-in">Go to sign in</a></p></section>
                """, bodyClass: "admin--auth")
    }

    static func form(_ chrome: AdminChrome, title: String, error: String?, action: String, body: HTML) -> HTML {
        AdminLayout.page(
            chrome, title: title,
            main: """
                <section class="auth" aria-labelledby="auth-title">
                <h1 id="auth-title">\(title)</h1>
                \(error.map { HTML("<p class=\"form-errors\" role=\"alert\">\($0)</p>") })
                <form method="post" action="\(action)" class="auth__form">
                \(chrome.csrfField)
                \(body)
                </form>
                </section>
                """, bodyClass: "admin--auth")
    }
}

/// An error inside the back office.
public enum AdminErrorPage {
    public static func render(_ chrome: AdminChrome, status: Int, title: String, message: String) -> HTML {
        AdminLayout.page(
            chrome, title: title,
            main: """
                <section class="admin-error"><p class="admin-error__status">Error \(status)</p><h1>\(title)</h1><p>\(message)</p>
                <p><a href="/admin">Back to the dashboard</a></p></section>
                """)
    }
}
