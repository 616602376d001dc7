/** Nodes and weights of an m-point rule for E[g(Z)], Z standard normal: E[g(Z)] ≈ Σ wᵢ g(zᵢ), Σ wᵢ = 1. */
export interface NormalQuadrature {
  z: Float64Array;
  w: Float64Array;
}

const rules = new Map<number, NormalQuadrature>();

/**
 * The m-point Gauss–Hermite rule for the standard normal: exact for polynomials of degree up to
 * 2m − 1, and for smooth g its error falls faster than any power of m. Nodes are the roots of the
 * physicists' Hermite polynomial H_m found by Newton's method from asymptotic starting guesses
 * (Press et al., Numerical Recipes, 3rd ed., §4.6 `gauher`), then scaled: z = √2 x, w = w_H / √π.
 * Computed once per m and kept.
 */
export function normalQuadrature(m: number): NormalQuadrature {
  const kept = rules.get(m);
  if (kept) return kept;
  const x = new Float64Array(m);
  const wH = new Float64Array(m);
  const pim4 = Math.pow(Math.PI, -0.25);
  const half = (m + 1) >> 1;
  let root = 0;
  for (let i = 0; i < half; i++) {
    if (i === 0) root = Math.sqrt(2 * m + 1) - 1.85575 * Math.pow(2 * m + 1, -1 / 6);
    else if (i === 1) root -= (1.14 * Math.pow(m, 0.426)) / root;
    else if (i === 2) root = 1.86 * root - 0.86 * x[0];
    else if (i === 3) root = 1.91 * root - 0.91 * x[1];
    else root = 2 * root - x[i - 2];
    let pp = 0;
    for (let iter = 0; iter < 100; iter++) {
      // Orthonormal Hermite recurrence: p1 = H̃_m(root), p2 = H̃_{m−1}(root).
      let p1 = pim4;
      let p2 = 0;
      for (let j = 0; j < m; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = root * Math.sqrt(2 / (j + 1)) * p2 - Math.sqrt(j / (j + 1)) * p3;
      }
      pp = Math.sqrt(2 * m) * p2;
      const step = p1 / pp;
      root -= step;
      if (Math.abs(step) <= 1e-14) break;
    }
    x[i] = root;
    x[m - 1 - i] = -root;
    wH[i] = 2 / (pp * pp);
    wH[m - 1 - i] = wH[i];
  }
  const rule: NormalQuadrature = {
    z: Float64Array.from(x, (v) => v * Math.SQRT2).reverse(),
    w: Float64Array.from(wH, (v) => v / Math.sqrt(Math.PI)).reverse(),
  };
  rules.set(m, rule);
  return rule;
}
