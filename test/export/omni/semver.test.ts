import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSemver, isSemverError, parseTolerantSemver } from '../../../src/export/omni/semver';

describe('parseTolerantSemver', () => {
  it('parseTolerantSemver("v1.12") is 1.12.0 and "v1.3.0-alpha.1" keeps its pre-release', () => {
    expect(parseTolerantSemver('v1.12')).toEqual({ major: 1, minor: 12, patch: 0, pre: [] });
    expect(parseTolerantSemver('v1.3.0-alpha.1')).toEqual({ major: 1, minor: 3, patch: 0, pre: ['alpha', '1'] });
  });

  it('parseTolerantSemver refuses "vN.2", "v1.3.0gamma.0" and ""', () => {
    for (const t of ['vN.2', 'v1.3.0gamma.0', '', 'v1.2.3-01']) expect(isSemverError(parseTolerantSemver(t))).toBe(true);
  });

  it('compareSemver orders 1.4.9 < 1.5.0-rc.1 < 1.5.0 < 1.10.0', () => {
    const v = (t: string) => parseTolerantSemver(t) as Exclude<ReturnType<typeof parseTolerantSemver>, { error: string }>;
    expect(compareSemver(v('1.4.9'), v('1.5.0-rc.1'))).toBeLessThan(0);
    expect(compareSemver(v('1.5.0-rc.1'), v('1.5.0'))).toBeLessThan(0);
    expect(compareSemver(v('1.5.0'), v('1.10.0'))).toBeLessThan(0);
  });

  it('parseTolerantSemver(`v${a}.${b}.${c}`) gives back a, b and c', () => {
    fc.assert(
      fc.property(fc.nat(999), fc.nat(999), fc.nat(999), (a, b, c) => {
        expect(parseTolerantSemver(`v${a}.${b}.${c}`)).toEqual({ major: a, minor: b, patch: c, pre: [] });
      }),
    );
  });
});
