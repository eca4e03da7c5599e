/// Checks the command line before ArgumentParser reads it: `gazette` runs `serve` by default,
/// so without this a mistyped or missing command ("gazette import --help") would be taken as
/// arguments to `serve`, which printed serve's help as if it were the import's.
public enum CommandLineCheck {
    /// The error to print when the first word is not a command, or nil.
    public static func unknownCommand(_ arguments: [String], commands: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help", !commands.contains(first) else { return nil }
        return "Error: unknown command '\(first)'. The commands are: \(commands.joined(separator: ", ")).\nSee 'gazette --help'.\n"
    }
}
