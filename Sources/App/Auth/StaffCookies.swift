import Foundation
import Hummingbird
import Routes

/// The back office's cookies. All are scoped to /admin (the public site never sees them, so
/// public pages stay cacheable), HttpOnly, SameSite=Lax, and Secure when the site is on https.
enum StaffCookies {
    static let session = "gazette_session"
    /// A random value the sign-in form echoes back before there is a session (double submit).
    static let signInToken = "gazette_signin"
    /// A random value kept for a year after signing in, so this browser is recognised as one the
    /// account used before (throttling never keeps it waiting).
    static let device = "gazette_device"

    static func make(_ name: String, value: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: AdminURL.dashboard.path, secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func clear(_ name: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: AdminURL.dashboard.path, secure: secure, httpOnly: true, sameSite: .lax)
    }
}
