/**
 * Semantic versions as Omni checks them (blang/semver `ParseTolerant`, used by Omni's
 * `ClusterValidator`): spaces trimmed, one leading `v` dropped, a missing minor or patch read as 0,
 * leading zeros dropped, then strict SemVer 2.0.0 (https://semver.org).
 */

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  pre: string[];
}

const NUMERIC = /^(0|[1-9]\d*)$/;
const IDENT = /^[0-9A-Za-z-]+$/;

/** Parses like `semver.ParseTolerant`; returns an error sentence instead of throwing. */
export function parseTolerantSemver(input: string): SemVer | { error: string } {
  let s = input.trim().replace(/^v/, '');
  const parts = splitN(s, '.', 3);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.length > 1) {
      const trimmed = p.replace(/^0+/, '');
      parts[i] = trimmed === '' || !/^\d/.test(trimmed) ? `0${trimmed}` : trimmed;
    }
  }
  if (parts.length < 3) {
    if (/[-+]/.test(parts[parts.length - 1])) return { error: 'short version cannot contain pre-release or build metadata' };
    while (parts.length < 3) parts.push('0');
  }
  s = parts.join('.');
  return parseSemver(s);
}

/** Strict SemVer 2.0.0: `MAJOR.MINOR.PATCH[-pre][+build]`, numbers without leading zeros. */
export function parseSemver(s: string): SemVer | { error: string } {
  if (s === '') return { error: 'version string empty' };
  const parts = splitN(s, '.', 3);
  if (parts.length < 3) return { error: 'no major, minor and patch elements found' };
  const [majorText, minorText] = parts;
  let patchText = s.slice(majorText.length + minorText.length + 2);
  let build = '';
  const plus = patchText.indexOf('+');
  if (plus >= 0) {
    build = patchText.slice(plus + 1);
    patchText = patchText.slice(0, plus);
  }
  let pre = '';
  const dash = patchText.indexOf('-');
  if (dash >= 0) {
    pre = patchText.slice(dash + 1);
    patchText = patchText.slice(0, dash);
  }
  for (const [label, text] of [
    ['major', majorText],
    ['minor', minorText],
    ['patch', patchText],
  ] as const) {
    if (!NUMERIC.test(text)) return { error: `invalid character(s) or leading zeros in ${label} number "${text}"` };
  }
  const preParts = dash >= 0 ? pre.split('.') : [];
  for (const p of preParts) {
    if (!IDENT.test(p) || (/^\d+$/.test(p) && !NUMERIC.test(p))) return { error: `invalid prerelease part "${p}"` };
  }
  if (plus >= 0) {
    for (const b of build.split('.')) if (!IDENT.test(b)) return { error: `invalid build metadata "${b}"` };
  }
  return { major: Number(majorText), minor: Number(minorText), patch: Number(patchText), pre: preParts };
}

/** Orders versions by major, minor, patch; a pre-release sorts before its release. */
export function compareSemver(a: SemVer, b: SemVer): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || (b.pre.length === 0 ? 0 : 1) - (a.pre.length === 0 ? 0 : 1);
}

export function isSemverError(v: SemVer | { error: string }): v is { error: string } {
  return 'error' in v;
}

/** Go's `strings.SplitN`: at most n parts, the last one keeping the rest. */
function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const at = rest.indexOf(sep);
    if (at < 0) break;
    out.push(rest.slice(0, at));
    rest = rest.slice(at + sep.length);
  }
  out.push(rest);
  return out;
}
