import Domain
import Hummingbird
import NIOCore
import Persistence

/// The request context: Hummingbird's core storage plus the peer address, which the view
/// counter and rate limits need.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connecting peer's IP address, if the channel has one (not in router tests).
    public let peerAddress: String?
    /// The staff session of a back-office request, once the admin guard has loaded it.
    public var session: SessionStore.Session?
    /// The parsed body of a back-office request that sends one.
    public var form: AdminForm = .none

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The signed-in staff member (back-office requests only).
    public var staff: StaffMember? { session?.member }

    /// Forms and API bodies are small; uploads set their own limit.
    public var maxUploadSize: Int { 1 << 20 }
}
