import Foundation

/// The one entry point of every fuzz target. Built by scripts/fuzz (libFuzzer, `-DFUZZING`) it fuzzes `test`; built
/// plainly (`swift build`) it replays the files named on the command line through `check`, such as a finding or a
/// corpus. SwiftPM names `main` for every executable, so libFuzzer's driver is called from here.
public enum FuzzDriver {
    public typealias Test = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

    public static func main(fuzzing test: Test, replaying check: ([UInt8]) -> Void) throws {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runFuzzer(&argc, &argv, test))
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
            }
            check([UInt8](data))
        }
        print("checked \(CommandLine.arguments.count - 1) inputs")
        #endif
    }
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzer(_ argc: UnsafeMutablePointer<CInt>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ test: FuzzDriver.Test) -> CInt
#endif
