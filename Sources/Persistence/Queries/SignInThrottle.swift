import Domain
import FluentKit
import Foundation

/// Failed sign-in attempts by key (an account, a network, or the pair), over a sliding window,
/// and where each account has signed in successfully before.
public enum SignInThrottle {
    public static func recordFailure(keys: [String], at now: Date, on db: any Database) async throws {
        for key in keys { try await SignInFailureRecord(key: key, at: now).create(on: db) }
    }

    /// Failures for `key` since `since`, with the latest.
    public static func failures(_ key: String, since: Date, on db: any Database) async throws -> SignInPolicy.Failures {
        let query = SignInFailureRecord.query(on: db).filter(\.$key == key).filter(\.$at > since)
        let count = try await query.count()
        guard count > 0 else { return .none }
        return .init(count: count, last: try await query.sort(\.$at, .descending).first()?.at)
    }

    /// A success: this key's count starts again.
    public static func clear(_ key: String, on db: any Database) async throws {
        try await SignInFailureRecord.query(on: db).filter(\.$key == key).delete()
    }

    /// Forgets attempts older than `before`.
    public static func purge(before: Date, on db: any Database) async throws {
        try await SignInFailureRecord.query(on: db).filter(\.$at < before).delete()
    }

    /// Whether the account has signed in on this device (by its cookie token) or from this network.
    public static func origin(of user: StaffMember.ID, deviceToken: String?, network: String, on db: any Database) async throws
        -> SignInPolicy.Origin
    {
        let devices = StaffDeviceRecord.query(on: db).filter(\.$user.$id == user.rawValue)
        var knownDevice = false
        if let deviceToken {
            knownDevice = try await devices.copy().filter(\.$tokenHash == SecretToken.hash(deviceToken)).count() > 0
        }
        let knownNetwork = try await devices.copy().filter(\.$networkHash == network).count() > 0
        return .init(knownDevice: knownDevice, knownNetwork: knownNetwork)
    }

    /// Remembers a successful sign-in: the device (its cookie token, new or kept) and network.
    public static func remember(user: StaffMember.ID, deviceToken: String, network: String, now: Date, on db: any Database) async throws {
        let hash = SecretToken.hash(deviceToken)
        if let existing = try await StaffDeviceRecord.query(on: db).filter(\.$user.$id == user.rawValue).filter(\.$tokenHash == hash)
            .filter(\.$networkHash == network).first()
        {
            existing.lastSeenAt = now
            try await existing.update(on: db)
            return
        }
        let record = StaffDeviceRecord()
        record.$user.id = user.rawValue
        record.tokenHash = hash
        record.networkHash = network
        record.createdAt = now
        record.lastSeenAt = now
        try await record.create(on: db)
    }
}
