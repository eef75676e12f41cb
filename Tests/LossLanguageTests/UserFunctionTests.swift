import LossEngine
import LossLanguage
import Testing

@Suite("User functions (def)")
struct UserFunctionTests {
  static let asym = "def asym(p, y) = mean(where(y - p > 0, 2*(y-p)^2, (y-p)^2))"

  @Test func definingPrintsTheDefinedLine() throws {
    var session = Session()
    #expect(session.json(Self.asym) == #"{"defined": "asym", "value": null, "grad": null}"#)
    guard case .defined(let function) = try session.run("def twice(x) = 2 * x") else {
      Issue.record("def did not define")
      return
    }
    #expect(function.name == "twice")
    #expect(function.parameters == ["x"])
    #expect(try session.scalar("twice(21)") == 42)
    try session.run("def three() = 3")  // no parameters
    #expect(try session.scalar("three() + 1") == 4)
  }

  @Test func aUserFunctionIsACustomLossWithGradients() throws {
    var session = Session()
    try session.run(Self.asym)
    // e = y - p = [1, 0, -1]: terms [2, 0, 1], mean 1.
    let (value, loss) = try session.loss("asym([1, 2, 3], [2, 2, 2])")
    #expect(value == .tensor(Tensor(scalar: 1)))
    #expect(loss.function == "asym")
    #expect(loss.isBuiltin == false)
    #expect(loss.prediction.parts == parts([3], [1, 2, 3]))
    #expect(loss.target?.parts == parts([3], [2, 2, 2]))
    // ∂/∂p: -4(y-p)/3 where y > p, else -2(y-p)/3.
    let gradient = try #require(loss.gradient)
    #expect(isClose(gradient, try Tensor(vector: [-4.0 / 3, 0, 2.0 / 3])))
    #expect(
      session.json("asym([1, 2, 3], [2, 2, 2])")
        == #"{"value": 1.0, "grad": [-1.3333333333333333, -0.0, 0.6666666666666666]}"#)
    // The same through grad(), with the prediction in a variable.
    try session.run("p = [1, 2, 3]")
    #expect(isClose(try session.tensor("grad(asym(p, [2, 2, 2]), p)"), gradient))
  }

  @Test func aUserFunctionMatchesTheBuiltInItSpellsOut() throws {
    var session = Session()
    try session.run("def my_mse(p, y) = mean((p - y)^2)")
    let (mine, myCall) = try session.loss("my_mse([1, 2, 4], [0, 0, 0])")
    let (builtin, builtinCall) = try session.loss("mse([1, 2, 4], [0, 0, 0])")
    #expect(mine == builtin)
    #expect(myCall.gradient == builtinCall.gradient)
    #expect(builtinCall.isBuiltin)
  }

  @Test func recursionIsRefusedAtDefinition() throws {
    var session = Session()
    let error = try session.failure("def f(x) = x + f(x - 1)")
    #expect(error.message == "a function cannot call itself (recursion is not supported)")
    #expect(error.range?.column == 16)
    #expect(try session.failure("f(1)").message.hasPrefix("unknown function 'f'"))
  }

  @Test func callingAFunctionDefinedLaterIsRefusedAtDefinition() throws {
    var session = Session()
    let error = try session.failure("def g(x) = h(x) + 1")
    #expect(error.message == "unknown function 'h'; define it first")
    #expect(error.range?.column == 12)
    let suggestion = try session.failure("def g(x) = meen(x)")
    #expect(suggestion.message == "unknown function 'meen' — did you mean 'mean'?; define it first")
  }

  @Test func mutualRecursionCannotBeBuiltByRedefining() throws {
    var session = Session()
    try session.run("def a(x) = x + 1")
    try session.run("def b(x) = a(x) * 2")
    // Redefining a to call b binds the b that exists now, which calls the old a: no loop.
    try session.run("def a(x) = b(x) + 100")
    #expect(try session.scalar("a(1)") == 104)  // (1 + 1) * 2 + 100
    #expect(try session.scalar("b(1)") == 4)
  }

  @Test func functionsReadGlobalsWhenCalled() throws {
    var session = Session()
    try session.run("k = 2")
    try session.run("def scaled(x) = k * x")
    #expect(try session.scalar("scaled(5)") == 10)
    try session.run("k = 3")
    #expect(try session.scalar("scaled(5)") == 15)
    // A global defined after the function is fine too.
    try session.run("def shifted(x) = x + later")
    #expect(try session.failure("shifted(1)").message == "in shifted(…): unknown name 'later'")
    try session.run("later = 10")
    #expect(try session.scalar("shifted(1)") == 11)
  }

  @Test func parametersShadowGlobals() throws {
    var session = Session()
    try session.run("x = 100")
    try session.run("def f(x) = x + 1")
    #expect(try session.scalar("f(1)") == 2)
    #expect(try session.scalar("x") == 100)
  }

  @Test func functionsCallEarlierFunctionsAndTakeNamedArguments() throws {
    var session = Session()
    try session.run("def sq(e) = e^2")
    try session.run("def weighted(p, y, w) = mean(w * sq(p - y))")
    #expect(try session.scalar("weighted(w=[1, 3], y=[0, 0], p=[1, 2])") == 6.5)
    #expect(try session.scalar("weighted([1, 2], [0, 0], w=2)") == 5)
  }

  @Test func errorsInsideAFunctionSayWhere() throws {
    var session = Session()
    try session.run("def bad(p) = p + [1, 2, 3]")
    let error = try session.failure("bad([1, 2])")
    #expect(error.message.hasPrefix("in bad(…): + cannot combine shapes [2] and [3]"))
    #expect(error.range?.column == 1)
  }

  @Test func parameterNamesMustBeDistinct() throws {
    #expect(try failure("def f(a, a) = a").message == "the parameter 'a' appears twice")
  }

  @Test func aDeepButFiniteChainOfFunctionsWorks() throws {
    var session = Session()
    try session.run("def f1(x) = x + 1")
    for i in 2...20 { try session.run("def f\(i)(x) = f\(i - 1)(x) + 1") }
    #expect(try session.scalar("f20(0)") == 20)
    try session.run("p = 3")
    #expect(try session.scalar("grad(f20(p) * p, p)") == 23 + 3)
  }
}
