import { portableExp, portableLog } from './portableMath';
import { EXPONENTIAL_ZIGGURAT, ZIGGURAT_R } from './ziggurat';

/**
 * A seeded pseudo-random generator for models (never `Math.random`): the same seed gives the
 * same stream in a worker, a test and the CLI. Algorithm: sfc32 (Chris Doty-Humphrey's Small Fast
 * Chaotic PRNG, PractRand-clean), seeded through splitmix32 so nearby seeds give unrelated streams.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal, by Marsaglia's polar method. */
  normal(): number;
  /** Lognormal with the given median and log-space sigma. */
  lognormal(median: number, sigma: number): number;
  /** Exponential with the given rate (1/mean), by inversion: −ln(U) / rate. */
  exponential(rate: number): number;
  /**
   * Standard exponential (mean 1) by the ziggurat method (./ziggurat.ts): no logarithm in about
   * 98.9 % of draws, one 32-bit word per accepted fast draw.
   */
  standardExponential(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

/**
 * The generator's four words live in an Int32Array: V8 stores a number field that leaves the
 * small-integer range (31 bits here) as a boxed heap number, so half of all state updates in
 * object fields allocated; typed-array elements are raw int32 in place.
 */
class Sfc32 implements Random {
  private readonly s = new Int32Array(4);
  private spare = 0;
  private hasSpare = false;
  // The ziggurat's tables as fields: read through the imported object, each draw loaded the module
  // binding, checked it and its map, and loaded all three tables (the reliability loop draws
  // about two per event; a loop of draws alone ran ~17 % faster this way).
  private readonly zigguratK = EXPONENTIAL_ZIGGURAT.k;
  private readonly zigguratW = EXPONENTIAL_ZIGGURAT.w;
  private readonly zigguratF = EXPONENTIAL_ZIGGURAT.f;

  constructor(seed: number) {
    let x = seed >>> 0;
    const splitmix = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    for (let i = 0; i < 4; i++) this.s[i] = splitmix();
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    return (this.word() >>> 0) / 4294967296;
  }

  /** The next 32-bit output as an int32 (the same bits as uint32). */
  private word(): number {
    const s = this.s;
    const a = s[0],
      b = s[1],
      c = s[2],
      d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    this.hasSpare = true;
    return u * m;
  }

  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  exponential(rate: number): number {
    let u = 0;
    while (u === 0) u = this.next();
    return -Math.log(u) / rate;
  }

  standardExponential(): number {
    // Low 8 bits pick the layer, the high 24 the position in it, so the two are independent.
    const word = this.word();
    const i = word & 255;
    const j = word >>> 8;
    if (j < this.zigguratK[i]) return j * this.zigguratW[i];
    // The unary + makes V8 take the call's result as a double, so where a draw is inlined both
    // returns meet as an unboxed double; without it the merge was a tagged value and every fast
    // draw was boxed in a fresh heap number.
    return +this.exponentialSlow(word);
  }

  /**
   * The ziggurat's slow paths (about 1.1 % of draws), from the rejected word on; then fresh
   * words until one is accepted. Out of standardExponential so that its fast path is small: V8
   * inlines callees only up to a bytecode budget per function, and a draw it did not inline
   * returns its double boxed (the reliability loop draws one or two per failure). The slow paths
   * use the portable e^x and ln x, so C gets the same bits.
   */
  private exponentialSlow(word: number): number {
    for (;;) {
      const i = word & 255;
      const j = word >>> 8;
      if (j < this.zigguratK[i]) return j * this.zigguratW[i];
      if (i === 0) return ZIGGURAT_R - portableLog(1 - this.next());
      const x = j * this.zigguratW[i];
      const f = this.zigguratF;
      if (f[i] + this.next() * (f[i - 1] - f[i]) < portableExp(-x)) return x;
      word = this.word();
    }
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

export function seededRandom(seed: number): Random {
  return new Sfc32(seed);
}
