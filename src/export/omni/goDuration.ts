/**
 * Go's `time.Duration` text form, the one Omni templates use for durations (`30s`, `2h0m0s`,
 * `1.5h`, `300ms`): an optional sign, then one or more decimal numbers each followed by a unit
 * ns, us (µs, μs), ms, s, m, h (Go `time.ParseDuration`). `0` alone is allowed.
 */

const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/** Parses a Go duration to seconds; undefined when the text is not one. `parseGoDuration('2h0m0s')` is 7200. */
export function parseGoDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let seconds = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < rest.length) {
    const at = PART.lastIndex;
    const m = PART.exec(rest);
    if (!m || m.index !== at) return undefined;
    seconds += Number(m[1]) * UNIT_SECONDS[m[2]];
  }
  return sign * seconds;
}

/** Formats seconds the way Go prints a Duration: `formatGoDuration(7200)` is `2h0m0s`, `0.3` is `300ms`. */
export function formatGoDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const sign = seconds < 0 ? '-' : '';
  let s = Math.abs(seconds);
  if (s < 1) {
    const ms = s * 1e3;
    if (ms >= 1) return `${sign}${trim(ms)}ms`;
    const us = s * 1e6;
    return us >= 1 ? `${sign}${trim(us)}µs` : `${sign}${trim(s * 1e9)}ns`;
  }
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (h > 0) return `${sign}${h}h${m}m${trim(s)}s`;
  if (m > 0) return `${sign}${m}m${trim(s)}s`;
  return `${sign}${trim(s)}s`;
}

function trim(n: number): string {
  return String(Number(n.toFixed(9)));
}
