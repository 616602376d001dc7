/*
 * The 256-layer exponential ziggurat of src/models/stats/ziggurat.ts (Marsaglia and Tsang,
 * J. Stat. Software 5(8), 2000), with the portable e^x and ln x of
 * src/models/stats/portableMath.ts, for the C programs that must draw the same bits as
 * TypeScript: test/models/stats/zigguratReference.c and test/bench/reliabilityLoop.c.
 * The including file includes sfc32.h (the stream, `word()`) first; a uniform
 * in [0, 1) is word() / 2^32, as in random.ts.
 */
#include <math.h>
#include <stdint.h>

/* Bit-identical to TypeScript only if every operation rounds on its own: x86-64 at -O2 without
 * -march has no fused multiply-add, but where the compiler may contract a*b+c into one (aarch64,
 * -march=native), build with -ffp-contract=off. */
static const double LN2_HI = 6.93147180369123816490e-1, LN2_LO = 1.90821492927058770002e-10, SQRT2 = 1.4142135623730951;
static double powerOfTwo(int n) { double p = 1; for (int i = 0; i < n; i++) p *= 2; for (int i = 0; i > n; i--) p *= 0.5; return p; }
static double portableExp(double x) {
  double n = floor(x / LN2_HI + 0.5);
  double r = x - n * LN2_HI - n * LN2_LO;
  double s = 1;
  for (int k = 18; k >= 1; k--) s = 1 + (s * r) / k;
  return s * powerOfTwo((int)n);
}
static double portableLog(double y) {
  double m = y;
  int e = 0;
  while (m >= SQRT2) { m *= 0.5; e++; }
  while (m < SQRT2 / 2) { m *= 2; e--; }
  double s = (m - 1) / (m + 1), s2 = s * s, sum = 0;
  for (int k = 25; k >= 1; k -= 2) sum = 1.0 / k + s2 * sum;
  return e * LN2_HI + (e * LN2_LO + 2 * s * sum);
}

static const double ZIG_R = 7.697117470131487, ZIG_V = 3.949659822581572e-3, ZIG_M = 16777216.0;
static int zigK[256];
static double zigW[256], zigF[256];
static void zigguratTables(void) {
  double q = ZIG_V / portableExp(-ZIG_R), x = ZIG_R;
  zigK[0] = (int)floor((ZIG_R / q) * ZIG_M); zigK[1] = 0;
  zigW[0] = q / ZIG_M; zigW[255] = ZIG_R / ZIG_M;
  zigF[0] = 1; zigF[255] = portableExp(-ZIG_R);
  for (int i = 254; i >= 1; i--) {
    double inner = -portableLog(ZIG_V / x + portableExp(-x));
    zigK[i + 1] = (int)floor((inner / x) * ZIG_M);
    x = inner;
    zigF[i] = portableExp(-x);
    zigW[i] = x / ZIG_M;
  }
}
static double standardExponential(void) {
  for (;;) {
    uint32_t u = word();
    int i = u & 255;
    uint32_t j = u >> 8;
    if (j < (uint32_t)zigK[i]) return j * zigW[i];
    if (i == 0) return ZIG_R - portableLog(1 - word() / 4294967296.0);
    double x = j * zigW[i];
    if (zigF[i] + (word() / 4294967296.0) * (zigF[i - 1] - zigF[i]) < portableExp(-x)) return x;
  }
}
