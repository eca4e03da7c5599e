import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Sends bytes no well-behaved client would (broken chunking, a body cut short) to a live test
/// server and returns what came back, for tests of the HTTP layer itself.
public enum RawHTTP {
    /// Writes `request` to 127.0.0.1:`port`; with `closeAfterSending`, half-closes the connection
    /// (the client went away). Returns everything the server sent within `timeout` seconds.
    /// With `until`, keeps reading (a stream) until what arrived contains it or `timeout` passes
    /// without a byte.
    public static func exchange(
        port: Int, _ request: String, closeAfterSending: Bool = false, timeout: Int = 5, until: String? = nil
    ) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        try blockingExchange(port: port, Array(request.utf8), close: closeAfterSending, timeout: timeout, until: until)
                    })
            }
        }
    }

    static func blockingExchange(port: Int, _ bytes: [UInt8], close: Bool, timeout: Int, until: String?) throws -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        defer { Glibc.close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if close { shutdown(socket, Int32(SHUT_WR)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
            guard let text = String(bytes: received, encoding: .utf8) else { continue }
            if let until {
                if text.contains(until) { break }
            } else if text.contains("\r\n\r\n"), !close {
                break
            }
        }
        return String(decoding: received, as: UTF8.self)
    }
}

/// A live connection read piece by piece (a Server-Sent Events stream).
public final class RawStream: @unchecked Sendable {
    let socket: Int32
    var received: [UInt8] = []

    public init(port: Int, request: String, timeout: Int = 5) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything received so far once it contains `text`, or what came before the timeout.
    public func read(until text: String) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var buffer = [UInt8](repeating: 0, count: 4096)
                while !String(decoding: self.received, as: UTF8.self).contains(text) {
                    let count = buffer.withUnsafeMutableBytes { Glibc.recv(self.socket, $0.baseAddress, $0.count, 0) }
                    if count <= 0 { break }
                    self.received += buffer[0..<count]
                }
                continuation.resume(returning: String(decoding: self.received, as: UTF8.self))
            }
        }
    }

    public func close() { Glibc.close(socket) }
}
