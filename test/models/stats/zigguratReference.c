/*
 * Independent reference for src/models/stats/ziggurat.ts and Random.standardExponential: the
 * 256-layer exponential ziggurat of Marsaglia and Tsang (J. Stat. Software 5(8), 2000) in
 * ziggurat.h (shared with the benchmark's C loop), its tables computed with e^x and ln x from
 * basic IEEE operations (as src/models/stats/portableMath.ts, so the doubles are the same bits
 * as in TypeScript), drawing from the sfc32 stream of
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
static void seed(uint32_t x) {
  s = x;
  a = splitmix(); b = splitmix(); c = splitmix(); d = splitmix();
  for (int i = 0; i < 12; i++) word();
}

#include "ziggurat.h"

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
