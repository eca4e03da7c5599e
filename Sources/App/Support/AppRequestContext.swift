import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage plus the peer address, which the view
/// counter and rate limits need.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connecting peer's IP address, if the channel has one (not in router tests).
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Forms and API bodies are small; uploads set their own limit.
    public var maxUploadSize: Int { 1 << 20 }
}
