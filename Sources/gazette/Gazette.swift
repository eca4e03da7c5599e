import App
import ArgumentParser
import Domain
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// The `gazette` command: parses the subcommand, boots the app, runs it, shuts it down.
@main
struct Gazette: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Gazette: a publishing platform for independent news sites.",
        subcommands: [Serve.self, Migrate.self, User.self],
        defaultSubcommand: Serve.self)

    /// Like ArgumentParser's, but a first word that is no command is refused with the list of
    /// commands. (Otherwise it would reach the default, `serve`, and `gazette import --help`
    /// would print serve's help.)
    static func main() async {
        keepLargeAllocationsOnTheHeap()
        // Tasks run on the server's event loops instead of a second pool of threads: a request's
        // work no longer hops between the thread that reads the socket and the one that handles
        // it. Blocking work (bcrypt, images, SQLite writes) has thread pools of its own.
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        var names: [String] = []
        for command in configuration.subcommands { names.append(command._commandName) }
        if let message = CommandLineCheck.unknownCommand(Array(CommandLine.arguments.dropFirst()), commands: names) {
            FileHandle.standardError.write(Data(message.utf8))
            Foundation.exit(64)
        }
        await main(nil)
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server (migrates the database first).")

    @Option(help: "Address to listen on (GAZETTE_HOSTNAME).") var hostname: String?
    @Option(help: "Port to listen on (GAZETTE_PORT).") var port: Int?
    @Flag(help: "Do not create the sample newsroom on an empty database (GAZETTE_SAMPLE_CONTENT=off).")
    var noSampleContent = false
    @Flag(help: "Render every page afresh instead of serving the page cache (GAZETTE_PAGE_CACHE=off).")
    var noPageCache = false

    func run() async throws {
        var config = try AppConfiguration.fromEnvironment()
        config.listen(hostname: hostname, port: port)
        if noSampleContent { config.sampleContent = false }
        if noPageCache { config.pageCacheEnabled = false }
        let siteURL = config.siteURL
        let app = try await buildApplication(config) { report in
            // Written straight to the file descriptor: shown at once even when output is piped.
            FileHandle.standardOutput.write(
                Data(
                    """

                    Gazette created a sample newsroom with \(report.articles) articles.
                    Owner account: \(report.ownerEmail)
                    Password:      \(report.ownerPassword)
                    This password is shown only once. Sign in at \(siteURL)/admin and change it.

                    """.utf8))
        }
        try await app.runService()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date and exit.")

    func run() async throws {
        let config = try AppConfiguration.fromEnvironment()
        var logger = Logger(label: "gazette")
        logger.logLevel = config.logLevel
        let database = try DatabaseService(url: config.databaseURL, siteURL: config.siteURL, logger: logger)
        do {
            try await database.migrate()
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
        print("Database is up to date.")
    }
}

struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage staff accounts.", subcommands: [Create.self, ResetPassword.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a staff account and print its password once.")

        @Option(help: "Email address to sign in with.") var email: String
        @Option(help: "owner, editor, author, contributor or moderator.") var role: String
        @Option(help: "Name shown in bylines (defaults to the part of the email before @).") var name: String?

        func run() async throws {
            guard let role = Role(rawValue: role.lowercased()) else {
                throw ValidationError("Role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let result = try await StaffCommands.create(
                email: email, name: name, role: role, config: try AppConfiguration.fromEnvironment())
            print("Created \(role.rawValue) account \(result.email)\nPassword: \(result.password)\nThis password is shown only once.")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password", abstract: "Give an account a new password (printed once) and sign it out everywhere.")

        @Option(help: "Email address of the account.") var email: String

        func run() async throws {
            let result = try await StaffCommands.resetPassword(email: email, config: try AppConfiguration.fromEnvironment())
            print("New password for \(result.email): \(result.password)\nThis password is shown only once.")
        }
    }
}

/// A page of a long discussion is built in strings of half a megabyte. Above glibc's threshold
/// each is a fresh mapping of its own, every page of which is faulted in again on each request;
/// from the heap, the memory freed by one request serves the next. (`mallopt` is not in the
/// Glibc module Swift imports, so it is looked up by name.)
private func keepLargeAllocationsOnTheHeap() {
    #if canImport(Glibc)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        _ = mallopt(-3, 8 << 20)  // M_MMAP_THRESHOLD: allocations below 8 MB come from the heap
        _ = mallopt(-1, 64 << 20)  // M_TRIM_THRESHOLD: keep up to 64 MB freed at the heap's top
    #endif
}
