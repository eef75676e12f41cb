/// The exact decimal expansion of a finite double, rounded in decimal.
///
/// Every double is a binary fraction m·2^e, so it has a finite decimal expansion; computing it
/// with a small big-integer makes every printed digit correct (`1e300` to 12 decimals, `1e20`
/// with separators) where scaling by a power of ten would overflow or round twice. Ties round
/// half to even on the exact value, as C's `printf` does.
struct ExactDecimal: Equatable {
  var negative: Bool
  /// Significant digits (0...9), no leading or trailing zeros; empty for zero.
  var digits: [UInt8]
  /// Where the decimal point sits: the value is 0.d₁d₂… × 10^pointPosition.
  var pointPosition: Int

  /// Nil for NaN and infinities.
  init?(_ x: Double) {
    guard x.isFinite else { return nil }
    negative = x.sign == .minus
    guard x != 0 else {
      digits = []
      pointPosition = 0
      return
    }
    var significand = x.significandBitPattern
    var exponent: Int
    if x.exponentBitPattern == 0 {
      exponent = -1074
    } else {
      significand |= 1 << 52
      exponent = Int(x.exponentBitPattern) - 1075
    }
    let zeros = significand.trailingZeroBitCount
    significand >>= UInt64(zeros)
    exponent += zeros
    var big = BigDigits(significand)
    if exponent >= 0 {
      big.shiftLeft(exponent)
      digits = big.decimalDigits()
      pointPosition = digits.count
    } else {
      // m / 2^k = m·5^k / 10^k.
      big.multiply(byPowerOfFive: -exponent)
      digits = big.decimalDigits()
      pointPosition = digits.count + exponent
    }
    while digits.last == 0 { digits.removeLast() }
  }

  var isZero: Bool { digits.isEmpty }

  /// The decimal exponent of the leading digit (`1234.5` → 3); nil for zero.
  var leadingExponent: Int? { isZero ? nil : pointPosition - 1 }

  /// Rounded to `decimals` digits after the point.
  func rounded(decimals: Int) -> ExactDecimal { rounded(keeping: pointPosition + decimals) }

  /// Rounded to `count` significant digits (at least 1).
  func rounded(significantDigits count: Int) -> ExactDecimal { rounded(keeping: max(1, count)) }

  /// Keeps the first `kept` digits, rounding half to even on what follows.
  private func rounded(keeping kept: Int) -> ExactDecimal {
    guard kept < digits.count else { return self }
    var result = self
    guard kept >= 0 else {
      result.digits = []
      return result
    }
    let next = digits[kept]
    let restNonZero = digits[(kept + 1)...].contains { $0 != 0 }
    let lastKeptOdd = kept > 0 && digits[kept - 1] % 2 == 1
    let up = next > 5 || (next == 5 && (restNonZero || lastKeptOdd))
    result.digits = Array(digits[..<kept])
    if up {
      var index = kept - 1
      while index >= 0, result.digits[index] == 9 {
        result.digits[index] = 0
        index -= 1
      }
      if index >= 0 {
        result.digits[index] += 1
      } else {
        result.digits.insert(1, at: 0)
        result.pointPosition += 1
      }
    }
    while result.digits.last == 0 { result.digits.removeLast() }
    return result
  }

  /// `-12.340` style: exactly `decimals` digits after the point when `padded`, else trailing
  /// zeros (and a bare point) dropped. Zero has no sign.
  func fixedText(decimals: Int, padded: Bool) -> String {
    let value = rounded(decimals: decimals)
    var text = value.negative && !value.isZero ? "-" : ""
    if value.pointPosition <= 0 {
      text += "0"
    } else {
      for index in 0..<value.pointPosition { text += value.digit(at: index) }
    }
    var fraction = ""
    for index in value.pointPosition..<(value.pointPosition + max(0, decimals)) {
      fraction += value.digit(at: index)
    }
    if !padded { while fraction.hasSuffix("0") { fraction.removeLast() } }
    return fraction.isEmpty ? text : text + "." + fraction
  }

  /// `1.5e-07` style with `significantDigits` digits, trailing zeros of the mantissa dropped.
  func scientificText(significantDigits: Int) -> String {
    let value = rounded(significantDigits: significantDigits)
    guard let exponent = value.leadingExponent else { return "0e+00" }
    var mantissa = value.negative ? "-" : ""
    mantissa += value.digit(at: 0)
    if value.digits.count > 1 {
      mantissa += "." + value.digits.dropFirst().map { String($0) }.joined()
    }
    let magnitude = exponent.magnitude
    return mantissa + (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + "\(magnitude)"
  }

  /// Digit `index` of the digit string, where index 0 is the leading digit and the point sits
  /// before index `pointPosition`; places outside the string are zeros.
  private func digit(at index: Int) -> String {
    digits.indices.contains(index) ? String(digits[index]) : "0"
  }
}
