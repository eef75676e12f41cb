import LossEngine
import LossLanguage
import TestSupport
import Testing

@Suite("Built-in datasets")
struct DatasetTests {
  @Test func theSameCallGivesTheSameNumbersAndASeedChangesThem() throws {
    for name in ["houses", "spam", "imbalanced", "sine", "blobs"] {
      var s = Session()
      let first = try s.value("\(name)()")
      #expect(try s.value("\(name)()") == first, "\(name)")
      #expect(try s.value("\(name)(seed=2)") != first, "\(name)")
    }
  }

  @Test func housesHaveOneOutlier() throws {
    var s = Session()
    try s.run("size, price = houses()")
    #expect(try s.tensor("size").count == 20)
    // Every house but the last is priced near 1.5·size + 30; the last at four times that.
    let residual = try s.tensor("price / (1.5 * size + 30)")
    #expect(residual.storage.dropLast().allSatisfy { $0 > 0.7 && $0 < 1.3 })
    #expect(residual.storage.last.map { $0 > 3 } == true)
  }

  /// Row count, label counts and exact values at the corners, from scikit-learn's file, whose
  /// target 0 (malignant) became the label 1.
  @Test func breastCancerIsTheWisconsinTableWithMalignantAsOne() throws {
    var s = Session()
    try s.run("X, malignant = breast_cancer()")
    #expect(try s.tensor("X").shape == [569, 30])
    #expect(try s.scalar("sum(malignant)") == 212)
    #expect(try s.scalar("sum(1 - malignant)") == 357)
    #expect(try s.tensor("X[1, 1:4]").storage == [17.99, 10.38, 122.8, 1001])
    #expect(try s.scalar("X[1, 30]") == 0.1189)
    #expect(
      try s.scalar("malignant[1]") == 1, "the first tumour is malignant (target 0 in the file)")
    #expect(try s.tensor("X[569, 28:30]").storage == [0, 0.2871, 0.07039])
    #expect(try s.scalar("malignant[569]") == 0, "the last is benign")
    #expect(try s.scalar("X[20, 4]") == 566.3)
  }

  @Test func imbalancedIsNinetyNineToOne() throws {
    var s = Session()
    try s.run("x, label = imbalanced()")
    #expect(try s.scalar("sum(label)") == 10)
    #expect(try s.scalar("len(label)") == 1000)
  }

  @Test func blobsGiveAMatrixAndClassIndices() throws {
    var s = Session()
    try s.run("X, label = blobs(n=9)")
    #expect(try s.tensor("X").shape == [9, 2])
    #expect(try s.tensor("label").storage == [1, 2, 3, 1, 2, 3, 1, 2, 3])
  }

  @Test func sineFollowsTheSineWithoutNoise() throws {
    var s = Session()
    try s.run("x, y = sine(n=50, noise=0)")
    expectClose(try s.scalar("max(abs(y - sin(x)))"), 0, absolute: 1e-15)
    #expect(try s.failure("sine(noise=-1)").message.contains("noise must be a number ≥ 0"))
    #expect(try s.failure("houses(n=0)").message.contains("from 1 to 100,000"))
  }

  @Test func nearZeroFunctionsKeepTheirDigits() throws {
    var s = Session()
    expectClose(try s.scalar("log1p(1e-17)"), 1e-17)
    expectClose(try s.scalar("expm1(1e-17)"), 1e-17)
    expectClose(try s.scalar("sin(pi / 6)"), 0.5, relative: 1e-15)
    expectClose(try s.scalar("cos(pi / 3)"), 0.5, relative: 1e-15)
  }
}
