/**
 * Model predictions against published measurements and sizing guidance the models were not
 * fitted to (rows, sources and plans in `publishedMeasurements.ts`). Each row is its own test:
 * within its tolerance, or, for a row the model misses, outside it with the reason stated (so the
 * README never calls a miss a hit, nor the reverse). The README's table is checked line by line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALIBRATION_SOURCES, PUBLISHED_ROWS, tableLine, withinTolerance } from './publishedMeasurements';

const predictions = new Map<string, number>();
const predicted = (id: string) => {
  if (!predictions.has(id)) predictions.set(id, PUBLISHED_ROWS.find((r) => r.id === id)!.predict());
  return predictions.get(id)!;
};

describe('published measurements (not calibration rows)', () => {
  for (const row of PUBLISHED_ROWS) {
    const tol = 'factor' in row.tolerance ? `within a factor ${row.tolerance.factor}` : `within ${row.tolerance.relative * 100} %`;
    it(`${row.id}: ${row.what}, ${row.source}: ${JSON.stringify(row.published)} ${row.unit} — ${row.miss ? `a stated miss (${tol} fails)` : tol}`, () => {
      const p = predicted(row.id);
      expect(Number.isFinite(p)).toBe(true);
      expect(withinTolerance(row, p), `predicted ${p}`).toBe(row.miss === undefined);
    });
  }

  it("at least 20 rows, at least 80 % of them within tolerance; the 5,000-node sample within a factor 2 of kube-up's n1-standard-32", () => {
    const within = PUBLISHED_ROWS.filter((r) => withinTolerance(r, predicted(r.id))).length;
    expect(PUBLISHED_ROWS.length).toBeGreaterThanOrEqual(20);
    expect(within / PUBLISHED_ROWS.length).toBeGreaterThanOrEqual(0.8);
    for (const id of ['kube-up-5000-cpu', 'kube-up-5000-mem'])
      expect(
        withinTolerance(
          PUBLISHED_ROWS.find((r) => r.id === id)!,
          predicted(id),
        ),
      ).toBe(true);
  });

  it('no row cites a calibration source (CALIBRATION_SOURCES): the table checks the models only against what they were not fitted to', () => {
    for (const row of PUBLISHED_ROWS) {
      for (const source of CALIBRATION_SOURCES) expect(row.url, `${row.id} cites ${source}`).not.toContain(source);
    }
  });

  it('src/models/README.md holds every row as computed (published, predicted, ratio, verdict)', () => {
    const readme = readFileSync(new URL('../../src/models/README.md', import.meta.url), 'utf8');
    for (const row of PUBLISHED_ROWS) expect(readme).toContain(tableLine(row, predicted(row.id)));
  });
});
