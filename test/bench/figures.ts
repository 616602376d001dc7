import { appendFileSync } from 'node:fs';

/**
 * Records one benchmark figure: printed by the benchmark itself, and appended as a JSON line to
 * the file `npm run bench` names in BENCH_FIGURES, which it collects into `--out`.
 * Names are dotted paths (`evaluate.hyperscale-5000.json.coldMs`); the last word carries the unit.
 */
export function figure(name: string, value: number): void {
  const file = process.env.BENCH_FIGURES;
  if (file) appendFileSync(file, JSON.stringify({ name, value: Math.round(value * 100) / 100 }) + '\n');
}

/** Records a fact about the machine or the browser (a version) next to the figures. */
export function fact(name: string, value: string): void {
  const file = process.env.BENCH_FIGURES;
  if (file) appendFileSync(file, JSON.stringify({ fact: name, value }) + '\n');
}
