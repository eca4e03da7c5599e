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

    /// The key, from memory once read; `db` is asked for only then.
    func key(on db: @autoclosure () throws -> any Database) async throws -> SymmetricKey {
        if let key = cached.withLock({ $0 }) { return key }
        let key = SymmetricKey(data: Data(try await SettingsStore.secret(random: random, on: try db()).utf8))
        cached.withLock { $0 = key }
        return key
    }

    /// A URL-safe signature of `message`: base64url without padding, its characters swapped
    /// byte by byte (Foundation's `replacingOccurrences`, three times, cost more than the HMAC).
    func sign(_ message: String, on db: @autoclosure () throws -> any Database) async throws -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: try await key(on: try db()))
        let safe = Data(code).prefix(20).base64EncodedString().utf8.compactMap { byte -> UInt8? in
            switch byte {
            case UInt8(ascii: "+"): UInt8(ascii: "-")
            case UInt8(ascii: "/"): UInt8(ascii: "_")
            case UInt8(ascii: "="): nil
            default: byte
            }
        }
        return String(decoding: safe, as: UTF8.self)
    }

    func verify(_ signature: String, for message: String, on db: @autoclosure () throws -> any Database) async throws -> Bool {
        SecretToken.equal(try await sign(message, on: try db()), signature)
    }

    /// The stored form of a network: a keyed hash, the same one `NetworkHash` gives.
    func networkHash(_ network: String, on db: @autoclosure () throws -> any Database) async throws -> String {
        NetworkHash.of(network, key: try await key(on: try db()))
    }
}
