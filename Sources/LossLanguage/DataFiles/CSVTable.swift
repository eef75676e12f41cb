// CSV.swift (yaslab) rather than SwiftCSV: it reads one row at a time from a stream of Unicode
// scalars, so each row is turned into numbers (and a bad cell reported) as it is read, without
// a second copy of the whole file as strings, and scalar columns match the lexer's carets.
// It reads CR, LF and CRLF line ends and RFC 4180 quotes.
import CSV

/// A CSV file of numbers under a header row, as `load` reads it: the columns in the file's
/// order, each named by its header.
struct CSVTable: Equatable {
  /// 50 MB: a bound, documented in `help load`, so that a learner's file cannot exhaust memory.
  static let maximumBytes = 50_000_000

  let names: [String]
  /// Column-major: `columns[c][r]` is the number in row r + 1 (below the header) of column c.
  let columns: [[Double]]

  /// Parses the bytes of `file`; every problem names its line and column (1-based).
  static func parse(_ bytes: [UInt8], isInterrupted: () -> Bool = { false }) throws(CSVProblem)
    -> CSVTable
  {
    guard !bytes.isEmpty else { throw CSVProblem(.emptyFile, line: 1, column: 1) }
    guard bytes.count <= maximumBytes else {
      throw CSVProblem(.tooLarge(bytes: bytes.count, limit: maximumBytes), line: 1, column: 1)
    }
    var text = try decode(bytes)
    if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
    let reader: CSVReader
    do { reader = try CSVReader(string: text, hasHeaderRow: false) } catch {
      throw CSVProblem(.noHeader, line: 1, column: 1)
    }
    var line = 1
    var header: [String]?
    var columns: [[Double]] = []
    while let row = reader.next() {
      if isInterrupted() { throw CSVProblem(.interrupted, line: line, column: 1) }
      let rowLine = line
      line += 1 + row.reduce(0) { $0 + lineBreaks(in: $1) }
      // A blank line (one empty field) is skipped, as pandas and numpy do.
      if row.count == 1, row[0].allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      guard let names = header else {
        header = try headerNames(row, line: rowLine)
        columns = Array(repeating: [], count: row.count)
        continue
      }
      guard row.count == names.count else {
        throw CSVProblem(
          .raggedRow(expected: names.count, got: row.count), line: rowLine,
          column: row.count > names.count ? column(ofField: names.count, in: row) : 1)
      }
      for (c, cell) in row.enumerated() {
        guard let number = number(cell) else {
          throw CSVProblem(
            .notANumber(cell: cell, columnName: names[c], columnIndex: c + 1), line: rowLine,
            column: column(ofField: c, in: row))
        }
        columns[c].append(number)
      }
    }
    guard let names = header else { throw CSVProblem(.noHeader, line: 1, column: 1) }
    guard !(columns.first?.isEmpty ?? true) else {
      throw CSVProblem(.noRows, line: line, column: 1)
    }
    return CSVTable(names: names, columns: columns)
  }

  /// Strict UTF-8: the first invalid byte is reported by line and column.
  private static func decode(_ bytes: [UInt8]) throws(CSVProblem) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var (line, column) = (1, 1)
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput: return String(decoding: bytes, as: UTF8.self)
      case .error: throw CSVProblem(.notUTF8, line: line, column: column)
      }
    }
  }

  private static func headerNames(_ row: [String], line: Int) throws(CSVProblem) -> [String] {
    var names: [String] = []
    // A set, not names.contains: a header of 100,000 names was 10^10 comparisons.
    var seen = Set<String>()
    for (c, raw) in row.enumerated() {
      let name = raw.trimmed
      guard !name.isEmpty else {
        throw CSVProblem(
          .emptyName(columnIndex: c + 1), line: line, column: column(ofField: c, in: row))
      }
      guard seen.insert(name).inserted else {
        throw CSVProblem(.duplicateName(name), line: line, column: column(ofField: c, in: row))
      }
      if number(name) != nil, row.count > 0 {
        throw CSVProblem(.headerIsANumber(name), line: line, column: column(ofField: c, in: row))
      }
      names.append(name)
    }
    return names
  }

  /// A cell as a number: surrounding spaces allowed; `nan`, `inf` and hex are not numbers here.
  static func number(_ cell: String) -> Double? {
    let text = cell.trimmed
    guard let first = text.unicodeScalars.first,
      first == "-" || first == "+" || first == "." || ("0"..."9").contains(first),
      text.unicodeScalars.allSatisfy({ "0123456789.eE+-".unicodeScalars.contains($0) }),
      let value = Double(text), value.isFinite
    else { return nil }
    return value
  }

  /// CR, LF and CRLF each count once: how many lines a quoted field spans beyond its first.
  private static func lineBreaks(in field: String) -> Int {
    var count = 0
    var previous: Unicode.Scalar?
    for scalar in field.unicodeScalars {
      if scalar == "\n", previous != "\r" { count += 1 }
      if scalar == "\r" { count += 1 }
      previous = scalar
    }
    return count
  }

  /// The column (in scalars, 1-based) where field `index` starts, assuming no quotes before it;
  /// only for messages.
  private static func column(ofField index: Int, in row: [String]) -> Int {
    row.prefix(index).reduce(1) { $0 + $1.unicodeScalars.count + 1 }
  }
}

/// What is wrong with a CSV file, and where (1-based line and column).
public struct CSVProblem: Error, Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case emptyFile
    case tooLarge(bytes: Int, limit: Int)
    case notUTF8
    case noHeader
    case emptyName(columnIndex: Int)
    case duplicateName(String)
    case headerIsANumber(String)
    case raggedRow(expected: Int, got: Int)
    case notANumber(cell: String, columnName: String, columnIndex: Int)
    case noRows
    case interrupted
  }

  public let kind: Kind
  public let line: Int
  public let column: Int

  public init(_ kind: Kind, line: Int, column: Int) {
    self.kind = kind
    self.line = line
    self.column = column
  }

  var sentence: String {
    switch kind {
    case .emptyFile: return "the file is empty: a CSV file starts with a header row of column names"
    case .tooLarge(let bytes, let limit):
      return
        "the file has \(ValueFormatter.groupedCount(bytes)) bytes; load reads at most \(ValueFormatter.groupedCount(limit))"
    case .notUTF8: return "the file is not UTF-8 text here (save it as UTF-8 CSV)"
    case .noHeader:
      return "the file has no header row: the first line names the columns, like size,price"
    case .emptyName(let index): return "column \(index) of the header has no name"
    case .duplicateName(let name): return "the header names '\(name)' twice"
    case .headerIsANumber(let name):
      return
        "the first line must name the columns, but it holds the number \(name); add a header row like x,y"
    case .raggedRow(let expected, let got):
      return
        "this row has \(got) cell\(got == 1 ? "" : "s"), but the header names \(expected) columns"
    case .notANumber(let cell, let name, let index):
      let shown = cell.trimmed.isEmpty ? "an empty cell" : "'\(cell.trimmed)'"
      return "\(shown) in column \(index) (\(name)) is not a number; load reads numbers only"
    case .noRows: return "the file has a header but no rows of numbers"
    case .interrupted: return "interrupted"
    }
  }
}
