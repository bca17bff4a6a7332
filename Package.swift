// swift-tools-version: 6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "GraphConformance",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "graph-conformance", targets: ["graph-conformance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Signed test tokens (RS256/ES256/HS256) and their JWKS: RSA lives in _CryptoExtras.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // libcurl, seen through typed setters: curl_easy_setopt is variadic and Swift cannot call it.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "CurlClient", dependencies: ["CCurl"], swiftSettings: swiftSettings),
        .target(name: "JSONShape", swiftSettings: swiftSettings),
        .target(name: "Identifiers", swiftSettings: swiftSettings),
        .target(
            name: "CaseModel",
            dependencies: ["JSONShape", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(name: "Reporting", dependencies: ["JSONShape"], swiftSettings: swiftSettings),
        // Signing keys, JWKs (RFC 7517/7638), JWS signing and verification, and the test issuer.
        .target(
            name: "TestIssuer",
            dependencies: [
                "JSONShape",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Runner",
            dependencies: ["CaseModel", "JSONShape", "CurlClient", "Reporting", "GraphMock", "TestIssuer", "Identifiers"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GraphMock",
            dependencies: [
                "JSONShape", "TestIssuer", "Identifiers",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Explorer",
            dependencies: ["JSONShape", "CurlClient", "Reporting", "CaseModel", "Identifiers"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "graph-conformance",
            dependencies: [
                "Runner", "GraphMock", "CaseModel", "Reporting", "JSONShape", "CurlClient", "TestIssuer", "Explorer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "TestSupport", swiftSettings: swiftSettings),

        .testTarget(name: "JSONShapeTests", dependencies: ["JSONShape"], swiftSettings: swiftSettings),
        .testTarget(name: "IdentifiersTests", dependencies: ["Identifiers"], swiftSettings: swiftSettings),
        .testTarget(name: "CurlClientTests", dependencies: ["CurlClient", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CaseModelTests", dependencies: ["CaseModel", "JSONShape", "TestSupport"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "TestSupport"], resources: [.copy("Goldens")], swiftSettings: swiftSettings),
        .testTarget(
            name: "RunnerTests",
            dependencies: ["Runner", "CaseModel", "JSONShape", "GraphMock", "TestSupport", "Reporting", "CurlClient", "TestIssuer", "Identifiers"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "GraphMockTests", dependencies: ["GraphMock", "JSONShape", "TestSupport", "TestIssuer"], swiftSettings: swiftSettings),
        .testTarget(name: "TestIssuerTests", dependencies: ["TestIssuer", "JSONShape", "CurlClient", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RobustnessTests",
            dependencies: ["Runner", "CaseModel", "JSONShape", "GraphMock", "TestSupport", "Reporting", "CurlClient", "Identifiers"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ExplorerTests",
            dependencies: ["Explorer", "GraphMock", "JSONShape", "CaseModel", "Runner", "Reporting", "TestSupport", "CurlClient"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
