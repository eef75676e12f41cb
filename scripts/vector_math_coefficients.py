"""Coefficients of LossEngine's vector exp and log (Sources/LossEngine/Platform/VectorMath+*.swift).

Each polynomial interpolates its function at the Chebyshev nodes of its interval (near-minimax),
computed with mpmath at 60 digits and rounded to doubles; the script prints each set as Swift
hex-float literals and the largest weighted error of the rounded polynomial on a dense grid.
Run: python3 scripts/vector_math_coefficients.py
"""
import mpmath as mp

mp.mp.dps = 60


def chebyshev_fit(f, a, b, degree):
    n = degree + 1
    nodes = [(a + b) / 2 + (b - a) / 2 * mp.cos(mp.pi * (2 * k + 1) / (2 * n)) for k in range(n)]
    vandermonde = mp.matrix([[x**j for j in range(n)] for x in nodes])
    c = mp.lu_solve(vandermonde, mp.matrix([f(x) for x in nodes]))
    return [float(c[j]) for j in range(n)]


def largest_error(f, coefficients, a, b, weight, samples=4000):
    worst = mp.mpf(0)
    for i in range(samples + 1):
        x = a + (b - a) * i / samples
        p = sum(mp.mpf(c) * x**j for j, c in enumerate(coefficients))
        worst = max(worst, abs((p - f(x)) * weight(x)))
    return worst


def show(name, coefficients, error):
    print(f"// {name}: largest weighted error 2^{float(mp.log(error, 2)):.1f}")
    for c in coefficients:
        print(f"  {float(c).hex()},")


# exp: e^r − 1 = r + r²·Q(r) on |r| ≤ ln2/2 (slightly widened); error weighted by r²/e^r, the
# share of the result that Q's error makes.
half_ln2 = mp.log(2) / 2 * mp.mpf("1.0001")


def q(r):
    if abs(r) < mp.mpf("1e-6"):
        return mp.nsum(lambda k: r**k / mp.factorial(k + 2), [0, 40])
    return (mp.exp(r) - 1 - r) / r**2


exp_q = chebyshev_fit(q, -half_ln2, half_ln2, 10)
show("exp Q", exp_q, largest_error(q, exp_q, -half_ln2, half_ln2, lambda r: r**2 / mp.exp(r)))

# log: ln(1+f) = 2s + s·z·P(z), s = f/(2+f), z = s², m = 1+f in [√½, √2); error weighted by
# z/2, the share of the result (≈ 2s) that P's error makes.
z_max = ((mp.sqrt(2) - 1) / (mp.sqrt(2) + 1)) ** 2 * mp.mpf("1.0001")


def p(z):
    if z < mp.mpf("1e-12"):
        return mp.nsum(lambda k: 2 * z**k / (2 * k + 3), [0, 40])
    s = mp.sqrt(z)
    return (mp.log((1 + s) / (1 - s)) - 2 * s) / (s * z)


log_p = chebyshev_fit(p, mp.mpf(0), z_max, 7)
show("log P", log_p, largest_error(p, log_p, mp.mpf(0), z_max, lambda z: z / 2))

ln2 = mp.log(2)
# ln 2 in two parts: the high part keeps 32 significant bits, so k·ln2Hi is exact for |k| < 2^21.
hi = mp.mpf(int(ln2 * 2**32)) / 2**32
print("// ln2Hi, ln2Lo")
print(f"  {float(hi).hex()}, {float(ln2 - hi).hex()}")
print("// log2(e)")
print(f"  {float(1 / ln2).hex()}")
