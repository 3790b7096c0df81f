// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dudao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dudao", targets: ["dudao"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // CSV and .xlsx reading and writing, with caps for untrusted uploads.
        .target(
            name: "Spreadsheet",
            dependencies: [
                "CivilDate", "DudaoZlib",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Day numbers of the Gregorian calendar, for the rules and the spreadsheets alike.
        .target(name: "CivilDate"),
        // zlib's deflate, for writing a ZIP as it streams out (the system's libz, as ZIPFoundation uses).
        .systemLibrary(name: "DudaoZlib"),
        // Pure rules: no Vapor, no Fluent.
        .target(
            name: "DudaoCore", dependencies: ["CivilDate", "Spreadsheet"],
            // The built-in indicator systems every new district starts from.
            resources: [.copy("Assessment/BuiltIn")]),
        .target(
            name: "App",
            dependencies: [
                "DudaoCore",
                "Spreadsheet",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(name: "dudao", dependencies: ["App"]),
        .testTarget(name: "SpreadsheetTests", dependencies: ["CivilDate", "Spreadsheet"]),
        .testTarget(name: "DudaoCoreTests", dependencies: ["DudaoCore", "Spreadsheet"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                "Spreadsheet",
                .product(name: "XCTVapor", package: "vapor"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["Views/__Snapshots__"]
        ),
    ]
)
