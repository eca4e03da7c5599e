import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program the tests start (a Python test service, `chattr`), through `posix_spawn` instead of
/// Foundation's `Process`: on Linux, `Process.run()` of Swift 6.3.1 reads past the end of a
/// buffer while it lists the open descriptors and crashes the test process now and then
/// (swift-corelibs-foundation pull request 5472; here in `ReadOnlyStorageTests`, twice in a row
/// once the discussion's writer opened a few more files). Our pipes are close-on-exec, so a
/// child inherits no other child's pipe: each sees end-of-file on its input when we close it or die.
public final class ChildProcess: @unchecked Sendable {
    public let processIdentifier: pid_t
    /// Our ends: what the child writes to its standard output, and its standard input.
    public let output: FileHandle
    public let input: FileHandle
    private let lock = NSLock()
    private var exitStatus: Int32?

    /// Runs `arguments` (looked up on the PATH by `/usr/bin/env`), its standard error discarded.
    public init(_ arguments: [String]) throws {
        let outputFDs = try Self.pipe()
        let inputFDs: [Int32]
        do {
            inputFDs = try Self.pipe()
        } catch {
            close(outputFDs[0])
            close(outputFDs[1])
            throw error
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputFDs[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outputFDs[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environ)
        close(inputFDs[0])
        close(outputFDs[1])
        guard code == 0 else {
            close(inputFDs[1])
            close(outputFDs[0])
            throw ChildProcessError.spawn(code)
        }
        processIdentifier = pid
        output = FileHandle(fileDescriptor: outputFDs[0], closeOnDealloc: true)
        input = FileHandle(fileDescriptor: inputFDs[1], closeOnDealloc: true)
    }

    /// A pipe whose two ends close on exec (`pipe2` is not visible to Swift here).
    private static func pipe() throws -> [Int32] {
        var fds: [Int32] = [0, 0]
        guard Glibc.pipe(&fds) == 0 else { throw ChildProcessError.spawn(errno) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return fds
    }

    /// Whether the child has not exited yet (reaping it once it has).
    public var isRunning: Bool {
        lock.withLock {
            guard exitStatus == nil else { return false }
            var status: Int32 = 0
            guard waitpid(processIdentifier, &status, WNOHANG) == processIdentifier else { return true }
            exitStatus = status
            return false
        }
    }

    /// Asks the child to stop (SIGTERM).
    public func terminate() {
        if isRunning { kill(processIdentifier, SIGTERM) }
    }

    /// Waits for the child to exit; its exit code (or 128 + the signal that ended it).
    @discardableResult
    public func waitUntilExit() -> Int32 {
        lock.withLock {
            if exitStatus == nil {
                var status: Int32 = 0
                while waitpid(processIdentifier, &status, 0) == -1 && errno == EINTR {}
                exitStatus = status
            }
            let status = exitStatus!
            return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        }
    }

    /// The first line the child writes (a service's "READY …"), or nil when it exits first.
    public func firstLine() -> String? {
        var line = ""
        while !line.contains("\n") {
            let data = output.availableData
            if data.isEmpty { return nil }
            line += String(decoding: data, as: UTF8.self)
        }
        return line
    }
}

public enum ChildProcessError: Error {
    case spawn(Int32)
}
