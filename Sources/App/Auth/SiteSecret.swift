import Crypto
import Domain
import FluentKit
import Foundation
import Persistence
import Synchronization

/// Signs links that must not be forged (draft previews), with a key kept in the database so
/// every instance agrees.
final class SiteSecret: Sendable {
    private let cached = Mutex<SymmetricKey?>(nil)
    /// Draws the key on the very first start.
    let random: any RandomSource

    init(random: any RandomSource) {
        self.random = random
    }

    func key(on db: any Database) async throws -> SymmetricKey {
        if let key = cached.withLock({ $0 }) { return key }
        let key = SymmetricKey(data: Data(try await SettingsStore.secret(random: random, on: db).utf8))
        cached.withLock { $0 = key }
        return key
    }

    /// A URL-safe signature of `message`.
    func sign(_ message: String, on db: any Database) async throws -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: try await key(on: db))
        return Data(code).prefix(20).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    func verify(_ signature: String, for message: String, on db: any Database) async throws -> Bool {
        SecretToken.equal(try await sign(message, on: db), signature)
    }

    /// The stored form of a network: a keyed hash, the same one `NetworkHash` gives.
    func networkHash(_ network: String, on db: any Database) async throws -> String {
        NetworkHash.of(network, key: try await key(on: db))
    }
}
