// swift-tools-version:6.0
// LossLab benchmarks: a package of its own, so `swift test` at the top level never builds it.
//
//   swift run -c release --package-path Benchmarks losslab-bench --help
//   bash Benchmarks/run.sh        # both sides (LossLab and numpy) and one table
//
// Default release settings on purpose (no -Ounchecked): the numbers are what learners get.
import PackageDescription

let package = Package(
  name: "LossLabBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    // By path, named so the product references below do not depend on the checkout's folder name.
    .package(name: "LossLab", path: "..")
  ],
  targets: [
    .executableTarget(
      name: "losslab-bench",
      dependencies: [
        .product(name: "LossEngine", package: "LossLab"),
        .product(name: "LossLanguage", package: "LossLab"),
        .product(name: "LossPlots", package: "LossLab"),
      ]
    ),
    // One landscape frame (60×20 cells, a line model under mse over 1,000 points).
    .executableTarget(
      name: "landscape-bench",
      dependencies: [
        .product(name: "LossLanguage", package: "LossLab"),
        .product(name: "LossPlots", package: "LossLab"),
      ]
    ),
  ]
)
