/**
 * The one place that turns numbers into text with units, for the CLI, the UI and the models'
 * messages alike, so a figure reads the same wherever it appears. Pure: no DOM, no locale but
 * en-US (a plan printed on two machines must read the same).
 *
 * Conventions, chosen once:
 * - three significant figures, whole numbers from 100 up (`1.68`, `12.3`, `184`, `1,234`);
 * - bytes in binary (IEC) units, as Ceph and Longhorn report them: GiB, TiB, never TB;
 * - times below 1 ms in µs, below 1 s in ms; durations in s, min, h, d by size;
 * - bit rates in bit/s with a decimal prefix (kbit/s, Mbit/s, Gbit/s, Tbit/s);
 * - a non-finite figure is a word (`unbounded`, `never`, `no limit`), never `NaN` or `Infinity`.
 */

/**
 * One formatter for every whole number: `toLocaleString` builds a new one per call, which the
 * results panels paid for thousands of times after every edit.
 */
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A whole number with thousands separators: `int(1234.6)` is `"1,235"`. */
export function int(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? 'unbounded' : '-';
  return WHOLE.format(Math.round(x));
}

/** Three significant figures, whole from 100 up: `sig(0.052) = "0.052"`, `sig(6.504) = "6.5"`, `sig(1234.5) = "1,235"`. */
export function sig(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? 'unbounded' : '-';
  if (Math.abs(x) >= 100) return int(x);
  if (x === 0) return '0';
  // Figures this small only ever come from rounding noise; e-notation would read as a typo.
  if (Math.abs(x) < 0.001) return x > 0 ? '< 0.001' : '> -0.001';
  return String(+x.toPrecision(3));
}

/** A fraction as a percentage: one decimal below 10 %, whole above, unless `digits` says: `pct(0.004) = "0.4 %"`, `pct(0.941) = "94 %"`. */
export function pct(fraction: number, digits?: number): string {
  if (!Number.isFinite(fraction)) return 'unbounded';
  const p = fraction * 100;
  const d = digits ?? (Math.abs(p) < 10 ? 1 : 0);
  return `${digits === undefined ? String(+p.toFixed(d)) : p.toFixed(d)} %`;
}

/** Milliseconds: µs below 1 ms: `ms(0.052) = "52 µs"`, `ms(12.34) = "12.3 ms"`, `ms(Infinity) = "unbounded"`. */
export function ms(valueMs: number | null): string {
  // null is how reports say "unbounded" (they never carry Infinity).
  if (valueMs === null || !Number.isFinite(valueMs)) return 'unbounded';
  if (valueMs !== 0 && Math.abs(valueMs) < 1) return `${sig(valueMs * 1000)} µs`;
  return `${sig(valueMs)} ms`;
}

/** A duration in seconds by size: `45 s`, `28 min`, `3.4 h`, `2.1 d`; `never` when infinite. */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'never';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

/** A unit of time for an axis. */
export interface TimeUnit {
  unit: 's' | 'min' | 'h' | 'd';
  seconds: number;
  /** How the axis names it: "minutes after the failure". */
  plural: string;
}

const TIME_UNITS: TimeUnit[] = [
  { unit: 's', seconds: 1, plural: 'seconds' },
  { unit: 'min', seconds: 60, plural: 'minutes' },
  { unit: 'h', seconds: 3600, plural: 'hours' },
  { unit: 'd', seconds: 86_400, plural: 'days' },
];

/**
 * The largest unit in which a span of `maxSeconds` still reads as at least 3 of it, so a
 * 28-minute rebuild is drawn in minutes, not as a 0.47-hour sliver: `timeUnitFor(1680).unit = "min"`.
 */
export function timeUnitFor(maxSeconds: number): TimeUnit {
  const span = Number.isFinite(maxSeconds) ? maxSeconds : 0;
  return [...TIME_UNITS].reverse().find((u) => span >= 3 * u.seconds) ?? TIME_UNITS[0];
}

const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** `value` divided by `base` until it is below `base`, with the matching unit from `units`. */
function prefixed(value: number, base: number, units: readonly string[]): string {
  if (!Number.isFinite(value)) return 'unbounded';
  let v = value;
  let i = 0;
  while (Math.abs(v) >= base && i < units.length - 1) {
    v /= base;
    i += 1;
  }
  return `${sig(v)} ${units[i]}`;
}

/** Bytes in binary units: `bytes(92.16e12) = "83.8 TiB"`. */
export const bytes = (b: number): string => prefixed(b, 1024, IEC);

/** Bytes in TiB as a bare number, for chart axes that state the unit once: `tib(2 ** 41) = 2`. */
export const tib = (b: number): number => b / 2 ** 40;

const SI_BITS = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s', 'Pbit/s'];

/** A bit rate in bit/s with a decimal prefix: `bitRate(3100) = "3.1 kbit/s"`. */
export const bitRate = (bitsPerS: number): string => prefixed(bitsPerS, 1000, SI_BITS);

/** A bit rate given in Gbit/s: `gbps(45) = "45 Gbit/s"`, `gbps(0.5) = "500 Mbit/s"`, `gbps(1600) = "1.6 Tbit/s"`. */
export const gbps = (g: number): string => bitRate(g * 1e9);

/** Power: `watts(850) = "850 W"`, `watts(12_345) = "12.3 kW"`. */
export function watts(w: number): string {
  if (!Number.isFinite(w)) return 'unbounded';
  if (Math.abs(w) < 1000) return `${sig(w)} W`;
  if (Math.abs(w) < 1e6) return `${sig(w / 1000)} kW`;
  return `${sig(w / 1e6)} MW`;
}

/** Events per second: `rate(44_341) = "44,341/s"`, `rate(2.5) = "2.5/s"`, `no limit` when infinite. */
export function rate(perS: number | null): string {
  if (perS === null || !Number.isFinite(perS)) return 'no limit';
  return `${sig(perS)}/s`;
}

/** A count with its noun, singular for one: `count(1, 'rack') = "1 rack"`, `count(1200, 'node') = "1,200 nodes"`. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${int(n)} ${n === 1 ? noun : plural}`;
}
