import Foundation
import Testing

@testable import GazetteFuzz

/// Every input in the committed fuzzing corpus (the seeds, and every crash a fuzzer ever found,
/// kept as a regression) goes through the same checks the fuzzers make.
@Suite("Fuzzing corpus")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    @Test("Every corpus input passes its target's checks", arguments: FuzzTarget.allCases)
    func replay(target: FuzzTarget) throws {
        let folder = Self.corpus.appendingPathComponent(target.rawValue)
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(!files.isEmpty)
        for file in files {
            target.check(Array(try Data(contentsOf: file)))
        }
    }
}
