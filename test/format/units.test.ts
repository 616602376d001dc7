import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitRate, bytes, count, duration, gbps, int, ms, pct, rate, sig, timeUnitFor, watts } from '../../src/format/units';

describe('units', () => {
  it('sig(x) keeps three significant figures and whole numbers from 100 up', () => {
    expect(sig(0.052)).toBe('0.052');
    expect(sig(6.504)).toBe('6.5');
    expect(sig(12.34)).toBe('12.3');
    expect(sig(184.4)).toBe('184');
    expect(sig(1234.5)).toBe('1,235');
    expect(sig(0)).toBe('0');
  });

  it('ms(x) switches to µs below 1 ms with the same figures rule', () => {
    expect(ms(0.052)).toBe('52 µs');
    expect(ms(0.0065)).toBe('6.5 µs');
    expect(ms(12.34)).toBe('12.3 ms');
    expect(ms(1500)).toBe('1,500 ms');
    expect(ms(0)).toBe('0 ms');
    expect(ms(Infinity)).toBe('unbounded');
  });

  it('bytes(b) uses binary units only', () => {
    expect(bytes(12 * 7.68e12)).toBe(`${+((12 * 7.68e12) / 2 ** 40).toPrecision(3)} TiB`);
    expect(bytes(2 ** 30)).toBe('1 GiB');
    expect(bytes(512)).toBe('512 B');
    expect(bytes(3 * 2 ** 50)).toBe('3 PiB');
  });

  it('bitRate(b) and gbps(g) pick a decimal prefix', () => {
    expect(bitRate(3100)).toBe('3.1 kbit/s');
    expect(gbps(45)).toBe('45 Gbit/s');
    expect(gbps(0.5)).toBe('500 Mbit/s');
    expect(gbps(1600)).toBe('1.6 Tbit/s');
    expect(gbps(1.6813)).toBe('1.68 Gbit/s');
  });

  it('duration(s) reads 28 minutes as minutes and never as a sliver of hours', () => {
    expect(duration(45)).toBe('45 s');
    expect(duration(28 * 60)).toBe('28 min');
    expect(duration(3.4 * 3600)).toBe('3.4 h');
    expect(duration(2.1 * 86_400)).toBe('2.1 d');
    expect(duration(Infinity)).toBe('never');
  });

  it('pct(f) shows one decimal below 10 % and whole numbers above unless told', () => {
    expect(pct(0.004)).toBe('0.4 %');
    expect(pct(0.05)).toBe('5 %');
    expect(pct(0.941)).toBe('94 %');
    expect(pct(0.941, 1)).toBe('94.1 %');
  });

  it('watts(w), rate(x), int(x) and count(n, noun) read as a planner writes them', () => {
    expect(watts(850)).toBe('850 W');
    expect(watts(12_345)).toBe('12.3 kW');
    expect(watts(2.5e6)).toBe('2.5 MW');
    expect(rate(44_341)).toBe('44,341/s');
    expect(rate(Infinity)).toBe('no limit');
    expect(int(1234.6)).toBe('1,235');
    expect(count(1, 'rack')).toBe('1 rack');
    expect(count(1200, 'node')).toBe('1,200 nodes');
  });

  it('every formatter prints no NaN, Infinity or e-notation for any finite or infinite input', () => {
    const formatters = [sig, ms, bytes, gbps, bitRate, watts, rate, duration, (x: number) => pct(x), int];
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0, max: 1e18, noNaN: true }), fc.constant(Infinity)), (x) => {
        for (const f of formatters) expect(f(x)).not.toMatch(/NaN|Infinity|e[+-]\d/);
      }),
    );
  });

  it('sig(x) never loses the order of two numbers that differ by more than 1 %', () => {
    const parse = (s: string) => Number(s.replace(/,/g, ''));
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e9, noNaN: true }), fc.double({ min: 1.011, max: 10, noNaN: true }), (x, f) => {
        expect(parse(sig(x * f))).toBeGreaterThan(parse(sig(x)));
      }),
    );
  });
});

describe('timeUnitFor', () => {
  it('timeUnitFor(28 min) is minutes, so a 28-minute rebuild is not a sliver of an hour', () => {
    expect(timeUnitFor(28 * 60).unit).toBe('min');
    expect(timeUnitFor(45).unit).toBe('s');
    expect(timeUnitFor(5 * 3600).unit).toBe('h');
    expect(timeUnitFor(8 * 86_400).unit).toBe('d');
    expect(timeUnitFor(Infinity).unit).toBe('s');
  });

  it('timeUnitFor(s) always leaves at least 3 units on the axis when s ≥ 3 s', () => {
    fc.assert(
      fc.property(fc.double({ min: 3, max: 1e8, noNaN: true }), (s) => {
        expect(s / timeUnitFor(s).seconds).toBeGreaterThanOrEqual(3);
      }),
    );
  });
});
