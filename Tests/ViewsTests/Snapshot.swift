import Foundation
import Testing

/// Compares rendered HTML with the stored snapshot next to this file. A missing snapshot is
/// written and the test fails, so a new snapshot is always looked at before it is committed;
/// `RECORD_SNAPSHOTS=1` rewrites them all.
func assertSnapshot(_ html: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation)
    throws
{
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent(name.contains(".") ? name : "\(name).html")
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !record, let stored = try? String(contentsOf: file, encoding: .utf8) else {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try html.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("Recorded snapshot \(name).html; check it and run the tests again.", sourceLocation: sourceLocation)
        return
    }
    if stored != html {
        let storedLines = stored.split(separator: "\n", omittingEmptySubsequences: false)
        let newLines = html.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(storedLines, newLines).enumerated().first { $0.element.0 != $0.element.1 }
        let line = firstDifference?.offset ?? min(storedLines.count, newLines.count)
        let expected = line < storedLines.count ? String(storedLines[line]) : "<end>"
        let actual = line < newLines.count ? String(newLines[line]) : "<end>"
        Issue.record(
            "Snapshot \(name).html differs at line \(line + 1):\n  stored:   \(expected)\n  rendered: \(actual)",
            sourceLocation: sourceLocation)
    }
}
