// swift-tools-version: 6.0
import PackageDescription

/// hubsh: a Lua 5.4 scripting host for HubSpot CRM.
///
/// The targets are the layers of docs/architecture.md; dependencies point down only.
/// No Swift package dependencies: Foundation, the system Lua and libedit.
let package = Package(
    name: "hubsh",
    products: [
        .executable(name: "hubsh", targets: ["hubsh"]),
        .library(name: "HubSpot", targets: ["HubSpot"]),
        .library(name: "LuaKit", targets: ["LuaKit"]),
    ],
    targets: [
        // System libraries, found with pkg-config; the providers name Debian's packages.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Our own C: the error trampoline, the interrupt hook, the allocator, macro re-exports.
        .target(name: "CLuaShim", dependencies: ["CLua"]),

        // Layers.
        .target(name: "LuaKit", dependencies: ["CLua", "CLuaShim"]),
        .target(name: "HubSpot"),
        .target(name: "HubSpotSandbox", dependencies: ["HubSpot"]),
        .target(name: "HubSpotLua", dependencies: ["LuaKit", "HubSpot"]),
        .target(name: "LineEditor", dependencies: ["CEditLine"]),
        .executableTarget(
            name: "hubsh",
            dependencies: ["HubSpotLua", "HubSpotSandbox", "LineEditor", "LuaKit", "HubSpot"]
        ),

        // Benchmarks (scripts/bench): the program and its plain-C references.
        .target(name: "CBenchReference", dependencies: ["CLua"]),
        .executableTarget(
            name: "hubsh-bench",
            dependencies: ["LuaKit", "CBenchReference", "CLua", "HubSpot", "HubSpotSandbox"]
        ),

        // Tests. HubSpotSpecs validates requests and responses against ../shared/hubspot-api.
        .target(name: "HubSpotSpecs", dependencies: ["HubSpotSandbox"], path: "Tests/Support/HubSpotSpecs"),
        .testTarget(name: "LuaKitTests", dependencies: ["LuaKit"]),
        .testTarget(name: "HubSpotTests", dependencies: ["HubSpot", "HubSpotSandbox", "HubSpotSpecs"]),
        .testTarget(name: "HubSpotSandboxTests", dependencies: ["HubSpotSandbox", "HubSpot", "HubSpotSpecs"]),
        .testTarget(name: "HubSpotLuaTests", dependencies: ["HubSpotLua", "HubSpotSandbox", "LuaKit", "HubSpot"]),
        .testTarget(name: "hubshEndToEndTests", dependencies: ["hubsh", "HubSpotSandbox", "HubSpot", "HubSpotSpecs", "LuaKit"]),
    ],
    swiftLanguageModes: [.v6]
)
