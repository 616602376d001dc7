/*
 * Independent reference for src/models/stats/random.ts: sfc32 (Chris Doty-Humphrey, PractRand)
 * seeded by four draws of a splitmix32-style counter (golden-ratio step, murmur3 fmix32 mixer),
 * then 12 discarded outputs. Prints the first outputs for seeds 1 and 42 as uint32.
 *   cc -O2 -o /tmp/sfc32 sfc32Reference.c && /tmp/sfc32
 */
#include <stdint.h>
#include <stdio.h>

static uint32_t s;
static uint32_t splitmix(void) {
  s += 0x9e3779b9u;
  uint32_t z = s;
  z = (z ^ (z >> 16)) * 0x85ebca6bu;
  z = (z ^ (z >> 13)) * 0xc2b2ae35u;
  return z ^ (z >> 16);
}

static uint32_t a, b, c, d;
static uint32_t sfc32(void) {
  uint32_t t = a + b + d++;
  a = b ^ (b >> 9);
  b = c + (c << 3);
  c = ((c << 21) | (c >> 11)) + t;
  return t;
}

int main(void) {
  uint32_t seeds[] = {1, 42};
  for (int k = 0; k < 2; k++) {
    s = seeds[k];
    a = splitmix(); b = splitmix(); c = splitmix(); d = splitmix();
    for (int i = 0; i < 12; i++) sfc32();
    printf("seed %u:", seeds[k]);
    for (int i = 0; i < 5; i++) printf(" %u", sfc32());
    printf("\n");
  }
  return 0;
}
