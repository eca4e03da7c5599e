import Foundation
import Logging
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL

/// Delivers mail over SMTP (RFC 5321) with STARTTLS (RFC 3207) or implicit TLS, AUTH PLAIN or
/// LOGIN (RFC 4954), and PIPELINING where the server offers it. One connection carries a whole
/// batch. Each message's outcome is reported separately: a reply of 4xx, a timeout or a lost
/// connection is transient (try again later), a 5xx for that recipient is permanent.
public struct SMTPTransport: MailTransport {
    public let configuration: SMTPConfiguration
    let logger: Logger

    public init(configuration: SMTPConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    public var concurrency: Int { configuration.connections }

    public func send(_ messages: [MailMessage], report: (String, MailDeliveryError?) async -> Void) async {
        guard !messages.isEmpty else { return }
        var reported = 0
        do {
            let session = try await SMTPSession.connect(configuration, logger: logger)
            do {
                try await session.start()
                for message in messages {
                    let outcome = try await session.deliver(message)
                    reported += 1
                    await report(message.id, outcome)
                }
                await session.quit()
            } catch {
                await session.close()
                throw error
            }
        } catch {
            // The connection failed; what was not delivered yet is retried later.
            let reason = String(describing: error)
            logger.warning("SMTP session failed", metadata: ["error": "\(reason)"])
            for message in messages.dropFirst(reported) { await report(message.id, .transient(reason)) }
        }
    }
}

/// A reply: its code and text lines.
struct SMTPReply: CustomStringConvertible {
    var code: Int
    var lines: [String]

    var isPositive: Bool { (200..<400).contains(code) }
    var isTransient: Bool { (400..<500).contains(code) }
    var description: String { "\(code) " + lines.joined(separator: " / ") }
}

enum SMTPError: Error, CustomStringConvertible {
    case connectionClosed
    case unexpected(String, SMTPReply)
    case tlsUnavailable
    case authentication(SMTPReply)

    var description: String {
        switch self {
        case .connectionClosed: "the mail server closed the connection"
        case .unexpected(let step, let reply): "unexpected reply to \(step): \(reply)"
        case .tlsUnavailable: "the mail server does not offer STARTTLS, which the configuration requires"
        case .authentication(let reply): "the mail server refused our credentials: \(reply)"
        }
    }
}

/// One SMTP connection and its conversation.
final class SMTPSession {
    let configuration: SMTPConfiguration
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
    var lines: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let logger: Logger
    var extensions: Set<String> = []
    var authMechanisms: Set<String> = []

    init(configuration: SMTPConfiguration, channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, logger: Logger) {
        self.configuration = configuration
        self.channel = channel
        self.lines = channel.inbound.makeAsyncIterator()
        self.logger = logger
    }

    static func connect(_ configuration: SMTPConfiguration, logger: Logger) async throws -> SMTPSession {
        let tls = configuration.security == .tls ? try tlsContext(configuration) : nil
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(Int64(configuration.timeout)))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tls, serverHostname: configuration.serverNameIndication))
                    }
                    try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: .seconds(Int64(configuration.timeout))))
                    try channel.pipeline.syncOperations.addHandler(CloseWhenIdle())
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return SMTPSession(configuration: configuration, channel: channel, logger: logger)
    }

    static func tlsContext(_ configuration: SMTPConfiguration) throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file = configuration.trustedCAFile { tls.trustRoots = .file(file) }
        return try NIOSSLContext(configuration: tls)
    }

    /// Greeting, EHLO, STARTTLS and AUTH as configured.
    func start() async throws {
        try expect(try await reply(), 220, "greeting")
        try await hello()
        let wantsTLS = configuration.security == .startTLS || configuration.security == .opportunistic
        if wantsTLS, extensions.contains("STARTTLS") {
            try await send("STARTTLS")
            try expect(try await reply(), 220, "STARTTLS")
            let handler = try NIOSSLClientHandler(
                context: try Self.tlsContext(configuration), serverHostname: configuration.serverNameIndication)
            try await channel.channel.pipeline.addHandler(handler, position: .first)
            try await hello()
        } else if configuration.security == .startTLS {
            throw SMTPError.tlsUnavailable
        }
        if let username = configuration.username, let password = configuration.password {
            try await authenticate(username: username, password: password)
        }
    }

    func hello() async throws {
        try await send("EHLO \(configuration.heloName)")
        let answer = try await reply()
        guard answer.code == 250 else {
            try await send("HELO \(configuration.heloName)")
            try expect(try await reply(), 250, "HELO")
            return
        }
        extensions = []
        authMechanisms = []
        for line in answer.lines.dropFirst() {
            let words = line.uppercased().split(separator: " ").map(String.init)
            guard let keyword = words.first else { continue }
            extensions.insert(keyword)
            if keyword == "AUTH" { authMechanisms.formUnion(words.dropFirst()) }
        }
    }

    func authenticate(username: String, password: String) async throws {
        if authMechanisms.contains("PLAIN") || !authMechanisms.contains("LOGIN") {
            let token = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
            try await send("AUTH PLAIN \(token)")
            let answer = try await reply()
            guard answer.code == 235 else { throw SMTPError.authentication(answer) }
        } else {
            try await send("AUTH LOGIN")
            guard try await reply().code == 334 else { throw SMTPError.authentication(SMTPReply(code: 0, lines: ["AUTH LOGIN"])) }
            try await send(Data(username.utf8).base64EncodedString())
            guard try await reply().code == 334 else { throw SMTPError.authentication(SMTPReply(code: 0, lines: ["username"])) }
            try await send(Data(password.utf8).base64EncodedString())
            let answer = try await reply()
            guard answer.code == 235 else { throw SMTPError.authentication(answer) }
        }
    }

    /// Sends one message; nil on success, or why the server would not take it.
    func deliver(_ message: MailMessage) async throws -> MailDeliveryError? {
        let domain = message.from.address.split(separator: "@").last.map(String.init) ?? "localhost"
        let commands = ["MAIL FROM:<\(message.from.address)>", "RCPT TO:<\(message.to.address)>", "DATA"]
        var replies: [SMTPReply] = []
        if extensions.contains("PIPELINING") {
            try await send(commands.joined(separator: "\r\n"))
            for _ in commands { replies.append(try await reply()) }
        } else {
            for command in commands {
                try await send(command)
                let answer = try await reply()
                replies.append(answer)
                if !answer.isPositive { break }
            }
        }
        if let refusal = replies.first(where: { !$0.isPositive }) {
            // A refused sender or recipient; reset the transaction for the next message.
            if replies.count == 3, replies[2].code == 354 {
                try await send(".")
                _ = try await reply()
            }
            try await send("RSET")
            _ = try await reply()
            return refusal.isTransient ? .transient(refusal.description) : .permanent(refusal.description)
        }
        try await write(Self.dotStuffed(MIMEWriter.render(message, domain: domain)))
        let answer = try await reply()
        if answer.code == 250 { return nil }
        return answer.isTransient ? .transient(answer.description) : .permanent(answer.description)
    }

    func quit() async {
        do {
            try await send("QUIT")
            _ = try await reply()
        } catch {
            logger.debug("QUIT failed", metadata: ["error": "\(error)"])
        }
        await close()
    }

    func close() async {
        channel.outbound.finish()
        try? await channel.channel.close()
    }

    func send(_ line: String) async throws {
        try await write(line + "\r\n")
    }

    func write(_ text: String) async throws {
        try await channel.outbound.write(ByteBuffer(string: text))
    }

    /// Reads one reply, with its continuation lines ("250-…" then "250 …").
    func reply() async throws -> SMTPReply {
        var collected: [String] = []
        while var line = try await lines.next() {
            let text = line.readString(length: line.readableBytes) ?? ""
            let trimmed = text.hasSuffix("\r") ? String(text.dropLast()) : text
            guard trimmed.count >= 3, let code = Int(trimmed.prefix(3)) else { continue }
            collected.append(String(trimmed.dropFirst(4)))
            if trimmed.count == 3 || trimmed[trimmed.index(trimmed.startIndex, offsetBy: 3)] == " " {
                return SMTPReply(code: code, lines: collected)
            }
        }
        throw SMTPError.connectionClosed
    }

    func expect(_ reply: SMTPReply, _ code: Int, _ step: String) throws {
        guard reply.code == code else { throw SMTPError.unexpected(step, reply) }
    }

    /// The message as DATA: lines starting with "." get another, and it ends with a lone ".".
    static func dotStuffed(_ message: String) -> String {
        var body = message.hasSuffix("\r\n") ? message : message + "\r\n"
        if body.hasPrefix(".") { body = "." + body }
        body = body.replacingOccurrences(of: "\r\n.", with: "\r\n..")
        return body + ".\r\n"
    }
}

extension SMTPConfiguration {
    /// The name sent in TLS SNI and checked against the certificate. An IP address cannot be
    /// sent; without a name the certificate is checked against the address we connected to.
    var serverNameIndication: String? {
        var v4 = in_addr()
        var v6 = in6_addr()
        let isAddress = inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
        return isAddress ? nil : host
    }
}

/// Closes the connection when the server has been silent too long (the read timeout).
final class CloseWhenIdle: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
