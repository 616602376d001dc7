// `npm run bench`: builds the app (the browser benchmark drives the built app), then runs every
// test/bench/*.bench.ts in turn and prints their figures.
// Benchmarks measure; they never fail on a wall-clock limit (these machines are shared and noisy).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const files = readdirSync('test/bench').filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const r = spawnSync('npx', ['tsx', `test/bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
