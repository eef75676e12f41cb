// The C math library (log, exp, log1p, tanh, …): the one place the engine imports it.
#if canImport(Glibc)
  @_exported import Glibc
#elseif canImport(Darwin)
  @_exported import Darwin
#endif
