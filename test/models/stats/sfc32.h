/*
 * The generator of src/models/stats/random.ts for the C programs that must draw the same bits as
 * TypeScript (sfc32Reference.c, zigguratReference.c and test/bench/reliabilityLoop.c): sfc32
 * (Chris Doty-Humphrey, PractRand) seeded by four draws of a splitmix32-style counter
 * (golden-ratio step, murmur3 fmix32 mixer), then 12 discarded outputs.
 */
#include <stdint.h>

static uint32_t sfcA, sfcB, sfcC, sfcD;

/* The next 32-bit output of sfc32. */
static uint32_t word(void) {
  uint32_t t = sfcA + sfcB + sfcD++;
  sfcA = sfcB ^ (sfcB >> 9);
  sfcB = sfcC + (sfcC << 3);
  sfcC = ((sfcC << 21) | (sfcC >> 11)) + t;
  return t;
}

/* Seeds the stream as seededRandom(seed) does: four splitmix32 draws, then 12 outputs dropped. */
static void seedSfc32(uint32_t seed) {
  uint32_t s = seed;
  uint32_t v[4];
  for (int i = 0; i < 4; i++) {
    s += 0x9e3779b9u;
    uint32_t z = s;
    z = (z ^ (z >> 16)) * 0x85ebca6bu;
    z = (z ^ (z >> 13)) * 0xc2b2ae35u;
    v[i] = z ^ (z >> 16);
  }
  sfcA = v[0]; sfcB = v[1]; sfcC = v[2]; sfcD = v[3];
  for (int i = 0; i < 12; i++) word();
}
