import CImageDecode
import NIOPosix

/// Decoding an image needs a lot of memory for a moment (four bytes a pixel), so uploads are
/// processed `capacity` at a time on the thread pool, and the memory they freed is handed back to
/// the system afterwards (glibc otherwise keeps it for the process).
actor ImageGate {
    let capacity: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// The most jobs that ever ran at once (for tests).
    private(set) var mostAtOnce = 0

    init(capacity: Int = 1) {
        self.capacity = max(1, capacity)
    }

    func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        if running >= capacity {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            running += 1
        }
        mostAtOnce = max(mostAtOnce, running)
        defer { release() }
        return try await NIOThreadPool.singleton.runIfActive {
            defer { Self.returnFreedMemory() }
            return try work()
        }
    }

    /// Hands the next waiter this job's place, or frees it.
    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    nonisolated static func returnFreedMemory() {
        gazette_release_freed_memory()
    }
}
