import { create, expmDependencies, lusolveDependencies, matrixDependencies, multiplyDependencies, type Matrix } from 'mathjs';

// Reliability chains mix failure rates near 1e-6 /h with repair rates near 1 /h, so LU pivots
// fall far below mathjs' default zero tolerance (absTol 1e-15) without being zero: this instance
// treats only exact zeros as zero.
const { expm, lusolve, matrix, multiply } = create(
  { expmDependencies, lusolveDependencies, matrixDependencies, multiplyDependencies },
  { absTol: 0, relTol: 1e-300 },
);

/**
 * Exact solutions of small continuous-time Markov chains with mathjs. `q` is a generator over
 * states 0..n−1 (rates per hour, off-diagonal ≥ 0, rows summing to 0 once the diagonal is
 * filled); `bad` marks the states that count as failure (data lost, quorum lost).
 */
export interface Chain {
  q: number[][];
  bad: boolean[];
}

/** Fills each diagonal entry with minus its row's off-diagonal sum. */
export function withDiagonal(q: number[][]): number[][] {
  return q.map((row, i) => row.map((x, j) => (i === j ? -row.reduce((s, y, k) => (k === i ? s : s + y), 0) : x)));
}

/** The generator restricted to the good (transient) states, with their indices. */
function transient(chain: Chain): { qT: number[][]; good: number[] } {
  const good = chain.bad.flatMap((b, i) => (b ? [] : [i]));
  const full = withDiagonal(chain.q);
  return { qT: good.map((i) => good.map((j) => full[i][j])), good };
}

/**
 * Mean time from `start` until the chain first enters a bad state, hours: the absorbing chain's
 * fundamental matrix N = (−Q_T)⁻¹ gives the mean times t = N·1, solved as (−Q_T)·t = 1 with LU.
 * For a replica group this is the MTTDL (Greenan, Plank and Wylie, HotStorage '10, explain why it
 * alone misleads; `probabilityBadWithin` gives the mission-time answer).
 */
export function meanTimeToBadHours(chain: Chain, start = 0): number {
  const { qT, good } = transient(chain);
  const negated = qT.map((row) => row.map((x) => -x));
  const t = lusolve(matrix(negated), matrix(good.map(() => 1))) as Matrix;
  return (t.toArray() as number[][])[good.indexOf(start)][0];
}

/**
 * Probability that the chain, started in `start`, has entered a bad state by `hours`: the bad
 * states are made absorbing and P = Σ_{b bad} [exp(Q·t)]_{start,b} (matrix exponential by mathjs;
 * summing the absorbed mass avoids the cancellation of 1 − survival when P is tiny).
 */
export function probabilityBadWithin(chain: Chain, hours: number, start = 0): number {
  const absorbing = chain.q.map((row, i) => (chain.bad[i] ? row.map(() => 0) : row));
  const full = withDiagonal(absorbing);
  const e = (expm(multiply(matrix(full), hours) as Matrix).toArray() as number[][])[start];
  let p = 0;
  for (let j = 0; j < e.length; j++) if (chain.bad[j]) p += e[j];
  return Math.min(1, Math.max(0, p));
}

/**
 * Long-run share of time spent in bad states (the chain left free to recover): the stationary
 * π solves πQ = 0 with Σπ = 1, one balance equation replaced by the normalisation, by LU.
 */
export function stationaryBadShare(chain: Chain): number {
  const full = withDiagonal(chain.q);
  const n = full.length;
  const a = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === n - 1 ? 1 : full[j][i])));
  const b = Array.from({ length: n }, (_, i) => (i === n - 1 ? 1 : 0));
  const pi = (lusolve(matrix(a), matrix(b)) as Matrix).toArray() as number[][];
  let bad = 0;
  for (let i = 0; i < n; i++) if (chain.bad[i]) bad += pi[i][0];
  return Math.min(1, Math.max(0, bad));
}
