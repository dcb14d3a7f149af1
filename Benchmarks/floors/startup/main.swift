// The start-up floor for `agentctl validate` of one file: linked as agentctl is (the same Foundation with its
// networking, so the same shared libraries to load, and the static standard library when built with
// --static-swift-stdlib), it prints a version and exits.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// Never true: it keeps URLSession, and with it the networking library agentctl loads, in the link.
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "--connect" { _ = URLSession.shared }
FileHandle.standardOutput.write(Data("0.1.0\n".utf8))
