// swift-tools-version:6.0
import PackageDescription

// The Git commit `agentctl --version` names, passed in by scripts/install as AGENTCTL_COMMIT: a C string constant is
// the one way a build setting can carry text into the binary without a tracked file that changes on every commit.
let buildCommit = Context.environment["AGENTCTL_COMMIT"].map { [CSetting.define("AGENTCTL_COMMIT", to: "\"\($0)\"")] } ?? []

let package = Package(
    name: "agentctl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "agentctl", targets: ["agentctl"]),
        .executable(name: "agentctl-emulator", targets: ["agentctl-emulator"]),
    ],
    // Exact versions: Package.resolved is not committed, so `from:` would let each clone resolve differently.
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // Without pkgConfig: SwiftPM would put the .pc file's `-L/usr/lib/<triple>` (which holds the real libcurl.so)
        // ahead of CurlOnDemand's folder; libyaml is in the system's default paths.
        .systemLibrary(
            name: "CYaml",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "CBuildInfo", cSettings: buildCommit),
        // libcurl loaded at the first request, not at start-up: `link/libcurl.so` (an empty linker script) comes first
        // in the library path, so FoundationNetworking's `-lcurl` links nothing (docs/architecture.md, "Start-up").
        .target(
            name: "CurlOnDemand",
            exclude: ["link"],
            linkerSettings: [.unsafeFlags(["-L", Context.packageDirectory + "/Sources/CurlOnDemand/link"])]
        ),
        .target(name: "ConfigModel", dependencies: ["CYaml"]),
        // The one home of every field: the rules table, defaults and typed models, generated from the reference.
        .target(name: "AgentSchema", dependencies: ["ConfigModel"]),
        .target(name: "Validation", dependencies: ["ConfigModel", "AgentSchema"]),
        .target(name: "Remote", dependencies: ["ConfigModel", "AgentSchema"]),
        .target(name: "Simulator", dependencies: ["ConfigModel", "AgentSchema"]),
        .executableTarget(
            name: "agentctl",
            dependencies: [
                "ConfigModel", "AgentSchema", "Validation", "Remote", "Simulator", "CBuildInfo", "CurlOnDemand",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test support only: a local emulator of the agents API. Not part of the agentctl binary.
        .target(
            name: "AgentEmulatorKit",
            dependencies: [.product(name: "FlyingFox", package: "FlyingFox")],
            resources: [.copy("Resources/agents-api.json")]
        ),
        .executableTarget(
            name: "agentctl-emulator",
            dependencies: [
                "AgentEmulatorKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark only: times Monte Carlo simulation (BENCHMARKS.md, "simulate"). Not part of the agentctl binary.
        .executableTarget(name: "simulate-benchmark", dependencies: ["Simulator"], path: "Benchmarks/simulate",
                          exclude: ["twenty-turns.sim", "peer.py", "run.sh"]),
        // Benchmark only: the start-up floor scripts/bench times `validate` of one file against (BENCHMARKS.md).
        .executableTarget(name: "startup-floor", path: "Benchmarks/floors/startup"),
        // Fuzzing only (scripts/fuzz): libFuzzer targets over the readers; without libFuzzer they replay files.
        .target(name: "FuzzDriver", path: "Fuzz/driver"),
        .executableTarget(name: "fuzz-agent-yaml", dependencies: ["FuzzDriver", "ConfigModel", "AgentSchema", "Validation", "Simulator"],
                          path: "Fuzz/agent-yaml"),
        .executableTarget(name: "fuzz-agent-json", dependencies: ["FuzzDriver", "ConfigModel", "AgentSchema", "Validation"],
                          path: "Fuzz/agent-json"),
        // Test support only, for every test target: the agentctl and emulator processes, assertGolden, Tests/Fixtures.
        // Nothing in Sources depends on it, so `swift build --product agentctl` never compiles it.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),
        .testTarget(name: "ConfigModelTests", dependencies: ["ConfigModel", "TestSupport"]),
        .testTarget(name: "AgentSchemaTests", dependencies: ["AgentSchema", "ConfigModel", "TestSupport"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "AgentSchema", "ConfigModel", "TestSupport"]),
        .testTarget(name: "RemoteTests", dependencies: ["Remote", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "AgentEmulatorKitTests", dependencies: ["AgentEmulatorKit", "TestSupport"]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "AgentSchema", "ConfigModel", "TestSupport"],
                    exclude: ["Golden"]),
        // Runs the built binaries; links agentctl only to parse the README's command lines without running them.
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "agentctl"], exclude: ["Golden"]),
    ]
)
