// The fuzzing harness: `scripts/fuzz` builds this target with `-sanitize=fuzzer -D GAZETTE_FUZZ`
// and runs each target under libFuzzer. In a normal build it only explains how to run it.

#if GAZETTE_FUZZ
    import Foundation

    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzer(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// The target chosen by GAZETTE_FUZZ_TARGET, read once.
    nonisolated(unsafe) let selected = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["GAZETTE_FUZZ_TARGET"] ?? "") ?? .sanitizer

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        guard let data else { return 0 }
        selected.check(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }

    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(runFuzzer(&argc, &argv, fuzzOneInput))
#else
    print("Build and run the fuzzers with scripts/fuzz (targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))).")
#endif
