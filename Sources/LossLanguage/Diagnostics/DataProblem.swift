import LossEngine

/// What can go wrong with subscripts, axes, class labels and data (``LanguageError/Problem/data(_:)``).
public enum DataProblem: Equatable, Sendable {
  /// Which axis a subscript is for, as messages name it.
  public enum AxisName: Equatable, Sendable {
    case elements, rows, columns
  }

  /// `x[0]`: indices start at 1.
  case indexZero(AxisName, count: Int)
  case indexOutOfRange(AxisName, index: Int, count: Int)
  /// `x[4:2]`: a span whose end comes before its start.
  case emptySpan(from: Int, to: Int)
  /// `x[1, 2]` on a vector, `X[1, 2, 3]`, or any subscript on a single number.
  case tooManySubscripts(shape: [Int], given: Int)
  /// `g[1:2]` on a list (what `grad` returns for several variables).
  case listTakesOnePosition
  /// `axis=2`, or `axis=1` on a vector.
  case badAxis(function: String, axis: Double, shape: [Int])
  /// `argmax(X)` of a matrix: per row or per column must be said.
  case axisNeeded(function: String)
  /// `one_hot` of a matrix.
  case labelsNotAVector(function: String)
  /// `load` where no file reader was given (lessons, help examples).
  case loadUnavailable
  case fileNameNotAString
  case columnNotAName
  case file(path: String, FileReader.Failure)
  case csv(file: String, CSVProblem)
  case unknownColumn(file: String, name: String, suggestion: String?, names: [String])
  case splitFraction(Double)
  case splitTooFewRows(Int)
  /// Item `item` (1-based) of a list given to `split` has another number of rows.
  case splitRowsDiffer(first: Int, item: Int, shape: [Int])
  /// A column (nil: the vector) whose standard deviation is 0.
  case cannotStandardize(column: Int?, deviation: Double)
  /// A column (nil: the vector) holding inf or nan, which has no standard deviation.
  case standardizeNotFinite(column: Int?)
  /// Item `item` (1-based) of what `split` was given is a single number, which has no rows.
  case splitNeedsRows(item: Int)
  case formatTooLarge(count: Int, limit: Int)
  /// `shape(3)`.
  case shapeOfNumber

  var sentence: String {
    switch self {
    case .indexZero(let axis, let count):
      return
        "indices start at 1: the first of these \(count) \(axis.noun) is [\(axis == .columns ? ":, " : "")1]"
    case .indexOutOfRange(let axis, let index, let count):
      let hint = index < 0 ? "; counting from the end is not supported: the last is [\(count)]" : ""
      return
        "index \(index) is outside 1…\(count): there \(count == 1 ? "is" : "are") \(count) \(axis.noun)\(hint)"
    case .emptySpan(let from, let to):
      return
        "the span \(from):\(to) is empty: its end must not come before its start (both are included, so \(from):\(from) is one element)"
    case .tooManySubscripts(let shape, let given):
      switch shape.count {
      case 0: return "a single number has no elements to pick"
      case 1:
        return "a vector takes one subscript, like x[2] or x[2:4]; got \(given)"
      default:
        return
          "a matrix takes at most two subscripts, like X[i, j], X[i, :] or X[:, j]; got \(given)"
      }
    case .listTakesOnePosition:
      return "a list of values takes one position, like g[1]"
    case .badAxis(let function, _, let shape) where shape.isEmpty:
      return "\(function) of one number has no axis to run along; leave axis= out"
    case .badAxis(let function, let axis, let shape):
      let allowed =
        shape.count == 2
        ? "0 (down the rows: one result per column) or 1 (along each row: one result per row)"
        : "0 for a vector"
      return
        "\(function)'s axis must be \(allowed); got \(ValueFormatter.wholeNumber(axis)) for shape \(Tensor.shapeDescription(shape))"
    case .labelsNotAVector(let function):
      return "\(function) takes one label or a vector of labels, like [1, 3, 2]"
    case .loadUnavailable:
      return "load cannot read files here (only in the shell, losslab run and losslab eval)"
    case .fileNameNotAString:
      return "load takes a file name in quotes, like load(\"prices.csv\")"
    case .columnNotAName:
      return "column is a header name in quotes, like column=\"price\""
    case .file(let path, let failure):
      switch failure {
      case .notFound: return "\(path): no such file"
      case .isDirectory: return "\(path) is a folder, not a CSV file"
      case .notARegularFile: return "\(path) is not a regular file (load reads CSV files)"
      case .tooLarge(let bytes):
        return
          "\(path) has \(ValueFormatter.groupedCount(bytes)) bytes; load reads at most \(ValueFormatter.groupedCount(CSVTable.maximumBytes)) (50 MB)"
      case .unreadable(let reason): return "\(path) cannot be read: \(reason)"
      }
    case .csv(let file, let problem):
      return "\(file):\(problem.line):\(problem.column): \(problem.sentence)"
    case .unknownColumn(let file, let name, let suggestion, let names):
      return
        "\(file) has no column '\(name)'\(suggestion.map { " — did you mean '\($0)'?" } ?? "") (its columns: \(Self.listed(names)))"
    case .splitFraction(let fraction):
      return
        "split's fraction is the share of rows for training, between 0 and 1 (like 0.8); got \(ValueFormatter.number(fraction))"
    case .splitTooFewRows(let rows):
      return "split needs at least 2 rows, one for each part; got \(rows)"
    case .splitRowsDiffer(let first, let item, let shape):
      return
        "split keeps rows together, so every item needs \(first) \(first == 1 ? "row" : "rows"); item \(item) has shape \(Tensor.shapeDescription(shape))"
    case .standardizeNotFinite(let column):
      let what = column.map { "column \($0)" } ?? "x"
      return "\(what) holds inf or nan, so it has no standard deviation and cannot be standardized"
    case .splitNeedsRows(let item):
      return
        "split shuffles rows, and item \(item) is a single number, which has none: give a vector (one row per element) or a matrix"
    case .cannotStandardize(let column, let deviation):
      let what = column.map { "column \($0)" } ?? "x"
      return deviation == 0
        ? "\(what) has the same value everywhere: its standard deviation is 0, so it cannot be standardized"
        : "\(what) has a standard deviation of \(ValueFormatter.number(deviation)), so it cannot be standardized"
    case .formatTooLarge(let count, let limit):
      return
        "format writes at most \(ValueFormatter.groupedCount(limit)) numbers, and this value has \(ValueFormatter.groupedCount(count)); format a part of it, like x[1:10]"
    case .shapeOfNumber:
      return
        "a single number has no axes; shape gives [length] for a vector and [rows, columns] for a matrix"
    case .axisNeeded(let function):
      return
        "\(function) of a matrix needs an axis: axis=1 for each row (as for class scores), axis=0 for each column"
    }
  }

  /// The first ten column names, then how many more: a file of 100,000 columns gave a
  /// 900 KB message.
  static func listed(_ names: [String]) -> String {
    let shown = names.prefix(10).joined(separator: ", ")
    return names.count > 10
      ? "\(shown) and \(ValueFormatter.groupedCount(names.count - 10)) more" : shown
  }
}

extension DataProblem.AxisName {
  var noun: String {
    switch self {
    case .elements: return "elements"
    case .rows: return "rows"
    case .columns: return "columns"
    }
  }
}
