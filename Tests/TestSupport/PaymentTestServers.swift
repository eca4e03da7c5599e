import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A Python test service from `Tests/Support/` on loopback: started as a child process that
/// prints "READY <port>", stopped when the test is done (or when this process dies, since the
/// script exits when its standard input closes).
public final class LoopbackService: @unchecked Sendable {
    public let port: Int
    let process: ChildProcess

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    init(script: String, arguments: [String]) throws {
        let process = try ChildProcess(["python3", Self.folder + script] + arguments)
        guard let line = process.firstLine() else { throw LoopbackServiceError.didNotStart(script) }
        let words = line.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard words.count >= 2, words[0] == "READY", let port = Int(words[1]) else { throw LoopbackServiceError.didNotStart(script) }
        self.port = port
        self.process = process
    }

    static let folder =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Support").path + "/"

    /// Starts a service off Swift's cooperative threads (Python takes a moment to start).
    static func launch(script: String, arguments: [String]) async throws -> LoopbackService {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try LoopbackService(script: script, arguments: arguments) })
            }
        }
    }

    /// localstripe, Stripe's emulator (PyPI).
    public static func localStripe() async throws -> LoopbackService {
        try await launch(script: "localstripe_server.py", arguments: [])
    }

    /// The PayPal contract server, with the credentials Gazette must present.
    public static func payPal(clientID: String, secret: String) async throws -> LoopbackService {
        try await launch(script: "paypal_server.py", arguments: ["--client-id", clientID, "--secret", secret])
    }

    /// A JSON or form request to the service itself (registering webhooks, control calls).
    @discardableResult
    public func post(_ path: String, json: [String: Any]? = nil, form: [(String, String)]? = nil, headers: [String: String] = [:])
        async throws
        -> (Int, Data)
    {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = "POST"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let form {
            request.httpBody = Data(
                form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.1)" }.joined(separator: "&")
                    .utf8)
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// A GET that does not follow redirects (the approval page sends the buyer to the site's
    /// public address, which tests must not leave loopback for): the status, the body and
    /// the Location header.
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    public func get(_ path: String, headers: [String: String] = [:]) async throws -> (Int, Data, String?) {
        var request = URLRequest(url: URL(string: path.hasPrefix("http") ? path : baseURL + path)!)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, data, http?.value(forHTTPHeaderField: "Location"))
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

enum LoopbackServiceError: Error {
    case didNotStart(String)
}
