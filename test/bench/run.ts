// `npm run bench [filter] [-- --out FILE] [--compare OLD.json]`: builds the app (the browser
// benchmarks drive the built app), runs every test/bench/*.bench.ts whose name contains the
// filter, and then
//   --out FILE       writes every figure as JSON with the machine's cores, Node and Chromium versions;
//   --compare FILE   prints each figure beside the old one and their ratio (new / old);
// and reports each budget in test/bench/budgets.json as a PASS or FAIL line.
// Benchmarks never fail on wall-clock time (these machines are shared and noisy): the exit code
// says only whether every benchmark ran.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchResults {
  date: string;
  commit: string;
  machine: { cores: number; cpu: string; node: string; chromium: string | null };
  figures: Record<string, number>;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, compare: { type: 'string' } } });
const only = positionals[0];
const files = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
const sink = join(mkdtempSync(join(tmpdir(), 'bench-')), 'figures.jsonl');
writeFileSync(sink, '');
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const r = spawnSync('npx', ['tsx', `test/bench/${file}`], { stdio: 'inherit', env: { ...process.env, BENCH_FIGURES: sink } });
  if (r.status !== 0) failed += 1;
}

const figures: Record<string, number> = {};
const facts: Record<string, string> = {};
for (const line of readFileSync(sink, 'utf8').split('\n').filter(Boolean)) {
  const entry = JSON.parse(line) as { name?: string; fact?: string; value: number | string };
  if (entry.name) figures[entry.name] = entry.value as number;
  if (entry.fact) facts[entry.fact] = entry.value as string;
}
const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
const results: BenchResults = {
  date: new Date().toISOString(),
  commit: git.stdout.trim(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, chromium: facts.chromium ?? null },
  figures,
};

console.log(`\n== summary (${results.machine.cores} cores, Node ${results.machine.node}, Chromium ${results.machine.chromium ?? 'not run'})`);
if (values.compare) {
  if (!existsSync(values.compare)) throw new Error(`--compare: no file ${values.compare}`);
  const old = JSON.parse(readFileSync(values.compare, 'utf8')) as BenchResults;
  console.log(`compared with ${values.compare} (${old.commit}, ${old.date}, ${old.machine.cores} cores): new / old`);
  for (const [name, value] of Object.entries(figures)) {
    const before = old.figures[name];
    const ratio = before ? (value / before).toFixed(2) : '—';
    console.log(`  ${name.padEnd(56)} ${String(before ?? '—').padStart(9)} → ${String(value).padStart(9)}   ×${ratio}`);
  }
}
// A number is a ceiling (times); { "min": x } is a floor (speeds and ratios where more is better).
const budgets = JSON.parse(readFileSync('test/bench/budgets.json', 'utf8')) as Record<string, number | string | { min: number }>;
for (const [name, limit] of Object.entries(budgets)) {
  if (typeof limit === 'string') continue;
  const value = figures[name];
  if (value === undefined) console.log(`  SKIP ${name}: not measured in this run`);
  else if (typeof limit === 'number') console.log(`  ${value <= limit ? 'PASS' : 'FAIL'} ${name} = ${value} (budget ${limit})`);
  else console.log(`  ${value >= limit.min ? 'PASS' : 'FAIL'} ${name} = ${value} (at least ${limit.min})`);
}
if (values.out) {
  writeFileSync(values.out, JSON.stringify(results, null, 2) + '\n');
  console.log(`wrote ${Object.keys(figures).length} figures to ${values.out}`);
}
process.exit(failed > 0 ? 1 : 0);
