/**
 * Deterministic hashing for placement, in the spirit of Ceph's CRUSH (rjenkins / straw2): the same
 * seed, unit and item always give the same number, so placement is reproducible in a worker, a
 * test and the CLI without storing it. Not cryptographic.
 */

/** A 32-bit mix of up to four integers (murmur3 finaliser over a running combination). */
export function hash32(a: number, b: number, c = 0, d = 0): number {
  return hash32After(hashPrefix(a, b), c, d);
}

/**
 * The running combination of `hash32`'s first two inputs, so a loop over many (c, d) with the same
 * (a, b) mixes them once: including the shift-xor that `hash32AfterBits` would otherwise apply to
 * it for every (c, d), 1.77 million times in one placement of 16,384 PGs.
 */
export function hashPrefix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** `hash32(a, b, c, d)` given `hashPrefix(a, b)`. */
export function hash32After(prefix: number, c: number, d: number): number {
  return hash32AfterBits(prefix, c, d) >>> 0;
}

/**
 * The bits of `hash32After(prefix, c, d)` as a signed 32-bit integer. CRUSH's straw2 scan
 * compares these (shifted by 2^31, which keeps the unsigned order) because V8 holds an unsigned
 * hash above 2^31 as a double.
 */
export function hash32AfterBits(prefix: number, c: number, d: number): number {
  let h = Math.imul(prefix ^ c, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15) ^ d, 0x165667b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Uniform in (0, 1) from a hash. */
export function hashUnit(a: number, b: number, c = 0, d = 0): number {
  return unitOfHash(hash32(a, b, c, d));
}

/** `hashUnit` of an already computed `hash32`: (h + 0.5) / 2^32. */
export function unitOfHash(h: number): number {
  return (h + 0.5) / 4294967296;
}

/**
 * Straw2 draw of an item with `weight` (Ceph CRUSH straw2): ln(u) / weight. The item with the
 * largest draw wins; an item wins with probability weight / Σ weights, and changing one item's
 * weight only moves data to or from that item.
 */
export function straw2(u: number, weight: number): number {
  return weight > 0 ? Math.log(u) / weight : -Infinity;
}

/** A stable 32-bit id of a string (FNV-1a), to feed names into `hash32`. */
export function stringId(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
