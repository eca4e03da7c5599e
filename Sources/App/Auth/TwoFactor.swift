import Foundation
import HummingbirdOTP

/// Time-based one-time passwords (RFC 6238) for the optional second factor.
enum TwoFactor {
    /// A fresh secret: 20 random characters (their bytes are the shared key).
    static func newSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// Whether `code` is valid now, allowing one 30-second step of clock drift either way.
    static func verify(_ code: String, secret: String, at date: Date) -> Bool {
        let digits = code.filter(\.isNumber)
        guard digits.count == 6, let number = Int(digits) else { return false }
        let totp = TOTP(secret: secret)
        return [-30.0, 0, 30].contains { totp.compute(date: date.addingTimeInterval($0)) == number }
    }

    /// The `otpauth://` address authenticator apps read, and the key for typing in by hand.
    static func enrolment(secret: String, account: String, issuer: String) -> (url: String, key: String) {
        let url = TOTP(secret: secret).createAuthenticatorURL(label: "\(issuer):\(account)", issuer: issuer)
        let key = URLComponents(string: url)?.queryItems?.first(where: { $0.name == "secret" })?.value ?? ""
        return (url, key)
    }
}
