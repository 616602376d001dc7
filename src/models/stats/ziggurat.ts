/**
 * Tables of the ziggurat method for standard exponential variates (density f(x) = e^−x, x ≥ 0),
 * after Marsaglia and Tsang, "The Ziggurat Method for Generating Random Variables", Journal of
 * Statistical Software 5(8), 2000 (https://doi.org/10.18637/jss.v005.i08), with 256 layers.
 *
 * The area under f is covered by 255 horizontal rectangles of equal area v and a base strip
 * (the rectangle under f(r) up to r plus the tail beyond r, also of area v):
 *   x_255 = r,  x_(i−1) = −ln(v / x_i + e^(−x_i)),  r = 7.697117470131487, v = 0.003949659822581572.
 * Layer i ≥ 1 spans [0, x_i] × [f(x_i), f(x_(i−1))] (x_0 = 0, f(x_0) = 1); the base strip is
 * treated as a rectangle of width q = v / f(r). A draw picks a layer with 8 random bits and a
 * position j in it with 24 more (one 32-bit word): x = j · w[i], accepted at once when
 * j < k[i] (x lies under the layer above, so under f) — about 98.9 % of draws. Otherwise it is
 * accepted when a uniform height in the layer falls under e^−x (the wedge), or, in the base
 * strip, replaced by a tail draw r − ln U (the exponential beyond r is r plus an exponential).
 *
 *   w[i] = x_i / 2^24,  k[i] = ⌊(x_(i−1) / x_i) · 2^24⌋,  f[i] = e^(−x_i);
 *   base: w[0] = q / 2^24, k[0] = ⌊(r / q) · 2^24⌋, f[0] = 1.
 *
 * The tables are computed once here with portableExp and portableLog (basic IEEE operations
 * only), and the slow paths use them too, so the C ports (test/bench/reliabilityLoop.c,
 * test/models/stats/zigguratReference.c) draw bit-identical variates from the same stream.
 */
import { portableExp, portableLog } from './portableMath';

export interface ZigguratTables {
  /** Fast-accept thresholds on the 24-bit position (integers below 2^24). */
  k: Int32Array;
  /** Position-to-x scale per layer. */
  w: Float64Array;
  /** e^−x at each layer's right edge. */
  f: Float64Array;
}

export const ZIGGURAT_LAYERS = 256;
/** x_255: where the tail begins. */
export const ZIGGURAT_R = 7.697117470131487;
/** Area of each layer. */
export const ZIGGURAT_V = 3.949659822581572e-3;
const POSITIONS = 2 ** 24;

function exponentialTables(): ZigguratTables {
  const k = new Int32Array(ZIGGURAT_LAYERS);
  const w = new Float64Array(ZIGGURAT_LAYERS);
  const f = new Float64Array(ZIGGURAT_LAYERS);
  const r = ZIGGURAT_R;
  const q = ZIGGURAT_V / portableExp(-r);
  k[0] = Math.floor((r / q) * POSITIONS);
  k[1] = 0;
  w[0] = q / POSITIONS;
  w[255] = r / POSITIONS;
  f[0] = 1;
  f[255] = portableExp(-r);
  let x = r;
  for (let i = 254; i >= 1; i--) {
    const inner = -portableLog(ZIGGURAT_V / x + portableExp(-x));
    k[i + 1] = Math.floor((inner / x) * POSITIONS);
    x = inner;
    f[i] = portableExp(-x);
    w[i] = x / POSITIONS;
  }
  return { k, w, f };
}

export const EXPONENTIAL_ZIGGURAT: ZigguratTables = exponentialTables();
