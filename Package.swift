// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "agentctl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "agentctl", targets: ["agentctl"]),
        .executable(name: "agentctl-emulator", targets: ["agentctl-emulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
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
                "ConfigModel", "AgentSchema", "Validation", "Remote", "Simulator",
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
        // Fuzzing only (scripts/fuzz): libFuzzer targets over the readers; without libFuzzer they replay files.
        .executableTarget(name: "fuzz-agent-yaml", dependencies: ["ConfigModel", "AgentSchema", "Validation", "Simulator"],
                          path: "Fuzz/agent-yaml"),
        .testTarget(name: "ConfigModelTests", dependencies: ["ConfigModel"]),
        .testTarget(name: "AgentSchemaTests", dependencies: ["AgentSchema", "ConfigModel"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "AgentSchema", "ConfigModel"]),
        .testTarget(name: "RemoteTests", dependencies: ["Remote"], exclude: ["Golden"]),
        .testTarget(name: "AgentEmulatorKitTests", dependencies: ["AgentEmulatorKit"]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "AgentSchema", "ConfigModel"], exclude: ["Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: [], exclude: ["Golden", "Hostile"]),
    ]
)
