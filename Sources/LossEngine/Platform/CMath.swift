// The C library's elementary functions: the one file of the package that imports the C library
// for maths. Everything else calls `CMath.log(x)` and so on, so no C name (`select`, `index`, …)
// reaches another module, and the package builds wherever the C library is Glibc or Darwin.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#else
  #error("LossEngine needs the C library's maths (Glibc or Darwin)")
#endif

/// The C library's `exp`, `log`, `pow`, … for every module of the package (`package`, not
/// `public`: a client of the engine does not see them). Each is the C function itself, so
/// results are bit-identical to calling it directly.
package enum CMath {
  @inlinable package static func exp(_ x: Double) -> Double { cExp(x) }
  @inlinable package static func expm1(_ x: Double) -> Double { cExpm1(x) }
  @inlinable package static func log(_ x: Double) -> Double { cLog(x) }
  @inlinable package static func log1p(_ x: Double) -> Double { cLog1p(x) }
  @inlinable package static func log2(_ x: Double) -> Double { cLog2(x) }
  @inlinable package static func log10(_ x: Double) -> Double { cLog10(x) }
  @inlinable package static func pow(_ x: Double, _ y: Double) -> Double { cPow(x, y) }
  @inlinable package static func tanh(_ x: Double) -> Double { cTanh(x) }
  @inlinable package static func sinh(_ x: Double) -> Double { cSinh(x) }
  @inlinable package static func sin(_ x: Double) -> Double { cSin(x) }
  @inlinable package static func cos(_ x: Double) -> Double { cCos(x) }
}

// Outside the enum, where the unqualified names are the C library's (inside, they would be the
// enum's own), and without naming the module, which differs by platform.
@usableFromInline func cExp(_ x: Double) -> Double { exp(x) }
@usableFromInline func cExpm1(_ x: Double) -> Double { expm1(x) }
@usableFromInline func cLog(_ x: Double) -> Double { log(x) }
@usableFromInline func cLog1p(_ x: Double) -> Double { log1p(x) }
@usableFromInline func cLog2(_ x: Double) -> Double { log2(x) }
@usableFromInline func cLog10(_ x: Double) -> Double { log10(x) }
@usableFromInline func cPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@usableFromInline func cTanh(_ x: Double) -> Double { tanh(x) }
@usableFromInline func cSinh(_ x: Double) -> Double { sinh(x) }
@usableFromInline func cSin(_ x: Double) -> Double { sin(x) }
@usableFromInline func cCos(_ x: Double) -> Double { cos(x) }
