import LossEngine
import TestSupport
import Testing

/// The catalogue that `help`, completion and the language read.
@Suite("Loss catalogue")
struct LossCatalogTests {
  @Test func listsEveryLossOnceInHelpOrder() {
    #expect(
      LossCatalog.all.map(\.name) == [
        "mse", "mae", "rmse", "huber", "mape", "bce", "bce_logits", "cce", "cce_logits", "hinge",
        "focal", "logcosh",
      ])
    #expect(LossCatalog.descriptor(named: "focal")?.name == "focal")
    #expect(LossCatalog.descriptor(named: "mean_squared_error") == nil)
  }

  @Test(arguments: LossCatalog.all.map(\.name))
  func descriptorBuildsTheLossItNames(name: String) throws {
    let descriptor = try #require(LossCatalog.descriptor(named: name))
    let defaults = descriptor.options.map(\.defaultValue)
    #expect(try descriptor.make(defaults).name == name)
    // Missing option values fall back to the defaults.
    #expect(try descriptor.make([]).name == name)
    #expect(!descriptor.formula.isEmpty)
    #expect(!descriptor.summary.isEmpty)
    #expect(["p", "z", "s"].contains(descriptor.predictionName))
  }

  @Test func optionsAndDefaults() throws {
    let huber = try #require(LossCatalog.descriptor(named: "huber"))
    #expect(huber.options.map(\.name) == ["delta"])
    #expect(huber.options.map(\.defaultValue) == [1])
    let focal = try #require(LossCatalog.descriptor(named: "focal"))
    #expect(focal.options.map(\.name) == ["gamma", "alpha"])
    #expect(focal.options.map(\.defaultValue) == [2, 0.25])
    let built = try #require(try focal.make([0.5, 0.75]) as? FocalLoss)
    #expect(built.gamma == 0.5 && built.alpha == 0.75)
    #expect(try #require(try huber.make([3]) as? HuberLoss).delta == 3)
  }

  @Test func predictionNames() throws {
    let names = Dictionary(
      uniqueKeysWithValues: LossCatalog.all.map { ($0.name, $0.predictionName) })
    #expect(names["bce_logits"] == "z")
    #expect(names["cce_logits"] == "z")
    #expect(names["hinge"] == "s")
    #expect(names["mse"] == "p")
  }

  /// Every example in help runs and gives the value worked out independently.
  @Test(arguments: [
    ("mse", 0.375), ("mae", 0.5), ("rmse", 0.6123724356957945), ("huber", 0.1875),
    ("mape", 6.1111111111111111111), ("bce", 0.3375388286260043),
    ("bce_logits", 40.15802566208042), ("cce", 0.43375028385236153106),
    ("cce_logits", 2.035104111700061), ("hinge", 0.45), ("focal", 0.07700380690844249615),
    ("logcosh", 0.16850246109989556),
  ])
  func exampleRuns(name: String, expected: Double) throws {
    let descriptor = try #require(LossCatalog.descriptor(named: name))
    let example = try CatalogExample(parsing: descriptor.example)
    #expect(example.name == name)
    try #require(example.arguments.count == 2, "\(descriptor.example)")
    #expect(Set(example.options.keys).isSubset(of: descriptor.options.map(\.name)))
    let options = descriptor.options.map { example.options[$0.name] ?? $0.defaultValue }
    let value = try lossValue(descriptor.make(options), example.arguments[0], example.arguments[1])
    expectClose(value, expected, relative: 1e-14, descriptor.example)
  }
}
