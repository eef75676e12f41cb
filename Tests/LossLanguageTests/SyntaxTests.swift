import LossEngine
import LossLanguage
import Testing

@Suite("Syntax: numbers, operators, precedence, comments, names")
struct SyntaxTests {
  @Test(arguments: [
    ("-2^2", -4.0),  // ^ binds tighter than unary minus
    ("2^3^2", 512.0),  // right-associative
    ("(2^3)^2", 64.0),
    ("2^-1", 0.5),  // the exponent carries its own unary minus
    ("2^-1^2", 0.5),  // 2^(-(1^2))
    ("-2^-2", -0.25),
    ("2**3", 8.0),  // Python's ** is accepted as ^
    ("2**3**2", 512.0),
    ("-3", -3.0),
    ("--3", 3.0),
    ("- -3", 3.0),
    ("-(2 + 3)", -5.0),
    ("+4", 4.0),
    ("1 - -1", 2.0),
    ("2 * -3", -6.0),
    ("1 + 2 * 3", 7.0),
    ("(1 + 2) * 3", 9.0),
    ("10 - 4 - 3", 3.0),  // + - are left-associative
    ("24 / 4 / 2", 3.0),
    ("2 * 3 ^ 2", 18.0),
    ("-2 * 3", -6.0),
    ("3", 3.0),
    ("2.5e-3", 0.0025),
    ("1e-7", 1e-7),
    ("1E3", 1000.0),
    (".5", 0.5),
    ("1.", 1.0),
    ("pi", Double.pi),
    ("2 * pi", 2 * Double.pi),
  ])
  func arithmetic(_ expression: String, _ expected: Double) throws {
    #expect(try scalar(expression) == expected, "\(expression)")
  }

  @Test(arguments: [
    ("1 < 2", 1.0), ("2 < 1", 0.0), ("2 <= 2", 1.0), ("3 <= 2", 0.0),
    ("3 > 2", 1.0), ("2 > 3", 0.0), ("2 >= 2", 1.0), ("1 >= 2", 0.0),
    ("2 == 2", 1.0), ("2 == 3", 0.0), ("2 != 3", 1.0), ("2 != 2", 0.0),
    // Comparisons bind loosest: both sides are computed first.
    ("1 + 1 == 2", 1.0), ("-2^2 < 0", 1.0), ("2 * 3 > 5", 1.0),
    // They chain left to right on 0/1 values.
    ("3 > 2 > 1", 0.0),
  ])
  func comparisonsGiveZeroOrOne(_ expression: String, _ expected: Double) throws {
    #expect(try scalar(expression) == expected, "\(expression)")
  }

  @Test func comparisonsAreElementWise() throws {
    #expect(try tensor("[1, 2, 3] > 2").parts == parts([3], [0, 0, 1]))
    #expect(try tensor("[1, 2, 3] == [1, 0, 3]").parts == parts([3], [1, 0, 1]))
    #expect(try tensor("[[1, 5], [3, 2]] >= [2, 2]").parts == parts([2, 2], [0, 1, 1, 1]))
  }

  @Test func commentsRunToTheEndOfTheLine() throws {
    var session = Session()
    #expect(try session.scalar("1 + 2 # plus three") == 3)
    #expect(try session.scalar("1 + 2# * 100") == 3)
    #expect(try session.run("# only a comment") == .nothing)
    #expect(try session.run("   # indented comment") == .nothing)
    #expect(try session.run("") == .nothing)
    #expect(try session.run("   \t ") == .nothing)
    #expect(session.json("# comment") == nil)
    #expect(session.json("") == nil)
    // A comment does not hide a value assigned on the same line.
    try session.run("x = 5 # five")
    #expect(try session.scalar("x") == 5)
  }

  @Test func namesAreCaseSensitiveAndMayHoldUnderscoresAndDigits() throws {
    var session = Session()
    try session.run("Ab_1 = 2")
    try session.run("ab_1 = 3")
    try session.run("_x2 = 10")
    try session.run("y_true_2024 = 100")
    #expect(try session.scalar("Ab_1 + ab_1 * 10 + _x2 * 100 + y_true_2024 * 1000") == 101_032)
    #expect(try session.scalar("Ab_1") == 2)
    let error = try session.failure("AB_1")
    #expect(error.message.hasPrefix("unknown name 'AB_1'"))
    // Built-ins are case-sensitive too: MSE is not mse.
    let call = try session.failure("MSE([1], [1])")
    #expect(call.message.contains("unknown function 'MSE'"))
  }

  @Test func stringsAreValues() throws {
    var session = Session()
    #expect(try session.value(#""adam""#) == .string("adam"))
    #expect(try session.value(#"optimizer = "sgd""#) == .string("sgd"))
    #expect(try session.value("optimizer") == .string("sgd"))
    #expect(try session.scalar(#"len("hello")"#) == 5)
    #expect(try session.value(#""with # inside""#) == .string("with # inside"))
    #expect(session.json(#""a\b""#) == #"{"value": "a\\b", "grad": null}"#)
    let error = try session.failure(#""a" + 1"#)
    #expect(error.message.contains("needs numbers, got a string"))
  }

  @Test func whitespaceIsInsignificant() throws {
    #expect(try scalar("  1+2*3  ") == 7)
    #expect(try scalar("\t1 +\t2") == 3)
    #expect(try tensor("[ 1 ,2,  3 ]").parts == parts([3], [1, 2, 3]))
  }

  @Test func aTrailingCommaInAVectorIsAllowed() throws {
    #expect(try tensor("[1, 2, 3,]").parts == parts([3], [1, 2, 3]))
  }
}

@Suite("Vectors, matrices and broadcasting")
struct BroadcastingTests {
  @Test func vectorsAndMatrices() throws {
    #expect(try tensor("[1, 2, 3]").parts == parts([3], [1, 2, 3]))
    #expect(try tensor("[5]").parts == parts([1], [5]))
    #expect(
      try tensor("[[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]]").parts
        == parts([2, 3], [0.7, 0.2, 0.1, 0.1, 0.8, 0.1]))
    #expect(try tensor("[[1, 2]]").parts == parts([1, 2], [1, 2]))
    #expect(try tensor("[[1], [2]]").parts == parts([2, 1], [1, 2]))
    // Elements are expressions.
    #expect(try tensor("[1 + 1, 2 * 3, -1]").parts == parts([3], [2, 6, -1]))
    #expect(try tensor("x = [1, 2]", "[x, x * 10]").parts == parts([2, 2], [1, 2, 10, 20]))
  }

  @Test func raggedMatricesAreRefusedWithTheOffendingRow() throws {
    let error = try failure("[[1, 2], [3]]")
    #expect(
      error.message == "every row of a matrix must have the same length: row 1 has 2, row 2 has 1")
    #expect(error.range?.column == 10)
    let third = try failure("[[1, 2], [3, 4], [5, 6, 7]]")
    #expect(
      third.message == "every row of a matrix must have the same length: row 1 has 2, row 3 has 3")
  }

  @Test func mixingNumbersAndRowsIsRefused() throws {
    let error = try failure("[1, [2, 3]]")
    #expect(error.message.hasPrefix("a matrix is written as a list of rows of numbers"))
    #expect(error.message.contains("scalar, [2]"))
    let deep = try failure("[[[1]]]")
    #expect(deep.message.hasPrefix("a matrix is written as a list of rows of numbers"))
  }

  @Test func scalarsSpreadOverVectorsAndMatrices() throws {
    #expect(try tensor("[1, 2, 3] + 1").parts == parts([3], [2, 3, 4]))
    #expect(try tensor("2 * [1, 2, 3]").parts == parts([3], [2, 4, 6]))
    #expect(try tensor("[1, 2, 4] / 2").parts == parts([3], [0.5, 1, 2]))
    #expect(try tensor("1 - [1, 2]").parts == parts([2], [0, -1]))
    #expect(try tensor("[1, 2, 3] ^ 2").parts == parts([3], [1, 4, 9]))
    #expect(try tensor("2 ^ [1, 2, 3]").parts == parts([3], [2, 4, 8]))
    #expect(try tensor("[[1, 2], [3, 4]] * 10").parts == parts([2, 2], [10, 20, 30, 40]))
  }

  @Test func rowsSpreadOverMatrices() throws {
    #expect(try tensor("[[1, 2], [3, 4]] + [10, 20]").parts == parts([2, 2], [11, 22, 13, 24]))
    #expect(try tensor("[10, 20] - [[1, 2], [3, 4]]").parts == parts([2, 2], [9, 18, 7, 16]))
    #expect(
      try tensor("[[1, 2, 3], [4, 5, 6]] * [[1, 0, 2]]").parts
        == parts([2, 3], [1, 0, 6, 4, 0, 12]))
  }

  @Test func elementWiseOperationsOfEqualShapes() throws {
    #expect(try tensor("[1, 2, 3] * [4, 5, 6]").parts == parts([3], [4, 10, 18]))
    #expect(
      try tensor("[[1, 2], [3, 4]] - [[1, 1], [1, 1]]").parts == parts([2, 2], [0, 1, 2, 3]))
  }

  @Test(arguments: [
    ("[1, 2] + [1, 2, 3]", "+ cannot combine shapes [2] and [3]"),
    ("[1, 2, 3] * [1, 2]", "* cannot combine shapes [3] and [2]"),
    ("[[1, 2], [3, 4]] + [1, 2, 3]", "+ cannot combine shapes [2, 2] and [3]"),
    ("[[1, 2], [3, 4]] / [[1, 2, 3]]", "/ cannot combine shapes [2, 2] and [1, 3]"),
    ("[[1, 2], [3, 4]] - [[1, 2], [3, 4], [5, 6]]", "- cannot combine shapes [2, 2] and [3, 2]"),
    ("[1, 2] < [1, 2, 3]", "< cannot combine shapes [2] and [3]"),
  ])
  func incompatibleShapesAreErrors(_ expression: String, _ prefix: String) throws {
    let error = try failure(expression)
    #expect(error.message.hasPrefix(prefix), "\(error.message)")
    #expect(error.range?.column == 1, "the whole operation is marked")
  }

  @Test func emptyVectorsAreRefused() throws {
    let error = try failure("[]")
    #expect(error.message == "an empty vector [] has no elements to compute with")
    #expect(try failure("mean([])").message == "an empty vector [] has no elements to compute with")
    #expect(try failure("[1, 2] + []").range?.column == 10)
  }
}
