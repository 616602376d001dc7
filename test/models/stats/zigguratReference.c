/*
 * Independent reference for src/models/stats/ziggurat.ts and Random.standardExponential: the
 * 256-layer exponential ziggurat of Marsaglia and Tsang (J. Stat. Software 5(8), 2000), its tables
 * computed here with e^x and ln x from basic IEEE operations (as src/models/stats/portableMath.ts,
 * so the doubles are the same bits as in TypeScript), drawing from the sfc32 stream of
 * sfc32Reference.c (low 8 bits of a word pick the layer, the high 24 the position).
 * Prints, for seeds 1 and 42, the first five draws and an FNV-1a hash of the next 10^6 draws' bits.
 *   cc -O2 -o /tmp/zig zigguratReference.c -lm && /tmp/zig
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t s, a, b, c, d;
static uint32_t splitmix(void) {
  s += 0x9e3779b9u;
  uint32_t z = s;
  z = (z ^ (z >> 16)) * 0x85ebca6bu;
  z = (z ^ (z >> 13)) * 0xc2b2ae35u;
  return z ^ (z >> 16);
}
static uint32_t word(void) {
  uint32_t t = a + b + d++;
  a = b ^ (b >> 9);
  b = c + (c << 3);
  c = ((c << 21) | (c >> 11)) + t;
  return t;
}
static double uniform(void) { return word() / 4294967296.0; }
static void seed(uint32_t x) {
  s = x;
  a = splitmix(); b = splitmix(); c = splitmix(); d = splitmix();
  for (int i = 0; i < 12; i++) word();
}

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
    if (i == 0) return ZIG_R - portableLog(1 - uniform());
    double x = j * zigW[i];
    if (zigF[i] + uniform() * (zigF[i - 1] - zigF[i]) < portableExp(-x)) return x;
  }
}

/* FNV-1a over the two 32-bit halves of each double: any difference in any bit changes it. */
static uint32_t hashDraws(int n) {
  uint32_t h = 2166136261u;
  for (int i = 0; i < n; i++) {
    double x = standardExponential();
    uint64_t bits;
    memcpy(&bits, &x, 8);
    h = (h ^ (uint32_t)bits) * 16777619u;
    h = (h ^ (uint32_t)(bits >> 32)) * 16777619u;
  }
  return h;
}

int main(void) {
  zigguratTables();
  uint32_t seeds[] = {1, 42};
  for (int n = 0; n < 2; n++) {
    seed(seeds[n]);
    printf("seed %u:", seeds[n]);
    for (int i = 0; i < 5; i++) printf(" %.17g", standardExponential());
    printf(", hash of the next 10^6: %u\n", hashDraws(1000000));
  }
  return 0;
}
