import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on the thread pool: hashing is deliberately slow and must not stall request
/// handling.
struct PasswordHasher: Sendable {
    let cost: UInt8

    func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Checks a password. Without a stored hash (no such account) it spends the same time
    /// hashing and answers false, so timing does not reveal which addresses have accounts.
    func verify(_ password: String, hash: String?) async throws -> Bool {
        guard let hash else {
            _ = try await self.hash(password)
            return false
        }
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
