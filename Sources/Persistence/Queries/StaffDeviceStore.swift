import Domain
import FluentKit
import Foundation

/// Where each staff account has signed in successfully before: browsers (by the hash of their
/// device cookie) and networks.
public enum StaffDeviceStore {
    /// Whether the account has signed in on this device (by its cookie token) or from this network.
    public static func origin(of user: StaffMember.ID, deviceToken: String?, network: String, on db: any Database) async throws
        -> SignInPolicy.Origin
    {
        let devices = StaffDeviceRecord.query(on: db).filter(\.$user.$id == user.rawValue)
        var knownDevice = false
        if let deviceToken {
            knownDevice = try await devices.copy().filter(\.$tokenHash == TokenHash.of(deviceToken)).count() > 0
        }
        let knownNetwork = try await devices.copy().filter(\.$networkHash == network).count() > 0
        return .init(knownDevice: knownDevice, knownNetwork: knownNetwork)
    }

    /// Remembers a successful sign-in: the device (its cookie token, new or kept) and network.
    public static func remember(user: StaffMember.ID, deviceToken: String, network: String, now: Date, on db: any Database) async throws {
        let hash = TokenHash.of(deviceToken)
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
