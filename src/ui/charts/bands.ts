/** Which part of a band a bar fills: all of it, or the upper or lower half of two side-by-side bars. */
export type BandPart = 'full' | 'upper' | 'lower';

/**
 * The offset and thickness of a bar within a band of `bandPx`, px. Two series that share a band
 * take a half each, so neither can hide the other (a red overload bar under a blue one).
 * Example: band 20 px, 'lower' → { offset: 10, size: 10 }.
 */
export function bandSlot(bandPx: number, part: BandPart): { offset: number; size: number } {
  if (part === 'full') return { offset: 0, size: bandPx };
  const half = bandPx / 2;
  return { offset: part === 'upper' ? 0 : half, size: half };
}
