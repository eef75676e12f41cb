import LossEngine
import LossLanguage
import Testing

@Suite("Calls: positional and named arguments")
struct CallTests {
  /// `f(a, b) = 100a + 10b + c`-style functions show which value went to which parameter.
  private func session() throws -> Session {
    var session = Session()
    try session.run("def f(a, b, c) = 100 * a + 10 * b + c")
    return session
  }

  @Test(arguments: [
    "f(1, 2, 3)", "f(a=1, b=2, c=3)", "f(c=3, b=2, a=1)", "f(b=2, c=3, a=1)", "f(1, c=3, b=2)",
    "f(1, 2, c=3)",
  ])
  func namedArgumentsMayComeInAnyOrderOrPositionally(_ call: String) throws {
    var session = try session()
    #expect(try session.scalar(call) == 123, "\(call)")
  }

  @Test func namedArgumentsOfBuiltins() throws {
    #expect(try scalar("mse(y=[1, 2], p=[2, 4])") == 2.5)
    #expect(try scalar("mse([2, 4], y=[1, 2])") == 2.5)
    #expect(try tensor("clip(hi=1, lo=0, x=[-1, 0.5, 2])").parts == parts([3], [0, 0.5, 1]))
    #expect(try tensor("linspace(n=3, from=0, to=1)").parts == parts([3], [0, 0.5, 1]))
    #expect(try scalar("round(3.14159, digits=2)") == 3.14)
    #expect(try scalar("round(3.14159, 2)") == 3.14)
    #expect(try scalar("round(3.6)") == 4)  // the default digits=0
  }

  @Test func anUnknownNamedArgumentIsRefusedWithASuggestion() throws {
    let error = try failure("mse([1], yy=[1])")
    #expect(
      error.message == "mse has no argument named 'yy' — did you mean 'y'? (its arguments: p, y)")
    #expect(error.range?.column == 10)
    var session = try session()
    let user = try session.failure("f(1, 2, cc=3)")
    #expect(
      user.message == "f has no argument named 'cc' — did you mean 'c'? (its arguments: a, b, c)")
    #expect(user.range?.column == 9)
    let far = try session.failure("f(1, 2, zzzzzz=3)")
    #expect(far.message == "f has no argument named 'zzzzzz' (its arguments: a, b, c)")
  }

  @Test func missingArgumentsAreNamed() throws {
    #expect(try failure("mse([1, 2])").message == "mse(p, y) is missing its argument 'y'")
    #expect(
      try failure("clip([1, 2], hi=1)").message == "clip(x, lo, hi) is missing its argument 'lo'")
    #expect(try failure("sqrt()").message == "sqrt(x) is missing its argument 'x'")
    var session = try session()
    #expect(try session.failure("f(1, c=2)").message == "f(a, b, c) is missing its argument 'b'")
  }

  @Test func tooManyArgumentsAreCounted() throws {
    let error = try failure("mse(1, 2, 3)")
    #expect(error.message == "mse takes at most 2 arguments, got 3")
    #expect(error.range?.column == 11)  // the first argument too many
    #expect(try failure("abs(1, 2)").message == "abs takes at most 1 argument, got 2")
    var session = try session()
    #expect(try session.failure("f(1, 2, 3, 4)").message == "f takes at most 3 arguments, got 4")
  }

  @Test func anArgumentGivenTwiceOrPositionalAfterNamedIsRefused() throws {
    var session = try session()
    #expect(try session.failure("f(1, a=2, c=3)").message == "f's argument 'a' is given twice")
    #expect(
      try session.failure("f(a=1, 2, 3)").message
        == "a positional argument cannot follow a named one in a call to f")
  }

  @Test func callingAVariableOrNamingAFunctionIsExplained() throws {
    #expect(try failure("x = 3", "x(1)").message == "'x' is a variable, not a function")
    #expect(
      try failure("mean + 1").message
        == "'mean' is a function; call it with arguments, like mean(…)")
    #expect(
      try failure("def f(x) = x", "f * 2").message
        == "'f' is a function; call it with arguments, like f(…)")
  }

  @Test func maxAndMinReduceOrCompare() throws {
    #expect(try scalar("max([3, 7, 5])") == 7)
    #expect(try scalar("min([3, 7, 5])") == 3)
    #expect(try tensor("max(0, 1 - [2, 0.5, -1])").parts == parts([3], [0, 0.5, 2]))
    #expect(try tensor("min([1, 5], [3, 2])").parts == parts([2], [1, 2]))
  }

  @Test func requiredBuiltinsExist() throws {
    for name in [
      "mean", "sum", "abs", "sqrt", "log", "exp", "square", "max", "min", "clip", "sigmoid",
      "softmax",
      "relu", "tanh", "where", "sign", "len", "linspace", "grad", "mse",
    ] {
      #expect(BuiltinLibrary.named(name) != nil, "\(name)")
    }
    #expect(try scalar("sum([1, 2, 3])") == 6)
    #expect(try scalar("mean([[1, 2], [3, 6]])") == 3)
    #expect(try tensor("abs([-2, 0, 3])").parts == parts([3], [2, 0, 3]))
    #expect(try tensor("sqrt([1, 4, 9])").parts == parts([3], [1, 2, 3]))
    #expect(try tensor("square([1, -2])").parts == parts([2], [1, 4]))
    #expect(try scalar("log(exp(2))") == 2)
    #expect(try scalar("sigmoid(0)") == 0.5)
    #expect(try scalar("tanh(0)") == 0)
    #expect(try tensor("relu([-1, 0, 2])").parts == parts([3], [0, 0, 2]))
    #expect(try tensor("sign([-3, 0, 2])").parts == parts([3], [-1, 0, 1]))
    #expect(try tensor("where([1, -2, 3] > 0, 2, 1)").parts == parts([3], [2, 1, 2]))
    #expect(try scalar("len([3, 5, 2.5, 7])") == 4)
    #expect(try scalar("len([[1, 2, 3], [4, 5, 6]])") == 2)
    #expect(try tensor("linspace(-3, 3, 7)").parts == parts([7], [-3, -2, -1, 0, 1, 2, 3]))
    let s = try tensor("softmax([[1, 1], [0, 100]])")
    #expect(s.shape == [2, 2])
    #expect(
      isClose(
        s,
        try Tensor(
          shape: [2, 2],
          storage: [0.5, 0.5, CMath.exp(-100) / (1 + CMath.exp(-100)), 1 / (1 + CMath.exp(-100))])))
  }
}

@Suite("Assignment and indexing")
struct AssignmentTests {
  @Test func assignmentStoresAndPrintsTheValue() throws {
    var session = Session()
    #expect(try session.run("x = 2 + 3") == .assigned(name: "x", .tensor(Tensor(scalar: 5))))
    #expect(session.json("y = [1, 2]") == #"{"value": [1.0, 2.0], "grad": null}"#)
    #expect(try session.scalar("x * 2") == 10)
    try session.run("x = x + 1")  // the old value on the right
    #expect(try session.scalar("x") == 6)
    try session.run("x = [1, 2, 3]")  // a new shape is fine
    #expect(try session.tensor("x").parts == parts([3], [1, 2, 3]))
  }

  @Test func indexingIsOneBased() throws {
    var session = Session()
    try session.run("p = [10, 20, 30]")
    #expect(try session.scalar("p[1]") == 10)
    #expect(try session.scalar("p[3]") == 30)
    #expect(try session.scalar("p[1 + 1]") == 20)
    #expect(try session.scalar("[7, 8, 9][2]") == 8)
    try session.run("M = [[1, 2, 3], [4, 5, 6]]")
    #expect(try session.tensor("M[2]").parts == parts([3], [4, 5, 6]))
    #expect(try session.scalar("M[2][3]") == 6)
    #expect(
      try session.failure("p[0]").message
        == "indices start at 1: the first of these 3 elements is [1]")
    #expect(
      try session.failure("p[4]").message == "index 4 is outside 1…3: there are 3 elements")
    #expect(try session.failure("M[3]").message == "index 3 is outside 1…2: there are 2 rows")
    #expect(try session.failure("p[1.5]").message == "an index must be a whole number, got 1.5")
    #expect(
      try session.failure("p[[1, 2]]").message == "an index must be a single number, got shape [2]")
    #expect(
      try session.failure("p[1][1]").message == "a single number has no elements to pick")
  }

  @Test func elementAssignmentReplacesOneElement() throws {
    var session = Session()
    try session.run("p = [1, 2, 3]")
    #expect(try session.value("p[2] = 4") == .tensor(try Tensor(vector: [1, 4, 3])))
    #expect(try session.tensor("p").parts == parts([3], [1, 4, 3]))
    try session.run("p[3] = p[1] * 10")
    #expect(try session.tensor("p").parts == parts([3], [1, 4, 10]))
    #expect(session.json("p[1] = -1") == #"{"value": [-1.0, 4.0, 10.0], "grad": null}"#)
    #expect(
      try session.failure("p[4] = 1").message == "index 4 is outside 1…3: there are 3 elements")
    #expect(
      try session.failure("p[0] = 1").message
        == "indices start at 1: the first of these 3 elements is [1]")
    #expect(try session.failure("p[1] = [1, 2]").message == "p[1] holds shape scalar, got [2]")
    #expect(
      try session.failure("q[1] = 2").message == "unknown name 'q': assign the whole value first")
    try session.run("s = 5")
    #expect(try session.failure("s[1] = 2").message == "'s' has no elements to replace")
    // A failed assignment leaves the variable as it was.
    #expect(try session.tensor("p").parts == parts([3], [-1, 4, 10]))
  }

  @Test func matrixRowAssignmentReplacesARow() throws {
    var session = Session()
    try session.run("M = [[1, 2], [3, 4], [5, 6]]")
    try session.run("M[2] = [30, 40]")
    #expect(try session.tensor("M").parts == parts([3, 2], [1, 2, 30, 40, 5, 6]))
    try session.run("M[1] = M[3] * 2")
    #expect(try session.tensor("M").parts == parts([3, 2], [10, 12, 30, 40, 5, 6]))
    #expect(try session.failure("M[1] = [1, 2, 3]").message == "M[1] holds shape [2], got [3]")
    #expect(try session.failure("M[1] = 7").message == "M[1] holds shape [2], got scalar")
    #expect(
      try session.failure("M[4] = [1, 2]").message == "index 4 is outside 1…3: there are 3 rows")
  }

  @Test func matrixElementAssignmentReplacesOneNumber() throws {
    var session = Session()
    try session.run("X = [[1, 2, 3], [4, 5, 6]]")
    #expect(
      try session.value("X[2, 3] = 60") == .tensor(try Tensor(matrix: [[1, 2, 3], [4, 5, 60]])))
    try session.run("X[1, 2] = X[2, 1] * 10")
    #expect(try session.tensor("X").parts == parts([2, 3], [1, 40, 3, 4, 5, 60]))
    try session.run("i = 2; X[i, i - 1] = -4")
    #expect(try session.tensor("X[2, 1]").storage == [-4])
  }

  @Test func sliceAssignmentReplacesABlock() throws {
    var session = Session()
    try session.run("x = [1, 2, 3, 4, 5]")
    try session.run("x[2:4] = [20, 30, 40]")
    #expect(try session.tensor("x").parts == parts([5], [1, 20, 30, 40, 5]))
    try session.run("x[4:] = [0, 0]")
    #expect(try session.tensor("x").parts == parts([5], [1, 20, 30, 0, 0]))
    try session.run("X = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]")
    try session.run("X[:, 2] = [20, 50, 80]")
    #expect(try session.tensor("X").parts == parts([3, 3], [1, 20, 3, 4, 50, 6, 7, 80, 9]))
    try session.run("X[2:3, 2:3] = [[0, 0], [0, 1]]")
    #expect(try session.tensor("X").parts == parts([3, 3], [1, 20, 3, 4, 0, 0, 7, 0, 1]))
    try session.run("X[3, :] = X[1, :]")
    #expect(try session.tensor("X[3, :]").storage == [1, 20, 3])
  }

  @Test func assignmentIntoAValueLeavesItsCopiesAlone() throws {
    var session = Session()
    try session.run("X = [[1, 2], [3, 4]]; Y = X; x = [1, 2, 3]; y = x")
    try session.run("X[1, 1] = 100; x[2:3] = [0, 0]")
    #expect(try session.tensor("Y").parts == parts([2, 2], [1, 2, 3, 4]))
    #expect(try session.tensor("y").parts == parts([3], [1, 2, 3]))
    #expect(try session.tensor("X").parts == parts([2, 2], [100, 2, 3, 4]))
    // A function's view of a variable is the value at the call.
    try session.run("def first(v) = v[1]; a = first(x); x[1] = 7")
    #expect(try session.scalar("a") == 1)
  }

  @Test func blockAssignmentErrorsSayWhatAndWhere() throws {
    var session = Session()
    try session.run("X = [[1, 2, 3], [4, 5, 6]]")
    var error = try session.failure("X[3, 1] = 0")
    #expect(error.message == "index 3 is outside 1…2: there are 2 rows")
    #expect(error.range?.column == 3)
    error = try session.failure("X[1, 4] = 0")
    #expect(error.message == "index 4 is outside 1…3: there are 3 columns")
    #expect(error.range?.column == 6)
    error = try session.failure("X[1.5, 1] = 0")
    #expect(error.message == "an index must be a whole number, got 1.5")
    #expect(error.range?.column == 3)
    error = try session.failure("X[1, 0] = 0")
    #expect(error.problem == .data(.indexZero(.columns, count: 3)))
    error = try session.failure("X[1, 1:2] = [7, 8, 9]")
    #expect(error.message == "X[1, 1:2] holds shape [2], got [3]")
    #expect(error.range?.column == 13)
    error = try session.failure("X[:, 1] = [7, 8, 9]")
    #expect(error.message == "X[1:2, 1] holds shape [2], got [3]")
    error = try session.failure("X[1, 1] = [1, 2]")
    #expect(error.message == "X[1, 1] holds shape scalar, got [2]")
    error = try session.failure("X[1, 2, 3] = 0")
    #expect(error.problem == .data(.tooManySubscripts(shape: [2, 3], given: 3)))
    error = try session.failure("Z[1, 1] = 0")
    #expect(error.message == "unknown name 'Z': assign the whole value first")
    #expect(error.range?.column == 1)
    error = try session.failure("X[2:1, 1] = 0")
    #expect(error.problem == .data(.emptySpan(from: 2, to: 1)))
    error = try session.failure(#"X[1, 1] = "a""#)
    #expect(error.problem == .onlyNumbersStored("X"))
    // Every failure left X as it was.
    #expect(try session.tensor("X").parts == parts([2, 3], [1, 2, 3, 4, 5, 6]))
  }

  @Test func comparisonIsNotAssignment() throws {
    var session = Session()
    try session.run("x = 1")
    #expect(try session.scalar("x == 1") == 1)
    let error = try session.failure("x + 1 = 2")
    #expect(
      error.message == "unexpected '=': only a name (or name[i]) can be assigned; use == to compare"
    )
    #expect(error.range?.column == 7)
  }

  @Test(arguments: ["mean", "mse", "grad", "sum", "pi", "linspace", "where", "max"])
  func builtInNamesCannotBeReassigned(_ name: String) throws {
    var session = Session()
    let error = try session.failure("\(name) = 3")
    #expect(error.message == "'\(name)' is a built-in and cannot be redefined; pick another name")
    #expect(error.range?.column == 1)
    #expect(
      try session.failure("def \(name)(x) = x").message
        == "'\(name)' is a built-in and cannot be redefined; pick another name")
    #expect(
      try session.failure("def f(\(name)) = 1").message
        == "the parameter '\(name)' would hide the built-in \(name); pick another name")
    // And the built-in still works.
    if name == "pi" { #expect(try session.scalar("pi") == Double.pi) }
    if name == "mean" { #expect(try session.scalar("mean([1, 3])") == 2) }
  }

  @Test func aVariableAndAFunctionCannotShareAName() throws {
    var session = Session()
    try session.run("f = 3")
    try session.run("def f(x) = x * 2")
    #expect(try session.scalar("f(4)") == 8)
    #expect(
      try session.failure("f + 1").message == "'f' is a function; call it with arguments, like f(…)"
    )
    try session.run("f = 5")
    #expect(try session.scalar("f + 1") == 6)
    #expect(try session.failure("f(1)").message == "'f' is a variable, not a function")
  }
}
