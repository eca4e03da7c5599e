import Foundation

/// A real SMTP server (aiosmtpd, `Tests/Support/smtp_server.py`) on loopback for one test:
/// started as a child process, stopped and restarted at will, its received mail readable as
/// files.
public final class SMTPTestServer: @unchecked Sendable {
    public let folder: String
    public private(set) var port: Int = 0
    /// The server's self-signed certificate, when it speaks TLS.
    public private(set) var certificate: String?
    let options: [String]
    /// The server (its standard input is ours: when this process dies, it sees end-of-file and exits).
    var process: ChildProcess?

    /// - Parameters:
    ///   - tls: "starttls" or "implicit".
    ///   - auth: "user:password" to require AUTH.
    ///   - stopAfter: exit after accepting this many messages (a crash mid-batch).
    init(tls: String? = nil, auth: String? = nil, stopAfter: Int? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-smtp-\(UUID().uuidString)").path
        var options: [String] = []
        if let tls { options += ["--tls", tls] }
        if let auth { options += ["--auth", auth] }
        if let stopAfter { options += ["--stop-after", String(stopAfter)] }
        self.options = options
        try start()
    }

    /// Starts a server. The waiting happens off Swift's cooperative threads, so tests running
    /// alongside (and their database pools) are never starved while Python starts.
    public static func launch(tls: String? = nil, auth: String? = nil, stopAfter: Int? = nil) async throws -> SMTPTestServer {
        try await offPool { try SMTPTestServer(tls: tls, auth: auth, stopAfter: stopAfter) }
    }

    /// Starts the server again on the same port and folder.
    public func restart(stopAfter: Int? = nil) async throws {
        try await Self.offPool { try self.start(stopAfter: stopAfter) }
    }

    static func offPool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Support/smtp_server.py").path

    /// Starts (or restarts, on the same port and folder) the server and waits until it listens.
    public func start(stopAfter: Int? = nil) throws {
        var arguments = ["python3", Self.script, "--dir", folder, "--port", String(port)]
        arguments += options.enumerated().filter { index, option in
            // A restart drops the earlier crash instruction unless a new one is given.
            !(option == "--stop-after" || (index > 0 && options[index - 1] == "--stop-after"))
        }.map(\.element)
        if let stopAfter {
            arguments += ["--stop-after", String(stopAfter)]
        } else if port == 0, let index = options.firstIndex(of: "--stop-after") {
            arguments += ["--stop-after", options[index + 1]]
        }
        let process = try ChildProcess(arguments)
        self.process = process
        guard let line = process.firstLine() else { throw SMTPTestServerError.didNotStart }
        let words = line.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard words.count >= 3, words[0] == "READY", let chosen = Int(words[1]) else { throw SMTPTestServerError.didNotStart }
        port = chosen
        certificate = words[2] == "-" ? nil : words[2]
    }

    /// Stops the server and waits (without blocking a thread) until it has gone.
    public func stop() async {
        guard let process, process.isRunning else { return }
        process.terminate()
        for _ in 0..<250 where process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Waits until the process has exited on its own (after `stopAfter` messages).
    public func waitForExit(seconds: Double = 10) async {
        for _ in 0..<Int(seconds * 50) where process?.isRunning == true { try? await Task.sleep(for: .milliseconds(20)) }
    }

    /// Every received message, oldest first, as the raw text the server stored.
    public func messages() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return try names.filter { $0.hasSuffix(".eml") }.sorted().map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
    }

    deinit {
        // No waiting here: the signal, and our end of its stdin closing, make it exit.
        if let process, process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(atPath: folder)
    }
}

enum SMTPTestServerError: Error {
    case didNotStart
}
