import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rackNameInRow } from '../../src/editor/naming';

const none = new Set<string>();

describe('rackNameInRow', () => {
  it('rackNameInRow([R1, R2]) is R3 with id r3', () => {
    expect(rackNameInRow(['R1', 'R2'], ['R1', 'R2'], new Set(['r1', 'r2']))).toEqual({ name: 'R3', id: 'r3' });
  });

  it('rackNameInRow([A-01, A-02]) keeps the zero padding: A-03, and A-09 is followed by A-10', () => {
    expect(rackNameInRow(['A-01', 'A-02'], ['A-01', 'A-02'], none)).toEqual({ name: 'A-03', id: 'a-03' });
    expect(rackNameInRow(['A-08', 'A-09'], ['A-08', 'A-09'], none).name).toBe('A-10');
    expect(rackNameInRow(['A-099'], ['A-099'], none).name).toBe('A-100');
  });

  it('rackNameInRow continues after the highest number of the pattern, keeping a suffix: R2a, R7a → R8a', () => {
    expect(rackNameInRow(['R7a', 'R2a'], ['R7a', 'R2a'], none).name).toBe('R8a');
  });

  it('rackNameInRow([R1…R4] of row A, R5…R8 in row B) skips the names row B holds: R9', () => {
    const plan = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8'];
    expect(rackNameInRow(plan.slice(0, 4), plan, new Set(plan.map((n) => n.toLowerCase())))).toEqual({ name: 'R9', id: 'r9' });
  });

  it('rackNameInRow skips a number whose id another collection holds, or falls back to rack-<n>', () => {
    // A node "r3" takes the id R3 would get; R3 itself is free as a name.
    expect(rackNameInRow(['R1', 'R2'], ['R1', 'R2'], new Set(['r1', 'r2', 'r3']))).toEqual({ name: 'R3', id: 'rack-3' });
    expect(rackNameInRow(['R1', 'R2'], ['R1', 'R2'], new Set(['r1', 'r2', 'r3', 'rack-3']))).toEqual({ name: 'R4', id: 'r4' });
  });

  it('rackNameInRow of a row without numbers appends one; an empty row continues the plan; nothing at all starts at R1', () => {
    expect(rackNameInRow(['Burst VMs'], ['R1', 'Burst VMs'], none)).toEqual({ name: 'Burst VMs 2', id: 'burst-vms-2' });
    expect(rackNameInRow([], ['H1-R1', 'H1-R2'], none)).toEqual({ name: 'H1-R3', id: 'h1-r3' });
    expect(rackNameInRow([], [], none)).toEqual({ name: 'R1', id: 'r1' });
    expect(rackNameInRow([], ['Spare'], none)).toEqual({ name: 'R1', id: 'r1' });
  });

  it('rackNameInRow of a 120-character name falls back to R<n> rather than outgrow the name limit', () => {
    const long = 'x'.repeat(120);
    expect(rackNameInRow([long], [long], none).name).toBe('R1');
    expect(rackNameInRow([`${'y'.repeat(118)}99`], [], none).name).toBe('R1');
  });

  it('rackNameInRow counts past numbers too long for a float: R99999999999999999999 → R100000000000000000000', () => {
    expect(rackNameInRow(['R99999999999999999999'], ['R99999999999999999999'], none).name).toBe('R100000000000000000000');
  });

  // Names like the ones people give racks: a head, an optional zero-padded number, a tail.
  const rackName = fc
    .tuple(
      fc.constantFrom('R', 'A-', 'Rack ', 'H1-R', 'row2.', ''),
      fc.option(fc.integer({ min: 0, max: 120 })),
      fc.constantFrom(0, 2, 3),
      fc.constantFrom('', 'a', ' spare'),
    )
    .map(([head, n, pad, tail]) => (n === null ? `${head}Spare${tail}` : `${head}${String(n).padStart(pad, '0')}${tail}`));

  it("rackNameInRow never returns a rack name or id in use, and continues the pattern of the row's last numbered rack", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(rackName, { maxLength: 8 }),
        fc.uniqueArray(rackName, { maxLength: 8 }),
        fc.array(fc.constantFrom('r1', 'r2', 'a-01', 'a-3', 'rack-1', 'r10'), { maxLength: 4 }),
        (row, others, ids) => {
          const plan = [...new Set([...others, ...row])];
          const taken = new Set([...ids, ...plan.map((n) => n.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'))]);
          const { name, id } = rackNameInRow(row, plan, taken);
          expect(plan).not.toContain(name);
          expect(taken.has(id)).toBe(false);
          expect(id).toMatch(/^[a-z0-9][a-z0-9._-]{0,63}$/);
          const last = row.findLast((n) => /\d/.test(n));
          if (last !== undefined) {
            // Same text around the number, and the number at least as wide as a padded one.
            const [, head, digits, tail] = /^(.*?)(\d+)(\D*)$/.exec(last)!;
            const [, h2, d2, t2] = /^(.*?)(\d+)(\D*)$/.exec(name)!;
            expect([h2, t2]).toEqual([head, tail]);
            expect(Number(d2)).toBeGreaterThan(Number(digits));
            if (digits.startsWith('0')) expect(d2.length).toBeGreaterThanOrEqual(digits.length);
          }
        },
      ),
    );
  });
});
