/**
 * e^x and ln x from IEEE-754 additions, multiplications and divisions only, in a fixed order, so a
 * C port (test/bench/reliabilityLoop.c, test/models/stats/zigguratReference.c) computes the very
 * same doubles. Math.exp and Math.log are not portable this way: V8 and the C library may differ
 * in the last bit. Accurate to a few units in the last place; used for the ziggurat's tables and
 * its rare slow paths, not where speed matters.
 */

// ln 2 split so that n · LN2_HI is exact for |n| < 2^11 (Cody and Waite's reduction; the same
// constants as fdlibm's e_exp.c).
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const SQRT2 = 1.4142135623730951;

/** 2^n for an integer n with |n| < 1023, by exact doublings or halvings. */
function powerOfTwo(n: number): number {
  let p = 1;
  for (let i = 0; i < n; i++) p *= 2;
  for (let i = 0; i > n; i--) p *= 0.5;
  return p;
}

/**
 * e^x for −700 < x < 700: x = n·ln 2 + r with |r| ≤ ln 2 / 2, then e^r by its Taylor series to
 * the r^18 term in Horner form (truncation error below 10^−25) and e^x = 2^n · e^r.
 */
export function portableExp(x: number): number {
  const n = Math.floor(x / LN2_HI + 0.5);
  const r = x - n * LN2_HI - n * LN2_LO;
  let s = 1;
  for (let k = 18; k >= 1; k--) s = 1 + (s * r) / k;
  return s * powerOfTwo(n);
}

/**
 * ln y for 2^−1000 < y < 2^1000: y = m · 2^e with √½ ≤ m < √2 (exact scaling by 2), then
 * ln m = 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …), s = (m − 1)/(m + 1), |s| ≤ 0.172, to the s^25
 * term (truncation error below 10^−20), and ln y = e·ln 2 + ln m.
 */
export function portableLog(y: number): number {
  let m = y;
  let e = 0;
  while (m >= SQRT2) {
    m *= 0.5;
    e++;
  }
  while (m < SQRT2 / 2) {
    m *= 2;
    e--;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let sum = 0;
  for (let k = 25; k >= 1; k -= 2) sum = 1 / k + s2 * sum;
  return e * LN2_HI + (e * LN2_LO + 2 * s * sum);
}
