import Foundation
import Logging

/// Development transport: writes each message as an `.eml` file (open it with any mail client, or
/// read it as text) into a folder instead of sending it.
public struct FolderTransport: MailTransport {
    public let folder: String
    public let domain: String
    /// Names each file as it is written, so whoever runs the site sees where a mail went.
    let logger: Logger?

    public init(folder: String, domain: String, logger: Logger? = nil) {
        self.folder = folder
        self.domain = domain
        self.logger = logger
    }

    public func send(_ messages: [MailMessage], report: (String, MailDeliveryError?) async -> Void) async {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            for message in messages { await report(message.id, .transient("Cannot create \(folder): \(error)")) }
            return
        }
        for message in messages {
            let stamp = Int(message.date.timeIntervalSince1970)
            let path = "\(folder)/\(stamp)-\(message.id).eml"
            do {
                try Data(MIMEWriter.render(message, domain: domain).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                logger?.info(
                    "Mail written to a file (no SMTP_URL is set)",
                    metadata: ["to": "\(message.to.address)", "subject": "\(message.subject)", "file": "\(path)"])
                await report(message.id, nil)
            } catch {
                await report(message.id, .transient("Cannot write \(path): \(error)"))
            }
        }
    }
}
