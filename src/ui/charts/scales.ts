import { scaleBand, scaleLinear, scaleLog, type ScaleBand, type ScaleLinear, type ScaleLogarithmic } from 'd3';

export type ScaleKind = 'linear' | 'log' | 'band';
export type ContinuousScale = ScaleLinear<number, number> | ScaleLogarithmic<number, number>;
export type AnyScale = ContinuousScale | ScaleBand<string>;

/**
 * Builds a d3 scale from a kind, a domain and a pixel range. Pure (no DOM), so scale maths is
 * unit-tested apart from the marks that draw with it (the layercake createScale pattern).
 */
export function createScale(kind: ScaleKind, domain: readonly (number | string)[], range: [number, number], nice = true): AnyScale {
  if (kind === 'band') return scaleBand<string>().domain(domain.map(String)).range(range).padding(0.2);
  const [lo, hi] = domain as [number, number];
  if (kind === 'log') {
    const s = scaleLog()
      .domain([Math.max(lo, 1e-9), Math.max(hi, lo * 10, 1e-8)])
      .range(range);
    return nice ? s.nice() : s;
  }
  const s = scaleLinear()
    .domain(lo === hi ? [lo, lo + 1] : [lo, hi])
    .range(range);
  return nice ? s.nice() : s;
}

/** The pixel position of a value on any scale (band scales return the band's centre). */
export function position(scale: AnyScale, value: number | string): number {
  if ('bandwidth' in scale) return (scale(String(value)) ?? 0) + scale.bandwidth() / 2;
  return scale(Number(value));
}

/** Tick values for an axis: band domains as they are, continuous scales via d3's tick choice. */
export function ticksOf(scale: AnyScale, count: number): (number | string)[] {
  if ('bandwidth' in scale) return scale.domain();
  return scale.ticks(count);
}

/** [min, max] of numbers, widened to include `include` values (0, a threshold…). */
export function extent(values: Iterable<number>, include: number[] = []): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...values, ...include]) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo === Infinity ? [0, 1] : [lo, hi];
}
