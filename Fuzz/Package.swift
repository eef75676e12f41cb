// swift-tools-version:6.0
// Coverage-guided fuzz targets (libFuzzer) for LossLab's parsers of hostile input. A separate
// package, so `swift build && swift test` at the top never builds them; run them with
// `bash Fuzz/run.sh SECONDS` (see Fuzz/README.md).
import PackageDescription

/// libFuzzer is linked into the fuzz targets only: passed to every target with `-Xswiftc`, it
/// would also be linked into the lesson embedder (a build tool of the main package) and break
/// it. Everything is compiled with coverage and AddressSanitizer by `run.sh`.
let libFuzzer: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
  name: "LossLabFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "LossLab", path: "..")],
  targets: [
    // Declares libFuzzer's driver, which each target's main hands its callback to.
    .target(name: "CFuzzer"),
    .executableTarget(
      name: "fuzz-expression",
      dependencies: ["CFuzzer", .product(name: "LossLanguage", package: "LossLab")],
      linkerSettings: libFuzzer),
    .executableTarget(
      name: "fuzz-lesson",
      dependencies: ["CFuzzer", .product(name: "LossLessons", package: "LossLab")],
      linkerSettings: libFuzzer),
    .executableTarget(
      name: "fuzz-template",
      dependencies: ["CFuzzer", .product(name: "LossLessons", package: "LossLab")],
      linkerSettings: libFuzzer),
    .executableTarget(
      name: "fuzz-progress",
      dependencies: ["CFuzzer", .product(name: "LossLessons", package: "LossLab")],
      linkerSettings: libFuzzer),
  ]
)
