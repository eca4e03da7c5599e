import Domain
import FluentKit
import Foundation
import Persistence
import Routes
import Views

/// What the donation controllers share: the signed tokens in donors' links, references, and the
/// ledger with its receipts.
enum DonationDesk {
    /// "GZ-" and ten characters no one confuses (no 0/O, 1/I).
    static func newReference(_ random: any RandomSource) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return "GZ-" + String(random.bytes(10).map { alphabet[Int($0) % alphabet.count] })
    }

    static func newDonorKey(_ random: any RandomSource) -> String {
        Hex.string(random.bytes(16))
    }

    /// The token of one gift's pages (card step, PayPal return, thanks): its reference, signed.
    static func giftToken(_ reference: String, _ app: AppServices, on db: any Database) async throws -> String {
        reference + "." + (try await app.secret.sign("donation:" + reference, on: db))
    }

    /// The gift a token names, or nil when the token is not ours.
    static func gift(token: String, _ app: AppServices, on db: any Database) async throws -> Donation? {
        let parts = token.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0].count < 40, try await app.secret.verify(parts[1], for: "donation:" + parts[0], on: db) else {
            return nil
        }
        return try await DonationStore.find(reference: parts[0], on: db)
    }

    /// The token of a donor's own page: their key, signed.
    static func donorToken(_ key: String, _ app: AppServices, on db: any Database) async throws -> String {
        key + "." + (try await app.secret.sign("donor:" + key, on: db))
    }

    static func donorKey(token: String, _ app: AppServices, on db: any Database) async throws -> String? {
        let parts = token.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0].count == 32, try await app.secret.verify(parts[1], for: "donor:" + parts[0], on: db) else {
            return nil
        }
        return parts[0]
    }

    /// Records a provider's event; receipts for payments it completed are queued in the same
    /// transaction.
    static func record(_ event: LedgerEvent, summary: String, _ app: AppServices) async throws -> DonationStore.Outcome {
        let outcome = try await DonationStore.record(
            event, summary: summary, now: app.time.now(), on: try app.db(), received: receipt(app))
        if case .recorded(let received) = outcome, !received.isEmpty { app.mailer.wake() }
        return outcome
    }

    /// Queues the receipt of a payment that has just been received.
    static func receipt(_ app: AppServices) -> @Sendable (Donation, any Database) async throws -> Void {
        { donation, db in
            let site = try await app.site.current(on: db)
            let settings = site.settings
            let link = SiteURL.donorHome(token: try await donorToken(donation.donorKey, app, on: db))
                .absolute(siteURL: app.config.siteURL)
            let receipt = DonationReceipt(
                amount: donation.amount.formatted, frequency: donation.frequency, date: donation.completedAt ?? app.time.now(),
                reference: donation.reference, providerReference: donation.providerPaymentID ?? donation.reference,
                method: donation.provider == .stripe ? "card" : "PayPal",
                organisation: settings.receiptName,
                address: settings.newsroomAddress, manageLink: link)
            try await app.mailer.enqueue(
                TransactionalMail(to: donation.donorEmail, name: donation.donorName, .donationReceipt(receipt)), now: app.time.now(), on: db
            )
        }
    }
}
