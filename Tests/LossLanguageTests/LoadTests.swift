import Foundation
import LossEngine
import LossLanguage
import Testing

/// `load("file.csv")` through an injected reader: the language itself reads no file.
@Suite("load: CSV files of numbers")
struct LoadTests {
  /// A session whose reader serves `files` from memory (any other name is not found).
  func session(_ files: [String: [UInt8]]) -> Session {
    var s = Session()
    s.interpreter.fileReader = FileReader { path, limit throws(FileReader.Failure) in
      guard let bytes = files[path] else { throw .notFound }
      return bytes
    }
    return s
  }

  func session(_ name: String, _ text: String) -> Session { session([name: Array(text.utf8)]) }

  func csvProblem(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> CSVProblem?
  {
    var s = session("f.csv", text)
    let error = try s.failure(#"load("f.csv")"#, sourceLocation: sourceLocation)
    guard case .data(.csv(file: "f.csv", let problem)) = error.problem else {
      Issue.record("not a CSV problem: \(error.message)", sourceLocation: sourceLocation)
      return nil
    }
    #expect(error.message.hasPrefix("f.csv:\(problem.line):\(problem.column): "))
    #expect(error.range != nil, "the caret is under the file name")
    return problem
  }

  @Test func columnsInOrderNamedByUnpackingOrByColumn() throws {
    var s = session("prices.csv", "size,price\n50,100\n60, 125.5\n70,1e2\n")
    try s.run(#"size, price = load("prices.csv")"#)
    #expect(try s.tensor("size").storage == [50, 60, 70])
    #expect(try s.tensor("price").storage == [100, 125.5, 100])
    #expect(try s.tensor(#"load("prices.csv", column="price")"#).storage == [100, 125.5, 100])
    #expect(try s.tensor(#"load("prices.csv")[1]"#).storage == [50, 60, 70])
    let error = try s.failure(#"load("prices.csv", column="prize")"#)
    #expect(
      error.problem
        == .data(
          .unknownColumn(
            file: "prices.csv", name: "prize", suggestion: "price", names: ["size", "price"])))
  }

  @Test func aByteOrderMarkAndCRLFLineEndsAreRead() throws {
    let text = "\u{FEFF}a,b\r\n1,2\r\n\r\n3,4\r\n"
    var s = session("f.csv", text)
    try s.run(#"a, b = load("f.csv")"#)
    #expect(try s.tensor("a").storage == [1, 3])
    #expect(try s.tensor("b").storage == [2, 4])
    // A lone CR ends a line too, and quoted header names are fine.
    var quoted = session("g.csv", "\"x\",y\r5,6\r")
    #expect(try quoted.tensor(#"load("g.csv", column="x")"#).storage == [5])
  }

  @Test func badFilesNameTheLineAndColumn() throws {
    let cases: [(String, CSVProblem.Kind, Int, Int)] = [
      ("", .emptyFile, 1, 1),
      ("a,b\n1,2\n3\n", .raggedRow(expected: 2, got: 1), 3, 1),
      ("a,b\n1,2\n3,4,5\n", .raggedRow(expected: 2, got: 3), 3, 5),
      ("a,b\n1,2\r\n3, abc\n", .notANumber(cell: " abc", columnName: "b", columnIndex: 2), 3, 3),
      ("a,b\n1,\n", .notANumber(cell: "", columnName: "b", columnIndex: 2), 2, 3),
      ("a,b\n1,nan\n", .notANumber(cell: "nan", columnName: "b", columnIndex: 2), 2, 3),
      ("a,b\n1,1e999\n", .notANumber(cell: "1e999", columnName: "b", columnIndex: 2), 2, 3),
      ("1,2\n3,4\n", .headerIsANumber("1"), 1, 1),
      ("a,,c\n1,2,3\n", .emptyName(columnIndex: 2), 1, 3),
      ("a,a\n1,2\n", .duplicateName("a"), 1, 3),
      ("a,b\n", .noRows, 2, 1),
      ("\n\n", .noHeader, 1, 1),
      ("\"a\nb\",c\n1,2\n3,x\n", .notANumber(cell: "x", columnName: "c", columnIndex: 2), 4, 3),
    ]
    for (text, kind, line, column) in cases {
      let problem = try csvProblem(text)
      #expect(problem?.kind == kind, "\(text.debugDescription)")
      #expect(problem?.line == line, "line of \(text.debugDescription)")
      #expect(problem?.column == column, "column of \(text.debugDescription)")
    }
  }

  @Test func invalidUTF8IsNamedWhereItStarts() throws {
    var s = session(["f.csv": Array("a,b\n1,".utf8) + [0xFF, 0x0A]])
    let error = try s.failure(#"load("f.csv")"#)
    #expect(error.problem == .data(.csv(file: "f.csv", problemAt(.notUTF8, 2, 3))))
  }

  /// 50 MB is the bound, whatever the reader hands over.
  @Test func fiftyMegabytesIsTheLimit() throws {
    let header = Array("a\n".utf8)
    let big = header + [UInt8](repeating: UInt8(ascii: "1"), count: CSVTableLimit.bytes)
    var s = session(["big.csv": big])
    let error = try s.failure(#"load("big.csv")"#)
    #expect(
      error.problem
        == .data(
          .csv(
            file: "big.csv",
            problemAt(.tooLarge(bytes: big.count, limit: CSVTableLimit.bytes), 1, 1))))
  }

  @Test(
    "a header of 200,000 names is checked for repeats in linear time, and a missing column's message names ten of them",
    .timeLimit(.minutes(1)))
  func aVeryWideHeaderIsReadQuickly() throws {
    let count = 200_000
    let header = (1...count).map { "c\($0)" }.joined(separator: ",")
    let row = Array(repeating: "1", count: count).joined(separator: ",")
    var s = session("wide.csv", header + "\n" + row + "\n")
    #expect(try s.tensor(#"load("wide.csv", column="c200000")"#).storage == [1])
    let error = try s.failure(#"load("wide.csv", column="zz")"#)
    #expect(error.message.contains("c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 and 199,990 more"))
    #expect(error.message.utf8.count < 500)
    var repeated = session("twice.csv", header + ",c7\n" + row + ",1\n")
    #expect(try repeated.failure(#"load("twice.csv")"#).message.contains("names 'c7' twice"))
  }

  @Test func readerFailuresAndMissingReader() throws {
    var s = session([:])
    #expect(
      try s.failure(#"load("nope.csv")"#).problem == .data(.file(path: "nope.csv", .notFound)))
    #expect(try s.failure("load(3)").problem == .data(.fileNameNotAString))
    var none = Session()
    #expect(try none.failure(#"load("a.csv")"#).problem == .data(.loadUnavailable))
  }

  /// The real file in Fixtures is the data `iris()` is built from.
  @Test func irisFileEqualsTheBuiltInDataset() throws {
    let url = try #require(
      Bundle.module.url(forResource: "iris", withExtension: "csv", subdirectory: "Fixtures"))
    var s = session(["iris.csv": Array(try Data(contentsOf: url))])
    try s.run("X, species = iris()")
    #expect(try s.tensor("shape(X)").storage == [150, 4])
    try s.run(#"sl, sw, pl, pw, sp = load("iris.csv")"#)
    #expect(try s.tensor("sp") == s.tensor("species"))
    #expect(try s.tensor("pl") == s.tensor("X[:, 3]"))
    #expect(try s.scalar("sum(X[:, 1]) - sum(sl)") == 0)
    #expect(
      Swift.abs(try s.scalar("sum(X[:, 1])") - 876.5) < 1e-12, "Fisher's sepal lengths sum to 876.5"
    )
    #expect(try s.tensor("sum(one_hot(species, 3), axis=0)").storage == [50, 50, 50])
  }

  /// The breast-cancer file in Fixtures (the benchmarks' peers read it) holds `breast_cancer()`.
  @Test func breastCancerFileEqualsTheBuiltInDataset() throws {
    let url = try #require(
      Bundle.module.url(
        forResource: "breast_cancer", withExtension: "csv", subdirectory: "Fixtures"))
    var s = session(["bc.csv": Array(try Data(contentsOf: url))])
    try s.run("X, malignant = breast_cancer()")
    try s.run(#"label = load("bc.csv", column="malignant")"#)
    #expect(try s.tensor("label") == s.tensor("malignant"))
    for column in [1, 13, 30] {
      let name = Datasets.breastCancerFeatures[column - 1].replacingOccurrences(of: " ", with: "_")
      try s.run(#"c = load("bc.csv", column="\#(name)")"#)
      #expect(try s.tensor("c") == s.tensor("X[:, \(column)]"), "column \(column)")
    }
  }
}

/// The limit as `help load` states it (50 MB), restated so the test fails if it moves.
enum CSVTableLimit {
  static let bytes = 50_000_000
}

func problemAt(_ kind: CSVProblem.Kind, _ line: Int, _ column: Int) -> CSVProblem {
  CSVProblem(kind, line: line, column: column)
}
