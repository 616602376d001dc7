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
  /** Exponential with the given rate (1/mean). */
  exponential(rate: number): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

/** The generator's state lives in object fields, which V8 optimises better than closure variables in hot loops. */
class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    let s = seed >>> 0;
    const splitmix = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix() | 0;
    this.b = splitmix() | 0;
    this.c = splitmix() | 0;
    this.d = splitmix() | 0;
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    // State is kept as int32 (`| 0`): the same bits as uint32, but V8 keeps int32 in registers
    // while `>>> 0` results above 2^31 become heap doubles (about 4x slower here).
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
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

  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

export function seededRandom(seed: number): Random {
  return new Sfc32(seed);
}
