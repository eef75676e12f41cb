import LossEngine
import LossLanguage
import Testing

@Suite("grad(EXPR, NAME, ...)")
struct GradTests {
  @Test func oneNameGivesTheGradientInTheVariablesShape() throws {
    var session = Session()
    try session.run("w = [1, 2, 3]")
    #expect(try session.tensor("grad(sum(w^2), w)").parts == parts([3], [2, 4, 6]))
    try session.run("b = 0.5")
    #expect(try session.tensor("grad(b^3, b)").parts == parts([], [0.75]))
    try session.run("M = [[1, 2], [3, 4]]")
    #expect(try session.tensor("grad(sum(M * M), M)").parts == parts([2, 2], [2, 4, 6, 8]))
    // grad's value is not itself a loss call: its "grad" is null.
    #expect(session.json("grad(sum(w^2), w)") == #"{"value": [2.0, 4.0, 6.0], "grad": null}"#)
  }

  @Test func severalNamesGiveAListInOrder() throws {
    var session = Session()
    try session.run("a = 2")
    try session.run("b = [1, 2]")
    let both = try session.value("grad(a * sum(b^2), a, b)")
    #expect(both == .list([.tensor(Tensor(scalar: 5)), .tensor(try Tensor(vector: [4, 8]))]))
    let reversed = try session.value("grad(a * sum(b^2), b, a)")
    #expect(reversed == .list([.tensor(try Tensor(vector: [4, 8])), .tensor(Tensor(scalar: 5))]))
    #expect(
      session.json("grad(a * sum(b^2), a, b)") == #"{"value": [5.0, [4.0, 8.0]], "grad": null}"#)
    // A variable the expression does not use gets zeros.
    try session.run("unused = [7, 7, 7]")
    #expect(
      try session.value("grad(a^2, a, unused)")
        == .list([.tensor(Tensor(scalar: 4)), .tensor(try Tensor(vector: [0, 0, 0]))]))
  }

  /// The output is the first variable's own leaf, recorded before the second variable's: the
  /// later one gets zeros (the tape's rule), and nothing traps.
  @Test func aVariableAsTheWholeExpressionWithALaterOne() throws {
    var session = Session()
    try session.run("p = 2")
    try session.run("M = [3, 4]")
    #expect(
      try session.value("grad(p, p, M)")
        == .list([.tensor(Tensor(scalar: 1)), .tensor(try Tensor(vector: [0, 0]))]))
    #expect(
      try session.value("grad(p, M, p)")
        == .list([.tensor(try Tensor(vector: [0, 0])), .tensor(Tensor(scalar: 1))]))
    try session.run("w = 1")
    #expect(try session.tensor("train(w^2, w, steps=1)").storage == [1, 0.8 * 0.8])
  }

  @Test func gradIsStoredLikeAnyValue() throws {
    var session = Session()
    try session.run("w = 3")
    try session.run("g = grad((w - 1)^2, w)")
    try session.run("w = w - 0.25 * g")  // one step of gradient descent
    #expect(try session.scalar("w") == 2)
  }

  @Test func aLossCallsGradIsWithRespectToItsPrediction() throws {
    var session = Session()
    try session.run("x = [1, 2]")
    try session.run("y = [2, 4]")
    try session.run("w = 0.5")
    // ∂/∂w mse(w x, y) = mean(2 (w x - y) x) = (2(-1.5)(1) + 2(-3)(2)) / 2 = -7.5
    #expect(try session.scalar("grad(mse(w * x, y), w)") == -7.5)
    // The top-level call reports ∂/∂p instead.
    let (_, loss) = try session.loss("mse(w * x, y)")
    #expect(loss.gradient?.parts == parts([2], [-1.5, -3]))
  }

  @Test func usesOfAVariableEverywhereAccumulate() throws {
    var session = Session()
    try session.run("x = 3")
    #expect(try session.scalar("grad(x * x, x)") == 6)
    #expect(try session.scalar("grad(x * x * x + x, x)") == 28)
    try session.run("def f(a) = a * x")  // x read as a global inside the function
    #expect(try session.scalar("grad(f(x), x)") == 6)
    #expect(try session.scalar("grad(f(2), x)") == 2)
    try session.run("v = [1, 2]")
    #expect(
      try session.tensor("grad(sum([v[1], v[1], v[2]] * [1, 10, 100]), v)").parts
        == parts([2], [11, 100]))
  }

  @Test func gradThroughTheBranchTaken() throws {
    var session = Session()
    try session.run("p = [1, -2, 3]")
    #expect(
      try session.tensor("grad(sum(where(p > 0, p^2, 10 * p)), p)").parts == parts([3], [2, 10, 6]))
    #expect(try session.tensor("grad(sum(clip(p, -1, 2)), p)").parts == parts([3], [1, 0, 0]))
    #expect(try session.tensor("grad(sum(max(p, 0)), p)").parts == parts([3], [1, 0, 1]))
    #expect(try session.tensor("grad(max(p), p)").parts == parts([3], [0, 0, 1]))
    #expect(try session.tensor("grad(sum(relu(p)), p)").parts == parts([3], [1, 0, 1]))
    #expect(try session.tensor("grad(sum(abs(p)), p)").parts == parts([3], [1, -1, 1]))
    #expect(try session.tensor("grad(p[2] * 5, p)").parts == parts([3], [0, 5, 0]))
    try session.run("M = [[1, 2], [3, 4]]")
    #expect(
      try session.tensor("grad(sum(M[2] * [10, 100]), M)").parts == parts([2, 2], [0, 0, 10, 100]))
  }

  @Test func documentedSubgradientsAtKinks() throws {
    var session = Session()
    try session.run("p = [0, 1]")
    #expect(try session.tensor("grad(sum(abs(p)), p)").parts == parts([2], [0, 1]))  // abs'(0) = 0
    // relu'(0) = 0
    #expect(try session.tensor("grad(sum(relu(p)), p)").parts == parts([2], [0, 1]))
    // ties share
    #expect(try session.tensor("grad(sum(max(p, [0, 1])), p)").parts == parts([2], [0.5, 0.5]))
    // bounds pass
    #expect(try session.tensor("grad(sum(clip(p, 0, 1)), p)").parts == parts([2], [1, 1]))
    #expect(try session.tensor("grad(mean(abs(p - [0, 1])), p)").parts == parts([2], [0, 0]))
  }

  @Test func nestedGradIsRefused() throws {
    let error = try failure("x = 1", "grad(grad(x^2, x), x)")
    #expect(error.message == "grad cannot be nested: second derivatives are not supported")
    #expect(error.range?.column == 6)
    // Also through a function.
    let inFunction = try failure("x = 1", "def slope(a) = grad(a^2, x)", "grad(slope(x), x)")
    #expect(
      inFunction.message.hasSuffix("grad cannot be nested: second derivatives are not supported"))
  }

  @Test func gradOfANonScalarIsRefused() throws {
    let error = try failure("x = [1, 2]", "grad(x * 2, x)")
    #expect(
      error.message
        == "grad is not differentiable here: the expression must give one number (a loss), got shape [2]"
    )
    #expect(error.range?.column == 6)
  }

  @Test func gradNeedsVariables() throws {
    #expect(
      try failure("grad(1)").message
        == "grad needs an expression and at least one variable name, like grad(mse(w * x, y), w)")
    #expect(
      try failure("x = 1", "grad(x^2, 2)").message
        == "grad differentiates with respect to variables: write a variable's name here")
    #expect(
      try failure("x = 1", "grad(x^2, x + 1)").message
        == "grad differentiates with respect to variables: write a variable's name here")
    let unknown = try failure("weight = 1", "grad(weight^2, wieght)")
    #expect(
      unknown.message
        == "grad needs 'wieght' to be a variable with a value — did you mean 'weight'?")
    #expect(unknown.range?.column == 16)
    #expect(
      try failure(#"s = "adam""#, "grad(1, s)").message
        == "grad can only differentiate with respect to numbers; 's' is a string")
    #expect(try failure("grad(1, x=2)").message == "grad takes no named arguments")
  }

  @Test func aConstantExpressionHasZeroGradient() throws {
    #expect(try tensor("w = [1, 2]", "grad(5, w)").parts == parts([2], [0, 0]))
    // comparisons are steps
    #expect(try tensor("w = [1, 2]", "grad(sum(w > 1), w)").parts == parts([2], [0, 0]))
  }

  @Test func gradDoesNotChangeTheScope() throws {
    var session = Session()
    try session.run("w = [1, 2]")
    _ = try session.value("grad(sum(w^2), w)")
    #expect(try session.tensor("w").parts == parts([2], [1, 2]))
    // Calling it twice gives the same answer (no double counting).
    #expect(try session.tensor("grad(sum(w^2), w)") == (try session.tensor("grad(sum(w^2), w)")))
  }

  @Test func anElementWiseLossOnMatricesTakesTheMeanOverAllElements() throws {
    var session = Session()
    // (P - 1)^2 = [[0, 1], [4, 9]]: the mean over all 4 elements, not per row.
    let (value, loss) = try session.loss("mse([[1, 2], [3, 4]], [[1, 1], [1, 1]])")
    #expect(value == .tensor(Tensor(scalar: 3.5)))
    #expect(loss.gradient?.parts == parts([2, 2], [0, 0.5, 1, 1.5]))  // 2e / 4
    try session.run("def my_mse(p, y) = mean((p - y)^2)")
    #expect(try session.scalar("my_mse([[1, 2], [3, 4]], 1)") == 3.5)
  }

  @Test func aScalarTargetBroadcastsOverTheVectorPrediction() throws {
    var session = Session()
    let (value, loss) = try session.loss("mse([1, 2, 3], 2)")
    #expect(value == .tensor(Tensor(scalar: 2.0 / 3)))
    #expect(loss.gradient?.parts == parts([3], [-2.0 / 3, 0, 2.0 / 3]))
    #expect(
      try session.failure("mse(2, [1, 2, 3])").message
        == "mse expects p and y of the same shape, got scalar and [3]")
  }
}

@Suite("Gradients for watch (Interpreter.evaluate(_:gradientsFor:))")
struct WatchGradientTests {
  @Test func gradientsForEachNamedVariable() throws {
    var session = Session()
    try session.run("w = [1, 2]")
    try session.run("b = 3")
    try session.run("unused = [5, 5, 5]")
    try session.run(#"s = "text""#)
    let expression = try Parser.parseExpression("sum(w^2) * b")
    let (value, gradients) = try session.interpreter.evaluate(
      expression, gradientsFor: ["w", "b", "unused", "s", "nothing"])
    #expect(value == .tensor(Tensor(scalar: 15)))
    #expect(gradients["w"]?.parts == parts([2], [6, 12]))
    #expect(gradients["b"]?.parts == parts([], [5]))
    #expect(gradients["unused"]?.parts == parts([3], [0, 0, 0]))
    #expect(gradients["s"] == nil)  // not numbers
    #expect(gradients["nothing"] == nil)  // not a variable
  }

  @Test func aNonScalarValueHasNoGradients() throws {
    var session = Session()
    try session.run("w = [1, 2]")
    let (value, gradients) = try session.interpreter.evaluate(
      try Parser.parseExpression("w * 2"), gradientsFor: ["w"])
    #expect(value == .tensor(try Tensor(vector: [2, 4])))
    #expect(gradients.isEmpty)
  }
}
