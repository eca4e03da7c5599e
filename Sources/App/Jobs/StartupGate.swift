import ServiceLifecycle
import Synchronization

/// Opens once migrations and seeding are done; background jobs wait for it so they never touch
/// a schema that is still being created.
public final class StartupGate: Sendable {
    private let isOpen = Atomic<Bool>(false)

    public init() {}

    public func open() {
        isOpen.store(true, ordering: .releasing)
    }

    public var opened: Bool { isOpen.load(ordering: .acquiring) }

    /// Returns once the gate is open, or false if the service is shutting down (or cancelled)
    /// first.
    func wait() async -> Bool {
        while !opened {
            if Task.isShuttingDownGracefully || Task.isCancelled { return false }
            do {
                try await Task.sleep(for: .milliseconds(50))
            } catch {
                return false
            }
        }
        return true
    }
}
