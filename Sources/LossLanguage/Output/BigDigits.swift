/// A non-negative big integer, just enough for `ExactDecimal`: built from a double's significand,
/// multiplied by powers of two and five, and read out in decimal.
struct BigDigits {
  /// 32-bit limbs, least significant first.
  private var limbs: [UInt32]

  init(_ value: UInt64) {
    limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
    trim()
  }

  mutating func shiftLeft(_ bits: Int) {
    guard bits > 0, !limbs.isEmpty else { return }
    let whole = bits / 32
    let part = UInt32(bits % 32)
    if part > 0 {
      var carry: UInt32 = 0
      for index in limbs.indices {
        let limb = limbs[index]
        limbs[index] = (limb << part) | carry
        carry = limb >> (32 - part)
      }
      if carry != 0 { limbs.append(carry) }
    }
    limbs.insert(contentsOf: repeatElement(0, count: whole), at: 0)
  }

  mutating func multiply(byPowerOfFive exponent: Int) {
    var left = exponent
    while left > 0 {
      let step = min(left, 13)  // 5^13 < 2^32
      var factor: UInt32 = 1
      for _ in 0..<step { factor *= 5 }
      multiply(by: factor)
      left -= step
    }
  }

  private mutating func multiply(by factor: UInt32) {
    var carry: UInt64 = 0
    for index in limbs.indices {
      let product = UInt64(limbs[index]) * UInt64(factor) + carry
      limbs[index] = UInt32(truncatingIfNeeded: product)
      carry = product >> 32
    }
    if carry != 0 { limbs.append(UInt32(carry)) }
  }

  /// The decimal digits, most significant first, without leading zeros (empty for zero).
  func decimalDigits() -> [UInt8] {
    var number = limbs
    var chunks: [UInt32] = []  // base 10^9, least significant first
    while !number.isEmpty {
      var remainder: UInt64 = 0
      for index in number.indices.reversed() {
        let current = (remainder << 32) | UInt64(number[index])
        number[index] = UInt32(current / 1_000_000_000)
        remainder = current % 1_000_000_000
      }
      chunks.append(UInt32(remainder))
      while number.last == 0 { number.removeLast() }
    }
    var digits: [UInt8] = []
    for (position, chunk) in chunks.reversed().enumerated() {
      var chunkDigits = [UInt8](repeating: 0, count: 9)
      var rest = chunk
      for index in (0..<9).reversed() {
        chunkDigits[index] = UInt8(rest % 10)
        rest /= 10
      }
      digits += position == 0 ? Array(chunkDigits.drop(while: { $0 == 0 })) : chunkDigits
    }
    return digits
  }

  private mutating func trim() {
    while limbs.last == 0 { limbs.removeLast() }
  }
}
