import Crypto
import Foundation

/// The stored form of a secret (a session, a link, a recovery code): its SHA-256 in hex.
public enum TokenHash {
    public static func of(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
