import Crypto
import Foundation

/// The key a generated avatar is drawn from: a short hash of the normalised email, so the same
/// commenter keeps the same colours without the address ever reaching the page.
public enum AvatarKey {
    public static func make(email: String) -> String {
        let normalised = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return SHA256.hash(data: Data(normalised.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
