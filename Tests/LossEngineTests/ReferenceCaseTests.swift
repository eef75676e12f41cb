import LossEngine
import TestSupport
import Testing

/// The loss-level cases of the reference file (a copy is `Tests/LossLanguageTests/Fixtures/losses.jsonl`; computed in float64 by JAX, optax,
/// scikit-learn and NumPy) and the worked examples of the seed article, with its misprinted
/// results corrected.
@Suite("Reference values from independent libraries")
struct ReferenceCaseTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let id: String
    let make: @Sendable () throws -> any Loss
    let prediction: Tensor
    let target: Tensor
    let value: Double
    /// Nil for cases that check the value only (a kink or a clip bound).
    let gradient: Tensor?
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(
      id: "mse_n4_s0", make: { MeanSquaredError() },
      prediction: Tensor(testVector: [-4.354878, 4.117853, -3.388681, 3.277314]),
      target: Tensor(testVector: [-2.352135, 3.599805, -2.363072, 4.945265]),
      value: 2.02832190340875,
      gradient: Tensor(testVector: [
        -1.0013715, 0.25902400000000014, -0.5128045000000001, -0.8339755,
      ])),
    Case(
      id: "mae_n4_s0", make: { MeanAbsoluteError() },
      prediction: Tensor(testVector: [0.553671, -1.103673, 4.784019, -2.595256]),
      target: Tensor(testVector: [0.768404, -0.277118, 2.151372, -1.167357]),
      value: 1.2754585, gradient: Tensor(testVector: [-0.25, -0.25, 0.25, -0.25])),
    Case(
      id: "rmse_n4_s0", make: { RootMeanSquaredError() },
      prediction: Tensor(testVector: [0.683722, 2.173924, -2.378002, 1.642843]),
      target: Tensor(testVector: [1.832706, 3.334113, -0.633165, 0.964154]),
      value: 1.2421028201468467,
      gradient: Tensor(testVector: [
        -0.23125782772640396, -0.23351307580616343, -0.35118610385928395, 0.13660080892493318,
      ])),
    Case(
      id: "huber_n4_s0", make: { try HuberLoss() },
      prediction: Tensor(testVector: [-2.213627, -2.769547, 4.385061, 0.890327]),
      target: Tensor(testVector: [-1.948699, -0.918533, 3.162087, 1.152389]),
      value: 0.5358549171285001,
      gradient: Tensor(testVector: [-0.06623199999999996, -0.25, 0.25, -0.06551550000000003])),
    Case(
      id: "huber_delta2_n4", make: { try HuberLoss(delta: 2) },
      prediction: Tensor(testVector: [-3.042184, 0.978726, -1.267209, -1.998715]),
      target: Tensor(testVector: [-1.273596, 1.135536, -3.627949, -1.617913]),
      value: 1.0925578816310002,
      gradient: Tensor(testVector: [
        -0.44214700000000007, -0.03920250000000003, 0.5, -0.09520050000000002,
      ])),
    Case(
      id: "mape_n4_s0", make: { MeanAbsolutePercentageError() },
      prediction: Tensor(testVector: [23.593482, 28.196891, 7.904728, -111.027753]),
      target: Tensor(testVector: [26.33199, 31.65048, 4.296142, -99.020684]),
      value: 29.358340449481357,
      gradient: Tensor(testVector: [
        -0.9494155208170746, -0.7898774362979645, 5.819174505870617, -0.25247250362358636,
      ])),
    Case(
      id: "bce_n4_s0", make: { BinaryCrossEntropy() },
      prediction: Tensor(testVector: [0.572458, 0.551936, 0.922058, 0.148565]),
      target: Tensor(testVector: [1, 0, 1, 1]),
      value: 0.8371287412665589,
      gradient: Tensor(testVector: [
        -0.43671326106020003, 0.5579560062848165, -0.2711326185554488, -1.6827651196446,
      ])),
    Case(
      id: "bce_logits_n4_s0", make: { BinaryCrossEntropyWithLogits() },
      prediction: Tensor(testVector: [1.424688, -4.412805, 0.102563, -2.132539]),
      target: Tensor(testVector: [1, 0, 0, 1]),
      value: 0.8044831862147352,
      gradient: Tensor(testVector: [
        -0.04848192623213261, 0.00299399213677125, 0.13140457425081142, -0.2235064508158017,
      ])),
    Case(
      id: "hinge_n4_s0", make: { HingeLoss() },
      prediction: Tensor(testVector: [1.872623, -0.405273, -3.662197, 0.96884]),
      target: Tensor(testVector: [1, -1, -1, -1]),
      value: 0.64089175, gradient: Tensor(testVector: [0, 0.25, 0, 0.25])),
    Case(
      id: "logcosh_n4_s0", make: { LogCoshLoss() },
      prediction: Tensor(testVector: [-0.186461, -3.030486, 5.183716, -1.055647]),
      target: Tensor(testVector: [1.223514, -0.997751, 3.562251, -1.542608]),
      value: 0.8030262635982897,
      gradient: Tensor(testVector: [
        -0.22187220597044263, -0.24156720173608134, 0.23120911474117847, 0.11295027248992237,
      ])),
    Case(
      id: "focal_g2_a0.25_n4", make: { try FocalLoss(gamma: 2, alpha: 0.25) },
      prediction: Tensor(testVector: [0.017904, 0.732565, 0.146934, 0.877042]),
      target: Tensor(testVector: [1, 0, 0, 1]),
      value: 0.37597411665181457,
      gradient: Tensor(testVector: [
        -3.8607975544096234, 0.7385606534802368, 0.01350173667767227, -0.003093907966349241,
      ])),
    Case(
      id: "cce_3x4_s0", make: { CategoricalCrossEntropy() },
      prediction: Tensor(testMatrix: [
        [0.135904, 0.332067, 0.342075, 0.189954], [0.322941, 0.314361, 0.267808, 0.09489],
        [0.165619, 0.598965, 0.074543, 0.160873],
      ]),
      target: Tensor(testMatrix: [[0, 0, 1, 0], [0, 0, 1, 0], [0, 1, 0, 0]]),
      value: 0.9675874513798762,
      gradient: Tensor(testMatrix: [
        [0, 0, -0.9744451752783257, 0], [0, 0, -1.2446728004142271, 0],
        [0, -0.5565155448704571, 0, 0],
      ])),
    Case(
      id: "cce_logits_3x4_s0", make: { CategoricalCrossEntropyWithLogits() },
      prediction: Tensor(testMatrix: [
        [2.103343, -0.4527, 0.402869, 0.111986], [-1.201769, -0.717666, 3.144856, -1.248251],
        [1.564472, -3.086843, 0.048074, -1.395289],
      ]),
      target: Tensor(testMatrix: [[0, 1, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]]),
      value: 2.509876132306868,
      gradient: Tensor(testMatrix: [
        [0.2386546703063741, -0.31481104812564487, 0.04357761551726102, 0.03257876230200974],
        [-0.32920765090713755, 0.006694822341252216, 0.3185745274448904, 0.003938301120994975],
        [-0.07309587426537278, 0.0024850170440920655, 0.05712241053104459, 0.013488446690236145],
      ])),
    Case(
      id: "cce_logits_large_1000", make: { CategoricalCrossEntropyWithLogits() },
      prediction: Tensor(testMatrix: [[1000, 0, -1000], [-1000, 1000, 999], [800, 800.5, 0]]),
      target: Tensor(testMatrix: [[0, 1, 0], [0, 0, 1], [1, 0, 0]]),
      value: 334.09577955723273,
      gradient: Tensor(testMatrix: [
        [0.3333333333333333, -0.3333333333333333, 0], [0, 0.2436861928766683, -0.2436861928766683],
        [-0.2074864437339515, 0.2074864437339515, 0],
      ])),
    Case(
      id: "bce_clip_p0_y1", make: { BinaryCrossEntropy() }, prediction: Tensor(scalar: 0),
      target: Tensor(scalar: 1), value: 34.538776394910684, gradient: nil),
    Case(
      id: "hinge_kink_value", make: { HingeLoss() }, prediction: Tensor(testVector: [1, -1, 0.5]),
      target: Tensor(testVector: [1, 0, 1]), value: 0.16666666666666666, gradient: nil),
    Case(
      id: "mae_identical_value", make: { MeanAbsoluteError() },
      prediction: Tensor(testVector: [1.5, -2, 3]), target: Tensor(testVector: [1.5, -2, 3]),
      value: 0, gradient: nil),
    // The seed article's examples. It printed 1,033,333,333.33 here: (50000² + 10000² +
    // 20000²) / 3 is exactly 1e9.
    Case(
      id: "article_mse_house_prices", make: { MeanSquaredError() },
      prediction: Tensor(testVector: [300000, 450000, 200000]),
      target: Tensor(testVector: [250000, 460000, 180000]), value: 1e9,
      gradient: Tensor(testVector: [33333.33333333333, -6666.666666666666, 13333.333333333332])),
    Case(
      id: "article_mse_small", make: { MeanSquaredError() },
      prediction: Tensor(testVector: [2.5, 5, 3, 8]), target: Tensor(testVector: [3, 5, 2.5, 7]),
      value: 0.375, gradient: Tensor(testVector: [-0.25, 0, 0.25, 0.5])),
    Case(
      id: "article_mae_small", make: { MeanAbsoluteError() },
      prediction: Tensor(testVector: [2.5, 5, 3, 8]), target: Tensor(testVector: [3, 5, 2.5, 7]),
      value: 0.5, gradient: Tensor(testVector: [-0.25, 0, 0.25, 0.25])),
    Case(
      id: "article_rmse_small", make: { RootMeanSquaredError() },
      prediction: Tensor(testVector: [2.5, 5, 3, 8]), target: Tensor(testVector: [3, 5, 2.5, 7]),
      value: 0.6123724356957945,
      gradient: Tensor(testVector: [
        -0.20412414523193154, 0, 0.20412414523193154, 0.4082482904638631,
      ])),
    // Printed as 0.3711; the mean of −ln .9, −ln .9, −ln .8, −ln .4 is 0.33754.
    Case(
      id: "article_bce_4", make: { BinaryCrossEntropy() },
      prediction: Tensor(testVector: [0.9, 0.1, 0.8, 0.4]),
      target: Tensor(testVector: [1, 0, 1, 1]),
      value: 0.3375388286260043,
      gradient: Tensor(testVector: [-0.2777777777777778, 0.2777777777777778, -0.3125, -0.625])),
    Case(
      id: "bce_scalar_article_y1", make: { BinaryCrossEntropy() }, prediction: Tensor(scalar: 0.9),
      target: Tensor(scalar: 1), value: 0.10536051565782628,
      gradient: Tensor(scalar: -1.1111111111111112)),
    Case(
      id: "bce_scalar_article_y0", make: { BinaryCrossEntropy() }, prediction: Tensor(scalar: 0.9),
      target: Tensor(scalar: 0), value: 2.302585092994046,
      gradient: Tensor(scalar: 10.000000000000002)),
  ]

  @Test(arguments: cases)
  func matchesReference(_ reference: Case) throws {
    let result = try evaluateLoss(reference.make(), reference.prediction, reference.target)
    expectClose(result.value, reference.value, relative: 1e-13)
    if let gradient = reference.gradient {
      expectClose(result.predictionGradient, gradient, relative: 1e-13)
    }
  }

  /// The article's house prices: squared errors 2.5e9, 1e8 and 4e8 sum exactly to 3e9, and the
  /// mean is exactly 1e9, not a rounding away from it.
  @Test func housePriceMeanSquaredErrorIsExactlyOneBillion() throws {
    let value = try lossValue(
      MeanSquaredError(), Tensor(testVector: [300000, 450000, 200000]),
      Tensor(testVector: [250000, 460000, 180000]))
    #expect(value == 1e9)
  }

  /// The article's small regression: exact values where the arithmetic is exact.
  @Test func articleRegressionExample() throws {
    let prediction = Tensor(testVector: [2.5, 5, 3, 8])
    let target = Tensor(testVector: [3, 5, 2.5, 7])
    #expect(try lossValue(MeanSquaredError(), prediction, target) == 0.375)
    #expect(try lossValue(MeanAbsoluteError(), prediction, target) == 0.5)
    #expect(try lossValue(RootMeanSquaredError(), prediction, target) == 0.6123724356957945)
  }
}
