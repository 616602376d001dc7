// Golden snapshots of the storage report for every sample plan, recorded before the storage models
// were optimised, so a faster model that changes any figure fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATE_OPTIONS } from '../../../src/models/evaluate';
import { placeStorage } from '../../../src/models/storage/placement';
import { storageReport } from '../../../src/models/storage/storageReport';
import { readPlan } from '../../../src/plan/io';

const EXAMPLES = 'public/examples';

/**
 * Rounds every number to 9 significant digits. Sums over 20,000 volumes or 8,192 PGs pick up
 * noise in the 15th-16th digit when their order changes; 9 digits hide that and nothing else.
 * Non-finite numbers become strings, since JSON would turn them into null.
 */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? Number(value.toPrecision(9)) : String(value);
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

/** FNV-1a over the shard array: any moved shard changes it. */
function shardDigest(shards: Int32Array): string {
  let h = 0x811c9dc5;
  for (const d of shards) h = Math.imul(h ^ d, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

describe('storageReport(plan, {seed: 1}) on the sample plans', () => {
  for (const file of readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    it(`storageReport(${file}) matches its golden snapshot`, async () => {
      const read = readPlan(readFileSync(`${EXAMPLES}/${file}`, 'utf8'), 'json');
      if (!read.ok) throw new Error(`${file} is invalid`);
      const seed = DEFAULT_EVALUATE_OPTIONS.seed;
      const report = storageReport(read.plan, { seed });
      const golden = { shards: shardDigest(placeStorage(read.plan, { seed }).shards), report: rounded(report) };
      await expect(`${JSON.stringify(golden, null, 1)}\n`).toMatchFileSnapshot(`./__golden__/${file}`);
    });
  }
});
