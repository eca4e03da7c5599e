import Crypto
import Domain
import Foundation

/// The stored form of a secret (a session, a link, a recovery code): its SHA-256 in hex.
public enum TokenHash {
    public static func of(_ token: String) -> String {
        Hex.string(SHA256.hash(data: Data(token.utf8)))
    }
}

/// The stored form of a reader's network (the /24 or /48 `VisitorFingerprint.network` gives): a
/// keyed hash with the site's secret, so the stored value links a commenter's posts together for
/// moderators and rate limits, but names no address, even to someone holding the database alone.
public enum NetworkHash {
    public static func of(_ network: String, secret: String) -> String {
        of(network, key: SymmetricKey(data: Data(secret.utf8)))
    }

    public static func of(_ network: String, key: SymmetricKey) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(("network:" + network).utf8), using: key)
        return Hex.string(Data(code).prefix(16))
    }
}
