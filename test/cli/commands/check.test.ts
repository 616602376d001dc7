import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { COMMANDS } from '../../../src/cli/registry';
import { checkLine, failsGate } from '../../../src/cli/commands/check';

const EXAMPLES = join(fileURLToPath(new URL('../../../', import.meta.url)), 'public/examples');

async function plan(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, COMMANDS, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  });
  return { code, out, err };
}

describe('plan check', () => {
  it('failsGate(severity, failOn): error fails both gates, warning only --fail-on warning, info neither', () => {
    expect([failsGate('error', 'error'), failsGate('warning', 'error'), failsGate('info', 'error')]).toEqual([true, false, false]);
    expect([failsGate('error', 'warning'), failsGate('warning', 'warning'), failsGate('info', 'warning')]).toEqual([true, true, false]);
  });

  it('checkLine(file, finding) reads like a linter: "file: severity RULE-ID message"', () => {
    expect(checkLine('p.json', { ruleId: 'RA-CP-RTT', severity: 'error', message: 'cp-1 and cp-2 are 20 ms apart (RTT)', why: 'w', source: 's' })).toBe(
      'p.json: error RA-CP-RTT cp-1 and cp-2 are 20 ms apart (RTT)',
    );
  });

  it('plan check anti-patterns.json exits 1 with error lines; reference.json exits 0 but 1 at --fail-on warning', async () => {
    const anti = join(EXAMPLES, 'anti-patterns.json');
    const ref = join(EXAMPLES, 'reference.json');
    const [a, r, rw] = await Promise.all([plan('check', anti), plan('check', ref), plan('check', ref, '--fail-on', 'warning')]);
    expect(a.code).toBe(1);
    expect(a.out).toContain(`${anti}: error RA-CP-RACKS control planes cp-01 and cp-02 share rack R1`);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/: error /);
    expect(rw.code).toBe(1);
    expect(rw.out).toMatch(/: warning RA-UPGRADES /);
  });

  it('plan check <file> --json gives counts, findings and guidance; --fail-on info is a usage error', async () => {
    const ref = join(EXAMPLES, 'reference.json');
    const [j, bad] = await Promise.all([plan('check', ref, '--json'), plan('check', ref, '--fail-on', 'info')]);
    const parsed = JSON.parse(j.out);
    expect(parsed.passed).toBe(true);
    expect(parsed.counts.error).toBe(0);
    expect(parsed.findings.length).toBe(parsed.counts.warning + parsed.counts.info);
    expect(parsed.guidance.length).toBeGreaterThan(0);
    expect(bad.code).toBe(2);
  });
});

describe('plan report', () => {
  it('plan report <file> prints Markdown; --format html --out FILE writes the page; --format pdf is a usage error', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'rackplan-report-'));
    const ref = join(EXAMPLES, 'reference.json');
    const out = join(dir, 'r.html');
    const [md, html, bad] = await Promise.all([
      plan('report', ref),
      plan('report', ref, '--format', 'html', '--out', out),
      plan('report', ref, '--format', 'pdf'),
    ]);
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^# Plan report: Reference cluster/);
    expect(html.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
    expect(bad.code).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
});
