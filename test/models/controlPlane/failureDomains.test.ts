import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAILURE_LEVELS, levelTolerance, memberDependencies } from '../../../src/models/controlPlane/failureDomains';
import { toleratedFailures } from '../../../src/models/controlPlane/quorum';
import { member, memberSpecsArb } from '../../arbitraries/controlPlane';

const SINGLE_HOMED = ['node', 'rack', 'row', 'room', 'site'] as const;

describe('failure-domain tolerance', () => {
  it('levelTolerance(members, "rack") is 0 when one rack holds 2 of 3 members, and says why', () => {
    const members = [member({ name: 'cp-1', rack: 'R2' }), member({ name: 'cp-2', rack: 'R2' }), member({ name: 'cp-3', rack: 'R3' })];
    const t = levelTolerance(members, 'rack');
    expect(t.tolerance).toBe(0);
    expect(t.critical).toHaveLength(1);
    expect(t.critical[0].members).toEqual(['cp-1', 'cp-2']);
    expect(t.critical[0].why).toBe('rack R2 holds cp-1 and cp-2: losing rack R2 loses quorum (2 of 3 down, quorum 2)');
  });

  it('levelTolerance(members, "rack") is 1 for 3 members in 3 racks, 2 for 5 in 5', () => {
    const three = ['R1', 'R2', 'R3'].map((rack, i) => member({ name: `cp-${i + 1}`, rack }));
    expect(levelTolerance(three, 'rack').tolerance).toBe(1);
    const five = ['R1', 'R2', 'R3', 'R4', 'R5'].map((rack, i) => member({ name: `cp-${i + 1}`, rack }));
    expect(levelTolerance(five, 'rack').tolerance).toBe(2);
  });

  it('levelTolerance(5 members in racks 2+2+1, "rack") is 1: two fullest racks hold 4 > 2', () => {
    const racks = ['R1', 'R1', 'R2', 'R2', 'R3'];
    const t = levelTolerance(
      racks.map((rack, i) => member({ name: `cp-${i + 1}`, rack })),
      'rack',
    );
    // f = 5 - 3 = 2; losing R1 downs 2 (not > 2); R1 + R2 down 2 + 2 = 4 > 2, so the smallest losing set has 2 racks.
    expect(t.tolerance).toBe(2 - 1);
    expect(t.critical).toEqual([]);
  });

  it('levelTolerance(dual-homed members, "tor") counts switches: 3 racks x 2 switches need 4 failures', () => {
    const members = ['R1', 'R2', 'R3'].map((rack, i) => member({ name: `cp-${i + 1}`, rack, tors: ['A', 'B'] }));
    // Downing 2 members (f + 1 = 2) needs both switches of two racks: 2 + 2 = 4 switches, so any 3 are survivable.
    expect(levelTolerance(members, 'tor').tolerance).toBe(4 - 1);
  });

  it('levelTolerance(members, "tor") ignores switch B in a rack that has only one switch', () => {
    const members = [
      member({ name: 'cp-1', rack: 'R1', tors: ['A', 'B'], rackTors: 1 }),
      member({ name: 'cp-2', rack: 'R1', tors: ['A', 'B'], rackTors: 1 }),
      member({ name: 'cp-3', rack: 'R2' }),
    ];
    const t = levelTolerance(members, 'tor');
    expect(t.tolerance).toBe(0);
    expect(t.critical[0].why).toContain('ToR A of rack R1 is the only switch of cp-1 and cp-2');
  });

  it('levelTolerance(members, "power") sees a circuit shared by two racks', () => {
    const circuits = { A: 'pdu-7' };
    const members = [member({ name: 'cp-1', rack: 'R1', circuits }), member({ name: 'cp-2', rack: 'R2', circuits }), member({ name: 'cp-3', rack: 'R3' })];
    const t = levelTolerance(members, 'power');
    expect(t.tolerance).toBe(0);
    expect(t.critical[0].label).toBe('power circuit pdu-7');
    expect(t.critical[0].members).toEqual(['cp-1', 'cp-2']);
  });

  it('levelTolerance([], level) is 0 with nothing critical', () => {
    expect(levelTolerance([], 'rack')).toMatchObject({ tolerance: 0, critical: [] });
  });

  it('tolerance is never negative and single-homed levels never exceed floor((n - 1) / 2)', () => {
    fc.assert(
      fc.property(memberSpecsArb, (specs) => {
        const members = specs.map(member);
        for (const level of FAILURE_LEVELS) expect(levelTolerance(members, level).tolerance).toBeGreaterThanOrEqual(0);
        for (const level of SINGLE_HOMED) expect(levelTolerance(members, level).tolerance).toBeLessThanOrEqual(Math.floor((members.length - 1) / 2));
      }),
      { numRuns: 200 },
    );
  });

  it('tolerance matches the definition: every set of `tolerance` domains keeps quorum, some set one larger loses it', () => {
    fc.assert(
      fc.property(memberSpecsArb, fc.constantFrom(...FAILURE_LEVELS), (specs, level) => {
        const members = specs.map(member);
        const { labels, deps } = memberDependencies(members, level);
        const ids = [...labels.keys()];
        const f = toleratedFailures(members.length);
        const t = levelTolerance(members, level).tolerance;
        let worstAtT = 0;
        let loses = false;
        for (let mask = 1; mask < 1 << ids.length; mask++) {
          const set = new Set(ids.filter((_, i) => mask & (1 << i)));
          const down = deps.filter((d) => d.every((x) => set.has(x))).length;
          if (set.size <= t) worstAtT = Math.max(worstAtT, down);
          if (set.size === t + 1 && down > f) loses = true;
        }
        expect(worstAtT).toBeLessThanOrEqual(f);
        expect(loses).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('moving a member into its own rack never lowers rack tolerance', () => {
    fc.assert(
      fc.property(memberSpecsArb, fc.nat(), (specs, pick) => {
        const before = levelTolerance(specs.map(member), 'rack').tolerance;
        const i = pick % specs.length;
        const moved = specs.map((s, j) => (j === i ? { ...s, rack: `own-${i}` } : s));
        expect(levelTolerance(moved.map(member), 'rack').tolerance).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});
