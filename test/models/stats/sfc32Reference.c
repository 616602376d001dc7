/*
 * Independent reference for src/models/stats/random.ts: the sfc32 stream of sfc32.h. Prints the
 * first outputs for seeds 1 and 42 as uint32.
 *   cc -O2 -o /tmp/sfc32 sfc32Reference.c && /tmp/sfc32
 */
#include <stdio.h>

#include "sfc32.h"

int main(void) {
  uint32_t seeds[] = {1, 42};
  for (int k = 0; k < 2; k++) {
    seedSfc32(seeds[k]);
    printf("seed %u:", seeds[k]);
    for (int i = 0; i < 5; i++) printf(" %u", word());
    printf("\n");
  }
  return 0;
}
