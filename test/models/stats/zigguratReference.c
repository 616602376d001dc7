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

#include "sfc32.h"
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
    seedSfc32(seeds[n]);
    printf("seed %u:", seeds[n]);
    for (int i = 0; i < 5; i++) printf(" %.17g", standardExponential());
    printf(", hash of the next 10^6: %u\n", hashDraws(1000000));
  }
  return 0;
}
