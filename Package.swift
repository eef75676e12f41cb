// swift-tools-version:6.0
// LossLab: a terminal shell that teaches loss functions by doing them.
// Layering (each target depends only on those above it, and lists every module it imports):
//   LossEngine → LossLanguage → LossPlots → LossLessons → LossShell → LossTerminal / LineEditor
//   → losslab
import PackageDescription

let package = Package(
  name: "LossLab",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "losslab", targets: ["losslab"]),
    .library(name: "LossEngine", targets: ["LossEngine"]),
    .library(name: "LossLanguage", targets: ["LossLanguage"]),
    .library(name: "LossPlots", targets: ["LossPlots"]),
    // For the fuzz targets in Fuzz/ (a separate package).
    .library(name: "LossLessons", targets: ["LossLessons"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // CSV files for `load` (why this one and not SwiftCSV: Sources/LossLanguage/DataFiles).
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
  ],
  targets: [
    // MARK: Engine and language (no I/O)
    .target(name: "LossEngine", exclude: ["Datasets/README.md"]),
    // Reads CSV text it is handed; files are read by a FileReader the executable injects.
    .target(
      name: "LossLanguage",
      dependencies: ["LossEngine", .product(name: "CSV", package: "CSV.swift")]),
    // Sampling, the plot model, text alternatives and SVG (no terminal, no I/O).
    .target(name: "LossPlots", dependencies: ["LossEngine", "LossLanguage"]),

    // MARK: Lessons (no terminal)
    .target(
      name: "LossLessons",
      dependencies: [
        "LossEngine", "LossLanguage", "LossPlots", .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(name: "BuiltinLessons", exclude: ["Lessons"], plugins: ["EmbedLessons"]),

    // MARK: Shell, rendering and line editing
    .target(
      name: "LossShell", dependencies: ["LossEngine", "LossLanguage", "LossPlots", "LossLessons"]),
    .target(
      name: "LossTerminal",
      dependencies: ["LossEngine", "LossLanguage", "LossPlots", "LossLessons", "LossShell"]
    ),
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
    ),
    .target(name: "LineEditor", dependencies: ["CEditLine"]),

    // MARK: The executable: wiring only
    .executableTarget(
      name: "losslab",
      dependencies: [
        "LossEngine", "LossLanguage", "LossLessons", "BuiltinLessons", "LossShell",
        "LossTerminal", "LineEditor",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // MARK: Build tools (Tools/BuildTools): not part of the architecture's layers
    .executableTarget(name: "LessonEmbedder", path: "Tools/BuildTools/LessonEmbedder"),
    .plugin(
      name: "EmbedLessons", capability: .buildTool(), dependencies: ["LessonEmbedder"],
      path: "Tools/BuildTools/EmbedLessonsPlugin"),

    // MARK: Test helpers (Tools/TestHelpers): programs the tests run
    // Saves progress in a loop so tests can SIGKILL it mid-save.
    .executableTarget(
      name: "progress-writer", dependencies: ["LossLessons"],
      path: "Tools/TestHelpers/progress-writer"),
    // Drives LibeditLineSource in LineEditorTests' pseudo-terminal (tmux) tests.
    .executableTarget(
      name: "line-editor-demo", dependencies: ["LineEditor"],
      path: "Tools/TestHelpers/line-editor-demo"),

    // MARK: Tests
    .target(name: "TestSupport", dependencies: ["LossEngine"], path: "Tests/TestSupport"),
    .testTarget(name: "LossEngineTests", dependencies: ["LossEngine", "TestSupport"]),
    .testTarget(
      name: "LossPlotsTests", dependencies: ["LossPlots", "LossLanguage", "TestSupport"]),
    .testTarget(
      name: "LossLanguageTests",
      dependencies: ["LossLanguage", "TestSupport"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "LossLessonsTests",
      dependencies: [
        "LossEngine", "LossLanguage", "LossPlots", "LossLessons", "BuiltinLessons", "TestSupport",
      ],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "LossShellTests",
      dependencies: [
        "LossEngine", "LossLanguage", "LossPlots", "LossLessons", "LossShell", "TestSupport",
      ]),
    .testTarget(
      name: "LossTerminalTests",
      dependencies: [
        "LossEngine", "LossLanguage", "LossPlots", "LossLessons", "LossShell", "LossTerminal",
        "TestSupport",
      ],
      resources: [.copy("PlotSnapshots")]),
    .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "TestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
  ]
)
