import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePlan } from '../../src/plan';
import { SAMPLES, enterprisePlan, referencePlan } from '../../src/plan/samples/samples';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const EXAMPLES = join(ROOT, 'public/examples');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tsx src/cli/main.ts …args`; each spawn costs about half a second, so tests start them together. */
function plan(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, maxBuffer: 512 * 2 ** 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rackplan-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('plan (CLI)', () => {
  it('plan validate <sample> exits 0 and counts nodes and racks, for every sample and for YAML', async () => {
    writeFileSync(join(dir, 'reference.yaml'), writePlan(referencePlan(), 'yaml'));
    const cases = [
      ...Object.entries(SAMPLES).map(([file, build]) => ({ file: join(EXAMPLES, file), plan: build() })),
      { file: join(dir, 'reference.yaml'), plan: referencePlan() },
    ];
    const runs = await Promise.all(cases.map((c) => plan('validate', c.file)));
    runs.forEach((run, i) => {
      const { file, plan: p } = cases[i];
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${file}: valid (${p.nodes.length} nodes, ${p.racks.length} racks)\n`);
    });
  });

  it('plan validate <broken file> exits 1 with the field path on stderr; a missing file or argument exits 2', async () => {
    const broken = JSON.parse(writePlan(enterprisePlan(), 'json'));
    broken.racks[3].heightU = 0;
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    writeFileSync(join(dir, 'syntax.yaml'), 'version: 1\nsites: [\n');
    const [bad, syntax, missing, none] = await Promise.all([
      plan('validate', join(dir, 'broken.json')),
      plan('validate', join(dir, 'syntax.yaml')),
      plan('validate', join(dir, 'no-such-plan.json')),
      plan('validate'),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('invalid plan (1 problem)');
    expect(bad.stderr).toContain('  racks[3].heightU: must be 1-60, got 0');
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toContain('(file): is not valid YAML');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^plan validate: missing <file>\nusage: plan validate <file>/);
  });

  it('plan evaluate <sample> --json prints a Report whose physical section matches the sample', async () => {
    const files = Object.keys(SAMPLES);
    const runs = await Promise.all(files.map((f) => plan('evaluate', join(EXAMPLES, f), '--json')));
    runs.forEach((run, i) => {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const sample = SAMPLES[files[i]]();
      const report = JSON.parse(run.stdout);
      expect(report.planName).toBe(sample.name);
      expect(report.physical.totals.nodes).toBe(sample.nodes.length);
      expect(report.physical.totals.racks).toBe(sample.racks.length);
      expect(report.physical.racks).toHaveLength(sample.racks.length);
      expect(report.physical.totals.totalU).toBe(sample.racks.reduce((s, r) => s + r.heightU, 0));
    });
  });

  it('plan evaluate <sample> prints a summary; plan <unknown> exits 2 with usage; plan schema prints JSON Schema', async () => {
    const [summary, unknown, schema] = await Promise.all([plan('evaluate', join(EXAMPLES, 'reference.json')), plan('frobnicate'), plan('schema')]);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain('Plan: Reference cluster');
    expect(summary.stdout).toContain('Nodes: 12 (control plane 3, worker 6, storage 3) in 3 racks');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^plan: unknown command "frobnicate"\nusage: plan <command>/);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout).$id).toBe('https://rackplan.dev/plan.schema.json');
  });

  it('plan evaluate <file> --bogus exits 2 naming the flag; plan --help lists every command and the exit codes', async () => {
    const [bogus, help, missing] = await Promise.all([plan('evaluate', join(EXAMPLES, 'reference.json'), '--bogus'), plan('--help'), plan('etcd')]);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain("plan evaluate: Unknown option '--bogus'");
    expect(bogus.stderr).toContain('usage: plan evaluate <file> [--json]');
    expect(help.code).toBe(0);
    for (const c of ['validate', 'evaluate', 'etcd', 'network', 'storage', 'schema', 'examples']) expect(help.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    expect(help.stdout).toContain('2  usage');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('plan etcd: missing <file>');
  });

  it('plan evaluate <plan with escape sequences and bidi overrides in names> prints them inert', async () => {
    const p = JSON.parse(writePlan(referencePlan(), 'json'));
    p.name = 'evil\u202eplan\u2066';
    writeFileSync(join(dir, 'bidi.json'), JSON.stringify(p));
    p.racks[0].name = 'R1\u001b[2J\u001b]0;pwned\u0007\r\nPlan: forged';
    writeFileSync(join(dir, 'escape.json'), JSON.stringify(p));
    const [bidi, escape] = await Promise.all([plan('evaluate', join(dir, 'bidi.json')), plan('validate', join(dir, 'escape.json'))]);
    expect(bidi.code).toBe(0);
    expect(bidi.stdout).not.toMatch(/[\u202e\u2066]/);
    expect(bidi.stdout).toContain('Plan: evil\\u202eplan\\u2066');
    expect(escape.code).toBe(1);
    expect(escape.stderr).toContain('racks[0].name: must not contain control characters');
    // eslint-disable-next-line no-control-regex
    expect(escape.stderr).not.toMatch(/[\u001b\u0007\r]/);
  });
});
